import { createHmac, createPrivateKey, createPublicKey, timingSafeEqual, X509Certificate } from 'node:crypto';
import type * as asn1js from 'asn1js';
import { EhealthCertError, type KeystoreContent, type KeystoreEntry } from '@ehealth-cert/core';
import { type Asn1Node, Asn1ShapeError, childrenOf, explicitOf, integerOf, iterationsOf, octetsOf, oidOf, parseAsn1 } from './Asn1.js';
import { DecryptionFailedError } from './DecryptionFailedError.js';
import { decryptWithPassword } from './PasswordBasedEncryption.js';
import { MAC_DIGESTS, PKCS12_OIDS } from './Pkcs12Oids.js';
import { bmpPassword, pkcs12Kdf } from './Pkcs12Kdf.js';
import { certificateNames } from './certificateNames.js';

interface Bag {
  readonly friendlyName?: string;
  readonly localKeyId?: string;
}
interface KeyBag extends Bag {
  readonly privateKey: Buffer;
}
interface CertBag extends Bag {
  readonly certificate: Buffer;
}

function bagAttributes(node: Asn1Node | undefined): Bag {
  if (node === undefined) return {};
  let friendlyName: string | undefined;
  let localKeyId: string | undefined;
  for (const attribute of childrenOf(node, 'bagAttributes')) {
    const [typeNode, values] = childrenOf(attribute, 'PKCS12Attribute', 2);
    const value = childrenOf(values, 'attrValues')[0];
    const type = oidOf(typeNode, 'attrId');
    if (type === PKCS12_OIDS.friendlyName && value !== undefined) friendlyName = (value as asn1js.BmpString).valueBlock.value;
    if (type === PKCS12_OIDS.localKeyId && value !== undefined) localKeyId = octetsOf(value, 'localKeyId').toString('hex');
  }
  return { ...(friendlyName !== undefined && { friendlyName }), ...(localKeyId !== undefined && { localKeyId }) };
}

/** DER of the OID arc pkcs-12PbeIds (1.2.840.113549.1.12.1), whose last arc follows: `06 0a 2a 86 48 86 f7 0d 01 0c 01 xx`. */
const PKCS12_PBE_ARC = Buffer.from('060a2a864886f70d010c01', 'hex');

/**
 * True when the file encrypts with a PKCS#12 PBE scheme (3DES, RC2: the official tool's and keytool
 * legacy files, DOMAIN.md 3) rather than PBES2. AlgorithmIdentifiers are not encrypted, so a scan
 * of the DER finds them (a chance match in ciphertext has probability 2^-96 per position).
 */
export function usesPkcs12Pbe(bytes: Uint8Array): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(PKCS12_PBE_ARC);
}

