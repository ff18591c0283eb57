import { createHmac, randomBytes } from 'node:crypto';
import type { KeystoreContent } from '@ehealth-cert/core';
import { type Asn1Node, der } from './Asn1.js';
import { encryptWithPassword, type PbeScheme } from './PasswordBasedEncryption.js';
import { MAC_DIGEST_OIDS, PKCS12_OIDS } from './Pkcs12Oids.js';
import { bmpPassword, pkcs12Kdf } from './Pkcs12Kdf.js';
import { createPlaceholderCertificate } from './PlaceholderCertificate.js';
import { certificateNames } from './certificateNames.js';

/** How a keystore is encrypted: `default` = PBES2/AES-256 + HMAC-SHA256, `legacy` = 3DES keys, RC2-40 certificates, HMAC-SHA1 (DOMAIN.md 3). */
export interface Pkcs12WriteOptions {
  readonly format: 'default' | 'legacy';
  /** PBKDF2 / PKCS#12 KDF iterations for the keys, the certificates and the MAC. */
  readonly iterations: number;
  /** Time of the save: `localKeyId = "Time <millis>"` (JDK convention) and the placeholder validity. */
  readonly now: Date;
}

const SCHEMES: Readonly<Record<Pkcs12WriteOptions['format'], { keys: PbeScheme; certificates: PbeScheme; mac: 'sha1' | 'sha256' }>> = {
  default: { keys: 'pbes2-aes256', certificates: 'pbes2-aes256', mac: 'sha256' },
  legacy: { keys: 'pkcs12-3des', certificates: 'pkcs12-rc2-40', mac: 'sha1' },
};

function attributes(friendlyName: string, localKeyId?: Buffer): Asn1Node {
  const list = [der.sequence(der.oid(PKCS12_OIDS.friendlyName), der.set(der.bmp(friendlyName)))];
  if (localKeyId !== undefined) list.push(der.sequence(der.oid(PKCS12_OIDS.localKeyId), der.set(der.octets(localKeyId))));
  return der.set(...list);
}

function certBag(certificate: Uint8Array, friendlyName: string, localKeyId?: Buffer): Asn1Node {
  const value = der.sequence(der.oid(PKCS12_OIDS.x509Certificate), der.explicit(0, der.octets(certificate)));
  return der.sequence(der.oid(PKCS12_OIDS.certBag), der.explicit(0, value), attributes(friendlyName, localKeyId));
}

/**
 * Encodes a keystore as PKCS#12 (RFC 7292) laid out like the JDK and the official tool write it
 * (DOMAIN.md 3): one encrypted SafeContents of certificate bags (each key's leaf with friendlyName
 * = alias and localKeyId, the rest of its chain named by RFC 2253 subject, then the certificate
 * entries), one plain SafeContents of shrouded keys, and a password MAC. keytool drops key entries
 * without localKeyId (TOOLCHAIN.md 5), so every key and its leaf carry one.
 */
export async function writePkcs12(content: KeystoreContent, password: string, options: Pkcs12WriteOptions): Promise<Buffer> {
  const scheme = SCHEMES[options.format];
  const certBags: Asn1Node[] = [];
  const keyBags: Promise<Asn1Node>[] = [];
  const written = new Set<string>();
  const addCert = (certificate: Uint8Array, name: string, localKeyId?: Buffer): void => {
    const key = `${name}\u0000${Buffer.from(certificate).toString('base64')}`;
    if (written.has(key)) return;
    written.add(key);
    certBags.push(certBag(certificate, name, localKeyId));
  };
  let keyIndex = 0;
  for (const entry of content.entries) {
    if (entry.kind !== 'key') continue;
    const localKeyId = Buffer.from(`Time ${options.now.getTime() + keyIndex++}`, 'ascii');
    const chain = entry.chain.length > 0 ? entry.chain : [createPlaceholderCertificate(entry.privateKey, entry.publicKey, options.now)];
    chain.forEach((certificate, index) => {
      if (index === 0) certBags.push(certBag(certificate, entry.alias, localKeyId));
      else addCert(certificate, certificateNames(certificate).subjectText);
    });
    // Keys are encrypted concurrently: PBKDF2 runs on libuv's thread pool.
    keyBags.push(
      encryptWithPassword(scheme.keys, entry.privateKey, password, options.iterations).then(({ algorithm, encrypted }) =>
        der.sequence(der.oid(PKCS12_OIDS.pkcs8ShroudedKeyBag), der.explicit(0, der.sequence(algorithm, der.octets(encrypted))), attributes(entry.alias, localKeyId)),
      ),
    );
  }
  for (const entry of content.entries) {
    if (entry.kind === 'certificate') addCert(entry.certificate, entry.alias);
  }

  const certSafe = der.encode(der.sequence(...certBags));
  const [{ algorithm, encrypted }, ...shroudedKeys] = await Promise.all([
    encryptWithPassword(scheme.certificates, certSafe, password, options.iterations),
    ...keyBags,
  ]);
  const encryptedData = der.sequence(
    der.integer(0),
    der.sequence(der.oid(PKCS12_OIDS.data), algorithm, der.implicitOctets(0, encrypted)),
  );
  const authenticatedSafe = der.encode(
    der.sequence(
      der.sequence(der.oid(PKCS12_OIDS.encryptedData), der.explicit(0, encryptedData)),
      der.sequence(der.oid(PKCS12_OIDS.data), der.explicit(0, der.octets(der.encode(der.sequence(...(shroudedKeys as Asn1Node[])))))),
    ),
  );

  // MAC key from the PKCS#12 KDF, purpose 3 (RFC 7292 appendix B), over the AuthenticatedSafe octets.
  const salt = randomBytes(20);
  const macKey = pkcs12Kdf(scheme.mac, bmpPassword(password), salt, 3, options.iterations, scheme.mac === 'sha1' ? 20 : 32);
  const mac = createHmac(scheme.mac, macKey).update(authenticatedSafe).digest();
  const macData = der.sequence(
    der.sequence(der.sequence(der.oid(MAC_DIGEST_OIDS[scheme.mac]), der.null()), der.octets(mac)),
    der.octets(salt),
    der.integer(options.iterations),
  );
  return der.encode(
    der.sequence(der.integer(3), der.sequence(der.oid(PKCS12_OIDS.data), der.explicit(0, der.octets(authenticatedSafe))), macData),
  );
}
