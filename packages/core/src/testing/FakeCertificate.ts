import type { Bytes } from '../ports/binary.js';
import type { CertificateSummary } from '../ports/KeyFactory.js';
import { decodeFake, encodeFake, fakeDigest, toHex } from './fakeEncoding.js';

/** The content of a fake X.509 certificate: what `FakeKeyFactory.describeCertificate` reads back. */
export interface FakeCertificate {
  readonly subject: string;
  readonly issuer: string;
  readonly serialNumber: string;
  readonly notBefore: string;
  readonly notAfter: string;
  /** Hex of the SubjectPublicKeyInfo stand-in. */
  readonly publicKey: string;
  readonly placeholder: boolean;
  /** Hex of the public key of whoever "signed" it. */
  readonly signedBy: string;
}

/** Makes a fake certificate's bytes. */
export function encodeFakeCertificate(input: Omit<FakeCertificate, 'notBefore' | 'notAfter' | 'publicKey' | 'signedBy'> & {
  readonly notBefore: Date;
  readonly notAfter: Date;
  readonly publicKey: Bytes;
  readonly signedBy: Bytes;
}): Bytes {
  const certificate: FakeCertificate = {
    ...input,
    notBefore: input.notBefore.toISOString(),
    notAfter: input.notAfter.toISOString(),
    publicKey: toHex(input.publicKey),
    signedBy: toHex(input.signedBy),
  };
  return encodeFake('CERT', certificate);
}

/** Reads a fake certificate's bytes back. */
export function decodeFakeCertificate(data: Bytes): FakeCertificate {
  return decodeFake<FakeCertificate>('CERT', data);
}

/** The CertificateSummary of a fake certificate (the PublicKeyIdentifier is the fake digest of the key). */
export function summariseFakeCertificate(data: Bytes): CertificateSummary {
  const c = decodeFakeCertificate(data);
  return {
    subject: c.subject,
    issuer: c.issuer,
    serialNumber: c.serialNumber,
    notBefore: new Date(c.notBefore),
    notAfter: new Date(c.notAfter),
    publicKeyIdentifier: fakeDigest(fromHex(c.publicKey)),
    placeholder: c.placeholder,
  };
}

/** Bytes from hex. */
export function fromHex(hex: string): Bytes {
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i += 1) out[i] = Number.parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return out;
}
