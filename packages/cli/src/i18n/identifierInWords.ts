import { findIdentifierType, parseDn, type Identifier } from '@ehealth-cert/core';
import type { Translator } from './Translator.js';

/**
 * An identifier as the person says it ("Service ambulancier, n° INAMI 71901249"), not in eHealth's
 * spelling (`NIHII-AMBU_SERVICE=71901249`, DOMAIN.md 4.2), which stays in --json and --verbose.
 */
export function identifierInWords(identifier: Identifier, i18n: Translator): string {
  const row = findIdentifierType(identifier.type);
  const family = (row?.family ?? (identifier.type.startsWith('NIHII') ? 'NIHII' : identifier.type.startsWith('CBE') ? 'CBE' : undefined)) as keyof typeof i18n.m.identifiers | undefined;
  const number = family === undefined ? identifier.value : i18n.t((m) => m.identifiers[family], { value: identifier.value });
  if (identifier.type === 'SSIN') return i18n.t((m) => m.identifiers.personal, { number });
  const type = row?.description[i18n.language];
  return type === undefined ? number : i18n.t((m) => m.identifiers.typed, { type, number });
}

/** A certificate name `TYPE=ID[,APPID]` (keystore file names, DOMAIN.md 3) in words; anything else as it is. */
export function certificateNameInWords(name: string, i18n: Translator): string {
  const match = /^([A-Z0-9_-]+)=(\d+)(?:,(.+))?$/.exec(name);
  if (match === null) return name;
  const words = identifierInWords({ type: match[1]!, value: match[2]! }, i18n);
  return match[3] === undefined ? words : i18n.t((m) => m.identifiers.application, { name: words, appId: match[3] });
}

/**
 * A certificate's subject DN (DOMAIN.md 4.1: CN=TYPE=ID[, APPID], OU=eHealth-platform Belgium,
 * OU=NAME, OU=TYPE=ID, O=Federal Government, C=BE) as the person says it: the holder's name and
 * the identifier in words ("AMBULANCES SUD-LUXEMBOURG (TEST), Service ambulancier, n° INAMI
 * 71901249"). The DN itself stays in --json and --verbose. A DN of another shape is shown as is.
 */
export function dnInWords(dn: string, i18n: Translator): string {
  let attributes;
  try {
    attributes = parseDn(dn);
  } catch {
    return dn;
  }
  const cn = attributes.find((a) => a.type === 'CN')?.value;
  const id = cn === undefined ? undefined : /^([A-Z0-9_-]+)=(\d+)(?:,\s*(.+))?$/.exec(cn);
  if (id === undefined || id === null) return dn;
  const name = attributes.find((a) => a.type === 'OU' && a.value !== 'eHealth-platform Belgium' && !a.value.includes('=') && a.value !== id[3])?.value;
  const words = certificateNameInWords(id[3] === undefined ? `${id[1]}=${id[2]}` : `${id[1]}=${id[2]},${id[3]}`, i18n);
  return name === undefined ? words : `${name}, ${words}`;
}
