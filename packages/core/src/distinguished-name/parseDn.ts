import { EhealthCertError } from '../errors/EhealthCertError.js';

/** One attribute of a DN, in the order written, with its value unescaped. */
export interface DnAttribute {
  /** Upper-case short name (`CN`, `OU`, ...) or the dotted OID when no short name is known. */
  readonly type: string;
  readonly value: string;
}

// RFC 4514 section 3 short names, and the OIDs Java prints for the others.
const NAMES: Readonly<Record<string, string>> = {
  '2.5.4.3': 'CN',
  '2.5.4.11': 'OU',
  '2.5.4.10': 'O',
  '2.5.4.6': 'C',
  '2.5.4.7': 'L',
  '2.5.4.8': 'ST',
  '2.5.4.9': 'STREET',
  '2.5.4.5': 'SERIALNUMBER',
  '1.2.840.113549.1.9.1': 'EMAILADDRESS',
  '0.9.2342.19200300.100.1.25': 'DC',
  '0.9.2342.19200300.100.1.1': 'UID',
};
const ALIASES: Readonly<Record<string, string>> = { E: 'EMAILADDRESS', S: 'ST' };

/**
 * Parses an RFC 2253 / RFC 4514 DN string into its attributes, in order: backslash escapes
 * (`\=`, `\,`, `\HH` UTF-8 bytes), quoted values (`CN="CBE=0809394427, KGSS"`, RFC 1779 style as
 * in DOMAIN.md 4.1), spaces around separators, `;` and `+` as separators (multi-valued RDNs are
 * flattened). Throws INVALID_INPUT when the string is not a DN.
 */
export function parseDn(dn: string): readonly DnAttribute[] {
  return parseDnRdns(dn).flat();
}

/**
 * The same DN as its relative distinguished names, in string order (most specific first): the
 * attributes of a multi-valued RDN (`+`) stay together, as a certificate's Name encodes them.
 */
export function parseDnRdns(dn: string): readonly (readonly DnAttribute[])[] {
  return new DnReader(dn).rdns();
}

class DnReader {
  private pos = 0;

  constructor(private readonly dn: string) {}

  rdns(): DnAttribute[][] {
    const result: DnAttribute[][] = [];
    let rdn: DnAttribute[] = [];
    if (this.dn.trim() === '') throw this.fail('a DN has at least one attribute');
    for (;;) {
      const type = this.type();
      const value = this.value();
      rdn.push({ type, value });
      this.skipSpaces();
      if (this.pos >= this.dn.length) {
        result.push(rdn);
        return result;
      }
      const separator = this.dn[this.pos];
      if (separator !== ',' && separator !== ';' && separator !== '+') throw this.fail(`unexpected "${separator}"`);
      if (separator !== '+') {
        result.push(rdn);
        rdn = [];
      }
      this.pos += 1;
    }
  }

  private type(): string {
    this.skipSpaces();
    const end = this.dn.indexOf('=', this.pos);
    if (end < 0) throw this.fail('expected TYPE=value');
    const raw = this.dn.slice(this.pos, end).trim();
    this.pos = end + 1;
    const type = raw.replace(/^OID\./i, '').toUpperCase();
    if (/^[0-9]+(\.[0-9]+)+$/.test(type)) return NAMES[type] ?? type;
    if (!/^[A-Z][A-Z0-9-]*$/.test(type)) throw this.fail(`"${raw}" is not an attribute type`);
    return ALIASES[type] ?? type;
  }

  private value(): string {
    this.skipSpaces();
    if (this.dn[this.pos] === '"') return this.quoted();
    let value = '';
    let keep = 0; // length of `value` that must survive trailing-space trimming (escaped chars)
    while (this.pos < this.dn.length) {
      const c = this.dn[this.pos] as string;
      if (c === ',' || c === ';' || c === '+') break;
      if (c === '\\') {
        value += this.escaped();
        keep = value.length;
      } else {
        value += c;
        this.pos += 1;
        if (c !== ' ') keep = value.length;
      }
    }
    return value.slice(0, keep);
  }

  private quoted(): string {
    this.pos += 1;
    let value = '';
    while (this.pos < this.dn.length && this.dn[this.pos] !== '"') {
      if (this.dn[this.pos] === '\\') value += this.escaped();
      else value += this.dn[this.pos++];
    }
    if (this.pos >= this.dn.length) throw this.fail('unterminated quoted value');
    this.pos += 1;
    return value;
  }

  /** One escape, or a run of `\HH` pairs decoded together as UTF-8 (RFC 4514 section 2.4). */
  private escaped(): string {
    const hex: string[] = [];
    while (/^\\[0-9A-Fa-f]{2}$/.test(this.dn.slice(this.pos, this.pos + 3))) {
      hex.push(`%${this.dn.slice(this.pos + 1, this.pos + 3)}`);
      this.pos += 3;
    }
    if (hex.length > 0) {
      try {
        return decodeURIComponent(hex.join(''));
      } catch {
        throw this.fail('escaped bytes are not UTF-8');
      }
    }
    const next = this.dn[this.pos + 1];
    if (next === undefined) throw this.fail('a DN cannot end with a lone backslash');
    this.pos += 2;
    return next;
  }

  private skipSpaces(): void {
    while (this.dn[this.pos] === ' ') this.pos += 1;
  }

  private fail(rule: string): EhealthCertError {
    return new EhealthCertError('INVALID_INPUT', `dn: "${this.dn}" is not valid: ${rule} (RFC 2253), at position ${this.pos}`, {
      field: 'dn',
      value: this.dn,
      rule: 'rfc2253',
      position: this.pos,
    });
  }
}
