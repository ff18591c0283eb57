import { constants, createHash, createPublicKey, publicEncrypt } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { EhealthRefusal } from '../EhealthRefusal.js';

/** Parses the StartETKRegistration PublicEncryptionKey (X.509 SubjectPublicKeyInfo DER); RSA >= 2048 only (DOMAIN.md 2.5). */
export function readEncryptionKey(spki: Buffer): KeyObject {
  let key: KeyObject;
  try {
    key = createPublicKey({ key: spki, format: 'der', type: 'spki' });
  } catch {
    throw new EhealthRefusal('INVALID_PUBLIC_KEY', 'PublicEncryptionKey is not a DER SubjectPublicKeyInfo');
  }
  const bits = key.asymmetricKeyDetails?.modulusLength ?? 0;
  if (key.asymmetricKeyType !== 'rsa' || bits < 2048) {
    throw new EhealthRefusal('INVALID_PUBLIC_KEY', `PublicEncryptionKey must be RSA of at least 2048 bits, got ${key.asymmetricKeyType ?? 'unknown'} ${bits}`);
  }
  return key;
}

/**
 * The proof-of-possession challenge of DOMAIN.md 2.5:
 * RSA-PKCS#1 v1.5-encrypt(16-byte serial) || SHA-256(serial).
 */
export function etkChallenge(key: KeyObject, serial: Buffer): Buffer {
  const encrypted = publicEncrypt({ key, padding: constants.RSA_PKCS1_PADDING }, serial);
  return Buffer.concat([encrypted, createHash('sha256').update(serial).digest()]);
}