/** Reads PKCS#12 bytes into the format-independent content; the two failures a user can fix are distinct errors. */
export async function readPkcs12(bytes: Uint8Array, password: string, source: string): Promise<KeystoreContent> {
  const corrupt = (reason: string, cause?: unknown): EhealthCertError =>
    new EhealthCertError('KEYSTORE_CORRUPT', `Keystore ${source} is not a readable PKCS#12 file: ${reason}`, { path: source }, { cause });
  const wrongPassword = (): EhealthCertError =>
    new EhealthCertError('KEYSTORE_PASSWORD_WRONG', `The password does not open keystore ${source} (PKCS#12 integrity check failed)`, { path: source });

  let macVerified = false;
  let macFailed = false;
  try {
    const [version, authSafe, macData] = childrenOf(parseAsn1(bytes, 'PFX'), 'PFX', 2);
    if (integerOf(version, 'PFX version') !== 3) throw new Asn1ShapeError('PFX version is not 3');
    const [contentType, content] = childrenOf(authSafe, 'authSafe ContentInfo', 2);
    if (oidOf(contentType, 'authSafe contentType') !== PKCS12_OIDS.data) throw new Asn1ShapeError('authSafe is not id-data (public-key integrity is not supported)');
    const authenticatedSafe = octetsOf(explicitOf(content, 0, 'authSafe content'), 'authSafe content');

    // Start every decryption first (PBKDF2 runs on libuv's thread pool), then check the MAC on
    // this thread meanwhile: open costs about max(MAC, decryptions) instead of their sum.
    const keys: { bag: Bag; privateKey?: Buffer }[] = [];
    const certs: CertBag[] = [];
    const pending: Promise<void>[] = [];
    let decryptError: unknown;
    let certificateSafeOpened = false;
    const later = (work: Promise<void>): void => {
      pending.push(work.catch((error: unknown) => {
        decryptError ??= error;
      }));
    };
    const readBags = (safeContents: Buffer): void => {
      for (const safeBag of childrenOf(parseAsn1(safeContents, 'SafeContents'), 'SafeContents')) {
        const [bagId, bagValue, attributes] = childrenOf(safeBag, 'SafeBag', 2);
        const value = explicitOf(bagValue, 0, 'bagValue');
        const bag = bagAttributes(attributes);
        switch (oidOf(bagId, 'bagId')) {
          case PKCS12_OIDS.keyBag:
            keys.push({ bag, privateKey: Buffer.from(value.toBER(false)) });
            break;
          case PKCS12_OIDS.pkcs8ShroudedKeyBag: {
            const [algorithm, encrypted] = childrenOf(value, 'EncryptedPrivateKeyInfo', 2);
            const slot: { bag: Bag; privateKey?: Buffer } = { bag };
            keys.push(slot);
            later(decryptWithPassword(algorithm!, octetsOf(encrypted, 'encryptedData'), password).then((plain) => {
              slot.privateKey = plain;
            }));
            break;
          }
          case PKCS12_OIDS.certBag: {
            const [certId, certValue] = childrenOf(value, 'CertBag', 2);
            // Only X.509 certificates; SDSI certificates, CRLs and secrets are skipped (RFC 7292 4.2).
            if (oidOf(certId, 'certId') === PKCS12_OIDS.x509Certificate) {
              certs.push({ ...bag, certificate: octetsOf(explicitOf(certValue, 0, 'certValue'), 'certValue') });
            }
            break;
          }
          case PKCS12_OIDS.safeContentsBag:
            readBags(Buffer.from(value.toBER(false)));
            break;
          default:
            break;
        }
      }
    };
    for (const contentInfo of childrenOf(parseAsn1(authenticatedSafe, 'AuthenticatedSafe'), 'AuthenticatedSafe')) {
      const [type, wrapped] = childrenOf(contentInfo, 'ContentInfo', 2);
      const inner = explicitOf(wrapped, 0, 'ContentInfo content');
      const oid = oidOf(type, 'contentType');
      if (oid === PKCS12_OIDS.data) {
        readBags(octetsOf(inner, 'data'));
      } else if (oid === PKCS12_OIDS.encryptedData) {
        const [, encryptedContentInfo] = childrenOf(inner, 'EncryptedData', 2);
        const [, algorithm, encrypted] = childrenOf(encryptedContentInfo, 'EncryptedContentInfo', 3);
        later(decryptWithPassword(algorithm!, octetsOf(encrypted, 'encryptedContent'), password).then((plain) => {
          readBags(plain);
          certificateSafeOpened = true;
        }));
      } else {
        throw new Asn1ShapeError(`AuthenticatedSafe content type ${oid} is not supported (only data and encryptedData)`);
      }
    }

    if (macData !== undefined) {
      const [digestInfo, saltNode, iterationsNode] = childrenOf(macData, 'MacData', 2);
      const [algorithm, digestNode] = childrenOf(digestInfo, 'DigestInfo', 2);
      const digestOid = oidOf(childrenOf(algorithm, 'digestAlgorithm', 1)[0], 'digestAlgorithm');
      const digest = MAC_DIGESTS[digestOid];
      if (digest === undefined) throw new Asn1ShapeError(`MAC digest ${digestOid} is not supported`);
      const expected = octetsOf(digestNode, 'MAC digest');
      const iterations = iterationsNode === undefined ? 1 : iterationsOf(iterationsNode, 'MAC iterations');
      const key = pkcs12Kdf(digest, bmpPassword(password), octetsOf(saltNode, 'macSalt'), 3, iterations, expected.length);
      const actual = createHmac(digest, key).update(authenticatedSafe).digest();
      macFailed = actual.length !== expected.length || !timingSafeEqual(actual, expected);
      macVerified = !macFailed;
    }

    // Decrypting the certificate safe may add key bags (nested safes): drain until nothing is left.
    while (pending.length > 0) await Promise.all(pending.splice(0));
    if (macFailed) {
      // A MAC failure alone cannot tell a wrong password from damaged bytes. If the password still
      // decrypts a key into valid PKCS#8 (a wrong one gives bad padding or garbage), the file is damaged.
      const passwordWorks = certificateSafeOpened || keys.some(({ privateKey }) => privateKey !== undefined && isPkcs8(privateKey));
      if (passwordWorks) throw corrupt('the integrity check (MAC) fails although the password decrypts the content: the file is damaged');
      throw wrongPassword();
    }
    if (decryptError instanceof DecryptionFailedError && macVerified) {
      // The MAC proves the bytes intact and the password right for the file, yet a safe or key does
      // not decrypt: it was encrypted under another password (DOMAIN.md 3 wants one for all).
      throw new EhealthCertError(
        'KEYSTORE_PASSWORD_WRONG',
        `The password checks keystore ${source}'s integrity but does not decrypt its keys or certificates: they use another password (this tool needs one password for the file and its keys)`,
        { path: source, reason: 'content-password-differs' },
      );
    }
    if (decryptError !== undefined) throw decryptError;
    const decrypted = keys.map(({ bag, privateKey }) => ({ ...bag, privateKey: privateKey! }));
    return assemble(decrypted, certs);
  } catch (error) {
    if (EhealthCertError.is(error)) throw error;
    // Without a MAC, a failed decryption is the only sign of a wrong password.
    if (!macVerified && (error instanceof DecryptionFailedError || error instanceof Asn1ShapeError) && bytes.length > 0 && isPfxWithoutMac(bytes)) {
      throw wrongPassword();
    }
    throw corrupt((error as Error).message, error);
  }
}

