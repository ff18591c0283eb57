import type { Identifier } from '../identifiers/Identifier.js';
import { EhealthCertError } from '../errors/EhealthCertError.js';
import { parseDn } from '../distinguished-name/parseDn.js';

/** Whose certificate an eHealth DN names: identifier, optional application id, name OU. */
export interface DnOwner {
  readonly identifier: Identifier;
  readonly applicationId?: string;
  readonly name: string;
}

/**
 * Reads an eHealth subject DN (DOMAIN.md 4.1): the CN is `TYPE=ID[, APPID]`; the name is the OU
 * that is neither the platform, the identifier nor the application id (TK-CERTPARSER's rule).
 */
export function ehealthDnOwner(dn: string): DnOwner {
  const attributes = parseDn(dn);
  const cn = attributes.find((a) => a.type === 'CN')?.value ?? '';
  const match = /^([A-Z0-9_-]+)=([0-9]+)(?:,\s*([0-9A-Z_-]+))?$/.exec(cn);
  if (!match) {
    throw new EhealthCertError('KEYSTORE_MISMATCH', `The certificate subject "${dn}" is not an eHealth DN (CN must be TYPE=ID[, APPID], DOMAIN.md 4.1).`, {
      dn,
    });
  }
  const identifier: Identifier = { type: match[1] as string, value: match[2] as string };
  const applicationId = match[3];
  const skip = new Set(['eHealth-platform Belgium', `${identifier.type}=${identifier.value}`, applicationId]);
  const name = attributes.find((a) => a.type === 'OU' && !skip.has(a.value))?.value ?? '';
  return { identifier, ...(applicationId ? { applicationId } : {}), name };
}
