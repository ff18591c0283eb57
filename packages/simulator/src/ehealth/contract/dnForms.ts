/**
 * The two forms in which eHealth may write a contract DN (issue 12 point 2): `escaped`, with the
 * `=` inside CN/OU values written `\=` (`CN=SSIN\=71715100070,...`, how Java prints it and the
 * connector sends it back), or `unescaped` (`CN=SSIN=71715100070,...`, which RFC 4514 also allows).
 */
export type ContractDnForm = 'escaped' | 'unescaped';

/** `dn` with every `\=` inside a value written as a bare `=` (the unescaped form). */
export function unescapeValueEquals(dn: string): string {
  return dn.replace(/\\=/g, '=');
}

/**
 * The escaped form of a DN in either form: every unescaped `=` inside an unquoted attribute value
 * becomes `\=`; the rest is kept as written. The simulator's own reading (not the client's code).
 */
export function escapeValueEquals(dn: string): string {
  let out = '';
  let inValue = false;
  let quoted = false;
  for (let i = 0; i < dn.length; i++) {
    const c = dn[i] as string;
    if (c === '\\') {
      out += c + (dn[i + 1] ?? '');
      i++;
      continue;
    }
    if (quoted) {
      if (c === '"') quoted = false;
      out += c;
      continue;
    }
    if (!inValue) {
      if (c === '=') inValue = true;
      out += c;
      continue;
    }
    if (c === '"') quoted = true;
    else if (c === ',' || c === '+' || c === ';') inValue = false;
    out += c === '=' ? '\\=' : c;
  }
  return out;
}
