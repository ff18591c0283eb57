import { escapeRfc2253 } from '../pki/formatRfc2253.js';

/** Upper-cases and strips diacritics, as eHealth does for the name OU (DOMAIN.md 4.1). */
export function normaliseDnName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toUpperCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The subject DN of an eHealth certificate in RFC 2253 form (DOMAIN.md 4.1):
 * `CN=<TYPE>\=<ID>[\, <APPID>],OU=eHealth-platform Belgium,OU=<NAME>,OU=<TYPE>\=<ID>[,OU=<APPID>],O=Federal Government,C=BE`.
 */
export function buildDn(type: string, id: string, name: string, applicationId?: string): string {
  const typeId = `${type}=${id}`;
  const cn = applicationId ? `${typeId}, ${applicationId}` : typeId;
  const parts = [`CN=${escapeRfc2253(cn)}`, 'OU=eHealth-platform Belgium', `OU=${escapeRfc2253(normaliseDnName(name))}`, `OU=${escapeRfc2253(typeId)}`];
  if (applicationId) parts.push(`OU=${escapeRfc2253(applicationId)}`);
  parts.push('O=Federal Government', 'C=BE');
  return parts.join(',');
}
