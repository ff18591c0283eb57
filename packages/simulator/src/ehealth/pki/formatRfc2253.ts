import type * as pkijs from 'pkijs';

const SHORT: Record<string, string> = {
  '2.5.4.3': 'CN',
  '2.5.4.6': 'C',
  '2.5.4.7': 'L',
  '2.5.4.8': 'ST',
  '2.5.4.10': 'O',
  '2.5.4.11': 'OU',
  '2.5.4.4': 'SN',
  '2.5.4.42': 'GIVENNAME',
  '2.5.4.5': 'SERIALNUMBER',
};

/** Escapes one attribute value as RFC 2253 section 2.4 does, plus `=` as eHealth does (DOMAIN.md 2.4 item 7). */
export function escapeRfc2253(value: string): string {
  return value
    .replace(/([\\,+"<>;=])/g, '\\$1')
    .replace(/^([ #])/, '\\$1')
    .replace(/ $/, '\\ ');
}

/** A Name as an RFC 2253 string: RDNs from last to first, comma-separated (RFC 2253 section 2.1). */
export function formatRfc2253(name: pkijs.RelativeDistinguishedNames): string {
  return name.typesAndValues
    .map((tv) => `${SHORT[tv.type] ?? tv.type}=${escapeRfc2253(String(tv.value.valueBlock.value))}`)
    .reverse()
    .join(',');
}

/** Splits an RFC 2253 string into [type, value] pairs in string order (CN first), unescaping values. */
export function parseRfc2253(dn: string): [string, string][] {
  const out: [string, string][] = [];
  let cur = '';
  const parts: string[] = [];
  for (let i = 0; i < dn.length; i++) {
    const ch = dn[i] as string;
    if (ch === '\\' && i + 1 < dn.length) {
      cur += ch + dn[++i];
    } else if (ch === ',') {
      parts.push(cur);
      cur = '';
    } else cur += ch;
  }
  parts.push(cur);
  for (const p of parts) {
    const eq = p.search(/(?<!\\)=/);
    if (eq < 0) throw new Error(`RFC 2253 DN component "${p}" has no "="`);
    out.push([p.slice(0, eq).trim(), p.slice(eq + 1).replace(/\\(.)/g, '$1')]);
  }
  return out;
}
