import { EhealthCertError } from '../errors/EhealthCertError.js';
import { formatIdentifier, type Identifier } from '../identifiers/Identifier.js';
import { escapeDnValue } from './escapeDnValue.js';
import { upperCaseWithoutDiacritics } from './upperCaseWithoutDiacritics.js';
import { validateApplicationId } from './validateApplicationId.js';

/**
 * The RFC 2253 subject DN eHealth gives a certificate (DOMAIN.md 4.1): CN=TYPE=ID[, APPID],
 * OU=eHealth-platform Belgium, OU=NAME, OU=TYPE=ID, [OU=APPID,] O=Federal Government, C=BE.
 */
export function buildEhealthDn(input: { readonly identifier: Identifier; readonly name: string; readonly applicationId?: string }): string {
  const name = upperCaseWithoutDiacritics(input.name);
  if (name === '') {
    throw new EhealthCertError('INVALID_INPUT', 'name: an empty value is not valid: the DN needs the holder or organisation name', {
      field: 'name',
      value: input.name,
      rule: 'required',
    });
  }
  const appId = input.applicationId === undefined ? undefined : validateApplicationId(input.applicationId);
  const id = formatIdentifier(input.identifier);
  const rdns: [string, string][] = [
    ['CN', appId ? `${id}, ${appId}` : id],
    ['OU', 'eHealth-platform Belgium'],
    ['OU', name],
    ['OU', id],
    ...(appId ? [['OU', appId] as [string, string]] : []),
    ['O', 'Federal Government'],
    ['C', 'BE'],
  ];
  return rdns.map(([type, value]) => `${type}=${escapeDnValue(value)}`).join(',');
}
