import type { Bytes } from '@ehealth-cert/core';
import * as asn1js from 'asn1js';
import type { Extension} from 'pkijs';
import { Certificate, PublicKeyInfo, type RelativeDistinguishedNames, type Time } from 'pkijs';
import { toArrayBuffer } from './fromBerOrThrow.js';
import { engine, rsaSigningKey, type RsaHash } from './pkijsEngine.js';

/** What goes into a certificate that the client itself signs (placeholder, encryption certificate). */
export interface ClientCertificate {
  readonly serialNumber: bigint;
  readonly issuer: RelativeDistinguishedNames;
  readonly subject: RelativeDistinguishedNames;
  readonly notBefore: Time;
  readonly notAfter: Time;
  readonly publicKey: Bytes;
  readonly extensions?: readonly Extension[];
  /** PKCS#8 RSA key that signs, SHA256withRSA unless `hash` says otherwise. */
  readonly signingKey: Bytes;
  readonly hash?: RsaHash;
}

/** DER INTEGER contents of a non-negative bigint (a leading 0x00 keeps it positive). */
export function integerBytes(value: bigint): ArrayBuffer {
  let hex = value.toString(16);
  if (hex.length % 2) hex = `0${hex}`;
  if (parseInt(hex.slice(0, 2), 16) >= 0x80) hex = `00${hex}`;
  return toArrayBuffer(Buffer.from(hex, 'hex'));
}

/** An X.509 v3 certificate signed SHA256withRSA (or SHA-384/512 with RSA) with `signingKey`. */
export async function createClientCertificate(input: ClientCertificate): Promise<Bytes> {
  const cert = new Certificate();
  cert.version = 2;
  cert.serialNumber = new asn1js.Integer({ valueHex: integerBytes(input.serialNumber) });
  cert.issuer = input.issuer;
  cert.subject = input.subject;
  cert.notBefore = input.notBefore;
  cert.notAfter = input.notAfter;
  cert.subjectPublicKeyInfo = PublicKeyInfo.fromBER(toArrayBuffer(input.publicKey));
  if (input.extensions && input.extensions.length > 0) cert.extensions = [...input.extensions];
  const hash = input.hash ?? 'SHA-256';
  await cert.sign((await rsaSigningKey(input.signingKey, hash)) as never, hash, engine);
  return new Uint8Array(cert.toSchema().toBER(false));
}
