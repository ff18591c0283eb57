import type { Bytes, KeyFactory } from '@ehealth-cert/core';
import { EhealthCertError } from '@ehealth-cert/core';
import * as asn1js from 'asn1js';
import { Certificate, Extension } from 'pkijs';
import { createClientCertificate } from './createClientCertificate.js';
import { fromBerOrThrow } from './fromBerOrThrow.js';

/** What the KeyFactory port gives to build the encryption certificate (its declaration is the one source). */
export type EncryptionCertificateInput = Parameters<KeyFactory['createEncryptionCertificate']>[0];

/** id-ce-keyUsage (RFC 5280 4.2.1.3). */
const KEY_USAGE = '2.5.29.15';
/** keyEncipherment (bit 2) + dataEncipherment (bit 3): 0b0011_0000, 4 unused bits. */
const KEY_ENCIPHERMENT_DATA_ENCIPHERMENT = new Uint8Array([0x30]);

/**
 * The self-issued encryption certificate of DOMAIN.md 2.5: issuer = subject = the authentication
 * certificate's subject (DER copied, not re-encoded), the same validity (Time types kept), serial =
 * the decrypted challenge, the encryption public key, KeyUsage critical keyEncipherment +
 * dataEncipherment, signed SHA256withRSA with the authentication key.
 */
export async function createEncryptionCertificate(input: EncryptionCertificateInput): Promise<Bytes> {
  if (!/^\d+$/.test(input.serialNumber)) {
    throw new EhealthCertError('INVALID_INPUT', `serialNumber "${input.serialNumber}" must be a decimal integer`, { field: 'serialNumber', value: input.serialNumber });
  }
  const auth = fromBerOrThrow((b) => Certificate.fromBER(b), input.authenticationCertificate, 'authenticationCertificate', 'X.509 Certificate');
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
  });
}
