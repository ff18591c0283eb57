import { parseDn } from './parseDn.js';

/**
 * True when two DN strings name the same subject: same attributes in the same order, types
 * compared case-insensitively, values exactly after unescaping (how the connector compares the
 * CSR subject with the contract DN, DOMAIN.md 2.4 item 7). A malformed DN equals nothing.
 */
export function sameDn(a: string, b: string): boolean {
  try {
    const left = parseDn(a);
    const right = parseDn(b);
    return left.length === right.length && left.every((attr, i) => attr.type === right[i]?.type && attr.value === right[i]?.value);
  } catch {
    return false;
  }
}
