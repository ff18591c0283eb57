import * as asn1js from 'asn1js';
import { toArrayBuffer } from '../pki/fromBerOrThrow.js';

/** A DER/BER node as asn1js parses it. */
export type Asn1Node = asn1js.AsnType;

/** Thrown by the readers below when the bytes are not the expected ASN.1 shape; the vault maps it to KEYSTORE_CORRUPT. */
export class Asn1ShapeError extends Error {
  override readonly name = 'Asn1ShapeError';
}


/** Parses one BER/DER value that must fill `bytes` exactly. */
export function parseAsn1(bytes: Uint8Array, what: string): Asn1Node {
  const parsed = asn1js.fromBER(toArrayBuffer(bytes));
  if (parsed.offset === -1 || parsed.offset !== bytes.length) {
    throw new Asn1ShapeError(`${what}: not a single DER/BER value (${parsed.result.error || 'trailing bytes'})`);
  }
  return parsed.result;
}

function isUniversal(node: Asn1Node, tag: number): boolean {
  return node.idBlock.tagClass === 1 && node.idBlock.tagNumber === tag;
}

/** The children of a SEQUENCE or SET (tags 16, 17), checking the minimum count. */
export function childrenOf(node: Asn1Node | undefined, what: string, min = 0): Asn1Node[] {
  if (node === undefined || !(isUniversal(node, 16) || isUniversal(node, 17))) {
    throw new Asn1ShapeError(`${what}: expected a SEQUENCE or SET`);
  }
  const children = (node as asn1js.Sequence).valueBlock.value;
  if (children.length < min) throw new Asn1ShapeError(`${what}: expected at least ${min} elements, found ${children.length}`);
  return children;
}

/** The dotted string of an OBJECT IDENTIFIER. */
export function oidOf(node: Asn1Node | undefined, what: string): string {
  if (node === undefined || !isUniversal(node, 6)) throw new Asn1ShapeError(`${what}: expected an OBJECT IDENTIFIER`);
  return (node as asn1js.ObjectIdentifier).valueBlock.toString();
}

/** The contents of an OCTET STRING (or of an IMPLICIT-tagged one), joining BER constructed pieces. */
export function octetsOf(node: Asn1Node | undefined, what: string): Buffer {
  if (node === undefined) throw new Asn1ShapeError(`${what}: missing OCTET STRING`);
  if (node.idBlock.isConstructed) {
    const pieces = (node as asn1js.Constructed).valueBlock.value;
    return Buffer.concat(pieces.map((piece) => octetsOf(piece, what)));
  }
  if (node.idBlock.tagClass === 1 && node.idBlock.tagNumber !== 4) throw new Asn1ShapeError(`${what}: expected an OCTET STRING`);
  return Buffer.from((node as asn1js.Primitive).valueBlock.valueHexView);
}

/** A small non-negative INTEGER (iteration counts, versions). */
export function integerOf(node: Asn1Node | undefined, what: string): number {
  if (node === undefined || !isUniversal(node, 2)) throw new Asn1ShapeError(`${what}: expected an INTEGER`);
  const value = Number((node as asn1js.Integer).toBigInt());
  if (!Number.isSafeInteger(value) || value < 0) throw new Asn1ShapeError(`${what}: INTEGER out of range`);
  return value;
}

/** Upper bound on any iteration count we accept: a hostile file must not hang the process for hours. */
export const MAX_ITERATIONS = 10_000_000;

/** An iteration count (PBKDF2, PKCS#12 PBE or MAC), at least 1 and at most MAX_ITERATIONS. */
export function iterationsOf(node: Asn1Node | undefined, what: string): number {
  const value = integerOf(node, what);
  if (value < 1 || value > MAX_ITERATIONS) throw new Asn1ShapeError(`${what} ${value} is outside 1..${MAX_ITERATIONS}`);
  return value;
}

/** The single child of a context-specific EXPLICIT tag `[n]`. */
export function explicitOf(node: Asn1Node | undefined, tag: number, what: string): Asn1Node {
  if (node === undefined || node.idBlock.tagClass !== 3 || node.idBlock.tagNumber !== tag || !node.idBlock.isConstructed) {
    throw new Asn1ShapeError(`${what}: expected [${tag}] EXPLICIT`);
  }
  const inner = (node as asn1js.Constructed).valueBlock.value[0];
  if (inner === undefined) throw new Asn1ShapeError(`${what}: empty [${tag}]`);
  return inner;
}

/** The DER bytes of a parsed node (re-encoded). */
export function derOf(node: Asn1Node): Buffer {
  return Buffer.from(node.toBER(false));
}

/** Builders for the DER we write. */
export const der = {
  sequence: (...value: Asn1Node[]): asn1js.Sequence => new asn1js.Sequence({ value }),
  set: (...value: Asn1Node[]): asn1js.Set => new asn1js.Set({ value }),
  oid: (value: string): asn1js.ObjectIdentifier => new asn1js.ObjectIdentifier({ value }),
  integer: (value: number | bigint): asn1js.Integer => asn1js.Integer.fromBigInt(value),
  octets: (bytes: Uint8Array): asn1js.OctetString => new asn1js.OctetString({ valueHex: toArrayBuffer(bytes) }),
  bmp: (value: string): asn1js.BmpString => new asn1js.BmpString({ value }),
  null: (): asn1js.Null => new asn1js.Null(),
  explicit: (tag: number, inner: Asn1Node): asn1js.Constructed =>
    new asn1js.Constructed({ idBlock: { tagClass: 3, tagNumber: tag }, value: [inner] }),
  implicitOctets: (tag: number, bytes: Uint8Array): asn1js.Primitive =>
    new asn1js.Primitive({ idBlock: { tagClass: 3, tagNumber: tag }, valueHex: toArrayBuffer(bytes) }),
  /** An already-encoded DER value, embedded as is. */
  raw: (bytes: Uint8Array): Asn1Node => parseAsn1(bytes, 'embedded DER'),
  encode: (node: Asn1Node): Buffer => Buffer.from(node.toBER(false)),
};
