import type { Bytes, KeyFactory } from '@ehealth-cert/core';
import { EhealthCertError } from '@ehealth-cert/core';
import * as asn1js from 'asn1js';
import { Certificate, Extension } from 'pkijs';
import { createClientCertificate } from './createClientCertificate.js';
import { fromBerOrThrow } from './fromBerOrThrow.js';
import type { RsaHash } from './pkijsEngine.js';

/** What the KeyFactory port gives to build the encryption certificate (its declaration is the one source). */
export type EncryptionCertificateInput = Parameters<KeyFactory['createEncryptionCertificate']>[0];

/** id-ce-keyUsage (RFC 5280 4.2.1.3). */
const KEY_USAGE = '2.5.29.15';
/** keyEncipherment (bit 2) + dataEncipherment (bit 3): 0b0011_0000, 4 unused bits. */
const KEY_ENCIPHERMENT_DATA_ENCIPHERMENT = new Uint8Array([0x30]);

/** RSA signature algorithms of an authentication certificate, and the digest the encryption certificate then uses. */
const RSA_SIGNATURE_HASHES: Readonly<Record<string, RsaHash>> = {
  '1.2.840.113549.1.1.11': 'SHA-256',
  '1.2.840.113549.1.1.12': 'SHA-384',
  '1.2.840.113549.1.1.13': 'SHA-512',
};

/**
 * The self-issued encryption certificate of DOMAIN.md 2.5: issuer = subject = the authentication
 * certificate's subject (DER copied, not re-encoded), the same validity (Time types kept), serial =
 * the decrypted challenge, the encryption public key, KeyUsage critical keyEncipherment +
 * dataEncipherment, signed with the authentication key using the authentication certificate's
 * signature algorithm, as the connector does (`new JcaContentSignerBuilder(cert.getSigAlgName())`,
 * CertificateUtils.generateCert; issue 12 point 7): sha256WithRSAEncryption for every eHealth
 * certificate seen (DOMAIN.md 4.3), SHA-384/512 with RSA when eHealth uses those. Another algorithm
 * (SHA-1, ECDSA) is refused rather than guessed.
 */
export async function createEncryptionCertificate(input: EncryptionCertificateInput): Promise<Bytes> {
  if (!/^\d+$/.test(input.serialNumber)) {
    throw new EhealthCertError('INVALID_INPUT', `serialNumber "${input.serialNumber}" must be a decimal integer`, { field: 'serialNumber', value: input.serialNumber });
  }
  const auth = fromBerOrThrow((b) => Certificate.fromBER(b), input.authenticationCertificate, 'authenticationCertificate', 'X.509 Certificate');
  const algorithm = auth.signatureAlgorithm.algorithmId;
  const hash = RSA_SIGNATURE_HASHES[algorithm];
  if (hash === undefined) {
    throw new EhealthCertError('INVALID_INPUT', `the authentication certificate is signed with ${algorithm}; the encryption certificate can take only sha256/384/512WithRSAEncryption from it`, {
      field: 'authenticationCertificate',
      signatureAlgorithm: algorithm,
    });
  }
  const keyUsage = new asn1js.BitString({ valueHex: KEY_ENCIPHERMENT_DATA_ENCIPHERMENT.buffer, unusedBits: 4 });
  return createClientCertificate({
    serialNumber: BigInt(input.serialNumber),
    issuer: auth.subject,
    subject: auth.subject,
    notBefore: auth.notBefore,
    notAfter: auth.notAfter,
    publicKey: input.encryptionKey.publicKey,
    extensions: [new Extension({ extnID: KEY_USAGE, critical: true, extnValue: keyUsage.toBER(false) })],
    signingKey: input.authenticationKey.privateKey,
    hash,
  });
}