function isPkcs8(bytes: Buffer): boolean {
  try {
    createPrivateKey({ key: bytes, format: 'der', type: 'pkcs8' });
    return true;
  } catch {
    return false;
  }
}

function isPfxWithoutMac(bytes: Uint8Array): boolean {
  try {
    return childrenOf(parseAsn1(bytes, 'PFX'), 'PFX', 2).length === 2;
  } catch {
    return false;
  }
}

function spkiOf(certificate: Buffer): Buffer {
  return new X509Certificate(certificate).publicKey.export({ format: 'der', type: 'spki' });
}

/** Pairs keys with leaf certificates (localKeyId, else public key) and builds each chain by issuer Name. */
function assemble(keys: readonly KeyBag[], certs: readonly CertBag[]): KeystoreContent {
  const named = certs.map((bag) => ({ ...bag, ...certificateNames(bag.certificate) }));
  const leaves = new Set<CertBag>();
  const entries: KeystoreEntry[] = [];
  keys.forEach((key, index) => {
    let privateKey;
    try {
      privateKey = createPrivateKey({ key: key.privateKey, format: 'der', type: 'pkcs8' });
    } catch (error) {
      throw new Asn1ShapeError(`private key ${key.friendlyName ?? index} is not PKCS#8: ${(error as Error).message}`);
    }
    const publicKey = createPublicKey(privateKey).export({ format: 'der', type: 'spki' });
    const leaf =
      (key.localKeyId !== undefined ? named.find((cert) => cert.localKeyId === key.localKeyId) : undefined) ??
      named.find((cert) => spkiOf(cert.certificate).equals(publicKey));
    // A pending key's C=Dummy placeholder (DOMAIN.md 2.4 item 9) is self-issued, so it comes back as
    // the whole chain, as core wrote it; completion recognises and replaces it.
    const chain: Buffer[] = [];
    if (leaf !== undefined) {
      leaves.add(leaf);
      let current = leaf;
      chain.push(current.certificate);
      while (!current.issuer.equals(current.subject) && chain.length < 10) {
        const issuer = named.find((cert) => cert.subject.equals(current.issuer) && !chain.includes(cert.certificate));
        if (issuer === undefined) break;
        chain.push(issuer.certificate);
        current = issuer;
      }
    }
    const alias = key.friendlyName ?? key.localKeyId ?? String(index);
    entries.push({ kind: 'key', alias, privateKey: key.privateKey, publicKey, chain });
  });
  const seen = new Set<string>();
  for (const cert of named) {
    if (leaves.has(cert)) continue;
    const alias = cert.friendlyName ?? cert.subjectText;
    const id = `${alias}\u0000${cert.certificate.toString('base64')}`;
    if (seen.has(id)) continue;
    seen.add(id);
    entries.push({ kind: 'certificate', alias, certificate: cert.certificate });
  }
  return { entries };
}
