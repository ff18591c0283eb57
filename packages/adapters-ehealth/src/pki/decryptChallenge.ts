import { createHash, createPrivateKey, constants, privateDecrypt, timingSafeEqual } from 'node:crypto';
import type { Bytes, KeyPair } from '@ehealth-cert/core';
import { EhealthCertError } from '@ehealth-cert/core';

const DIGEST_LENGTH = 32;
const SERIAL_LENGTH = 16;

/** Undoes RSAES-PKCS1-v1_5 padding (RFC 8017 7.2.2): 0x00 0x02 PS(>=8 non-zero) 0x00 M. */
function unpadPkcs1(block: Buffer): Buffer | undefined {
  if (block[0] !== 0x00 || block[1] !== 0x02) return undefined;
  const separator = block.indexOf(0x00, 2);
  if (separator < 10) return undefined;
  return block.subarray(separator + 1);
}

/**
 * The EtkRA challenge (DOMAIN.md 2.5): `RSA(serial) || SHA-256(serial)`. Decrypts the RSA part with
 * the new encryption key (RSA/ECB/PKCS1Padding), takes the first 16 bytes as the serial, checks
 * the SHA-256, returns the serial as an unsigned big-endian decimal string.
 */
export function decryptChallenge(encryptionKey: KeyPair, challenge: Bytes): string {
  const invalid = (rule: string) =>
    new EhealthCertError('EHEALTH_RESPONSE_INVALID', `the EtkRA challenge (${challenge.length} bytes) ${rule}`, { operation: 'StartETKRegistration', length: challenge.length });
  if (challenge.length <= DIGEST_LENGTH) throw invalid('is too short to hold an RSA block and a SHA-256');
  let key;
  try {
    key = createPrivateKey({ key: Buffer.from(encryptionKey.privateKey), format: 'der', type: 'pkcs8' });
  } catch (cause) {
    throw new EhealthCertError('INVALID_INPUT', 'encryptionKey.privateKey is not a PKCS#8 PrivateKeyInfo DER', { field: 'encryptionKey.privateKey' }, { cause });
  }
  const encrypted = Buffer.from(challenge.subarray(0, challenge.length - DIGEST_LENGTH));
  const digest = Buffer.from(challenge.subarray(challenge.length - DIGEST_LENGTH));
  let block: Buffer;
  try {
    // Node 20 refuses PKCS#1 v1.5 private decryption (CVE-2023-46809): decrypt raw, unpad here.
    // There is no oracle to protect: the client decrypts one challenge and answers nothing on failure.
    block = privateDecrypt({ key, padding: constants.RSA_NO_PADDING }, encrypted);
  } catch (cause) {
    throw new EhealthCertError('EHEALTH_RESPONSE_INVALID', 'the EtkRA challenge does not decrypt with the encryption key', { operation: 'StartETKRegistration' }, { cause });
  }
  const plain = unpadPkcs1(block);
  if (plain === undefined) throw invalid('does not decrypt to a PKCS#1 v1.5 block with the encryption key');
  if (plain.length < SERIAL_LENGTH) throw invalid(`decrypts to ${plain.length} bytes, fewer than the 16-byte serial`);
  const serial = plain.subarray(0, SERIAL_LENGTH);
  if (!timingSafeEqual(createHash('sha256').update(serial).digest(), digest)) throw invalid('has a SHA-256 that does not match the decrypted serial');
  return BigInt(`0x${serial.toString('hex')}`).toString(10);
}
