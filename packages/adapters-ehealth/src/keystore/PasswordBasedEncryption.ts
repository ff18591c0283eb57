import { createCipheriv, createDecipheriv, pbkdf2, randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import { type Asn1Node, Asn1ShapeError, childrenOf, der, iterationsOf, octetsOf, oidOf } from './Asn1.js';
import { DecryptionFailedError } from './DecryptionFailedError.js';
import { bmpPassword, pkcs12Kdf } from './Pkcs12Kdf.js';
import { rc2Cbc } from './Rc2Cbc.js';

const pbkdf2Async = promisify(pbkdf2);

/** Object identifiers of the password-based schemes (RFC 8018, RFC 7292 appendix C). */
export const PBE_OIDS = {
  pbes2: '1.2.840.113549.1.5.13',
  pbkdf2: '1.2.840.113549.1.5.12',
  hmacWithSha256: '1.2.840.113549.2.9',
  aes256Cbc: '2.16.840.1.101.3.4.1.42',
  pbeWithSha1And3KeyTripleDesCbc: '1.2.840.113549.1.12.1.3',
  pbeWithSha1And40BitRc2Cbc: '1.2.840.113549.1.12.1.6',
} as const;

const PRF_DIGESTS: Readonly<Record<string, string>> = {
  '1.2.840.113549.2.7': 'sha1',
  '1.2.840.113549.2.8': 'sha224',
  '1.2.840.113549.2.9': 'sha256',
  '1.2.840.113549.2.10': 'sha384',
  '1.2.840.113549.2.11': 'sha512',
};

const PBES2_CIPHERS: Readonly<Record<string, { readonly name: string; readonly keyLength: number }>> = {
  '2.16.840.1.101.3.4.1.2': { name: 'aes-128-cbc', keyLength: 16 },
  '2.16.840.1.101.3.4.1.22': { name: 'aes-192-cbc', keyLength: 24 },
  '2.16.840.1.101.3.4.1.42': { name: 'aes-256-cbc', keyLength: 32 },
  '1.2.840.113549.3.7': { name: 'des-ede3-cbc', keyLength: 24 },
};

/** The PKCS#12 PBE schemes of RFC 7292 appendix C: cipher, key bytes and RC2 effective bits. */
const PKCS12_PBE: Readonly<Record<string, { readonly cipher: string; readonly keyLength: number }>> = {
  '1.2.840.113549.1.12.1.3': { cipher: 'des-ede3-cbc', keyLength: 24 },
  '1.2.840.113549.1.12.1.4': { cipher: 'des-ede-cbc', keyLength: 16 },
  '1.2.840.113549.1.12.1.5': { cipher: 'rc2-cbc', keyLength: 16 },
  '1.2.840.113549.1.12.1.6': { cipher: 'rc2-cbc', keyLength: 5 },
};

/** Which encryption a writer uses: PBES2/AES-256 (Java 17, OpenSSL 3) or the legacy JDK/official tool schemes (DOMAIN.md 3). */
export type PbeScheme = 'pbes2-aes256' | 'pkcs12-3des' | 'pkcs12-rc2-40';

/** Unsupported algorithm: the file is valid PKCS#12 we cannot read, reported as corrupt with the OID. */
export class UnsupportedAlgorithmError extends Asn1ShapeError {}

function cbc(cipher: string, key: Buffer, iv: Buffer, data: Uint8Array, encrypt: boolean): Buffer {
  if (cipher === 'rc2-cbc') return rc2Cbc(key, key.length * 8, iv, data, encrypt);
  try {
    const engine = encrypt ? createCipheriv(cipher, key, iv) : createDecipheriv(cipher, key, iv);
    return Buffer.concat([engine.update(data), engine.final()]);
  } catch (error) {
    throw new DecryptionFailedError(`${cipher}: ${(error as Error).message}`, { cause: error });
  }
}

async function pbes2Key(params: Asn1Node | undefined, password: string): Promise<{ cipher: string; key: Buffer; iv: Buffer }> {
  const [kdf, scheme] = childrenOf(params, 'PBES2-params', 2);
  const [kdfOid, kdfParams] = childrenOf(kdf, 'PBES2 keyDerivationFunc', 2);
  if (oidOf(kdfOid, 'keyDerivationFunc') !== PBE_OIDS.pbkdf2) throw new UnsupportedAlgorithmError(`PBES2 key derivation ${oidOf(kdfOid, 'kdf')} is not PBKDF2`);
  const fields = childrenOf(kdfParams, 'PBKDF2-params', 2);
  const salt = octetsOf(fields[0], 'PBKDF2 salt');
  const iterations = iterationsOf(fields[1], 'PBKDF2 iterationCount');
  let prf = 'sha1';
  for (const field of fields.slice(2)) {
    if (field.idBlock.tagNumber === 16) {
      const prfOid = oidOf(childrenOf(field, 'PBKDF2 prf', 1)[0], 'prf');
      const digest = PRF_DIGESTS[prfOid];
      if (digest === undefined) throw new UnsupportedAlgorithmError(`PBKDF2 prf ${prfOid} is not supported`);
      prf = digest;
    }
  }
  const [cipherOid, iv] = childrenOf(scheme, 'PBES2 encryptionScheme', 2);
  const oid = oidOf(cipherOid, 'encryptionScheme');
  const cipher = PBES2_CIPHERS[oid];
  if (cipher === undefined) throw new UnsupportedAlgorithmError(`PBES2 cipher ${oid} is not supported`);
  // PBKDF2 takes the password as UTF-8, as OpenSSL and Java do (RFC 8018 leaves the encoding open).
  const key = await pbkdf2Async(Buffer.from(password, 'utf8'), salt, iterations, cipher.keyLength, prf);
  return { cipher: cipher.name, key, iv: octetsOf(iv, 'PBES2 IV') };
}

function pkcs12Key(oid: string, params: Asn1Node | undefined, password: string): { cipher: string; key: Buffer; iv: Buffer } {
  const scheme = PKCS12_PBE[oid];
  if (scheme === undefined) throw new UnsupportedAlgorithmError(`encryption algorithm ${oid} is not supported`);
  const [saltNode, iterationsNode] = childrenOf(params, 'pkcs-12PbeParams', 2);
  const salt = octetsOf(saltNode, 'pkcs-12PbeParams salt');
  const iterations = iterationsOf(iterationsNode, 'pkcs-12PbeParams iterations');
  const bmp = bmpPassword(password);
  return {
    cipher: scheme.cipher,
    key: pkcs12Kdf('sha1', bmp, salt, 1, iterations, scheme.keyLength),
    iv: pkcs12Kdf('sha1', bmp, salt, 2, iterations, 8),
  };
}

/** Decrypts `data` encrypted with the AlgorithmIdentifier `algorithm` (PBES2 or a PKCS#12 PBE scheme). */
export async function decryptWithPassword(algorithm: Asn1Node, data: Uint8Array, password: string): Promise<Buffer> {
  const [oidNode, params] = childrenOf(algorithm, 'encryption AlgorithmIdentifier', 1);
  const oid = oidOf(oidNode, 'encryption algorithm');
  const { cipher, key, iv } = oid === PBE_OIDS.pbes2 ? await pbes2Key(params, password) : pkcs12Key(oid, params, password);
  return cbc(cipher, key, iv, data, false);
}

/** Encrypts `data` under `password` with `scheme`; returns the AlgorithmIdentifier and the ciphertext. */
export async function encryptWithPassword(
  scheme: PbeScheme,
  data: Uint8Array,
  password: string,
  iterations: number,
): Promise<{ algorithm: Asn1Node; encrypted: Buffer }> {
  if (scheme === 'pbes2-aes256') {
    const salt = randomBytes(16);
    const iv = randomBytes(16);
    const key = await pbkdf2Async(Buffer.from(password, 'utf8'), salt, iterations, 32, 'sha256');
    const algorithm = der.sequence(
      der.oid(PBE_OIDS.pbes2),
      der.sequence(
        der.sequence(
          der.oid(PBE_OIDS.pbkdf2),
          der.sequence(der.octets(salt), der.integer(iterations), der.sequence(der.oid(PBE_OIDS.hmacWithSha256), der.null())),
        ),
        der.sequence(der.oid(PBE_OIDS.aes256Cbc), der.octets(iv)),
      ),
    );
    return { algorithm, encrypted: cbc('aes-256-cbc', key, iv, data, true) };
  }
  const oid = scheme === 'pkcs12-3des' ? PBE_OIDS.pbeWithSha1And3KeyTripleDesCbc : PBE_OIDS.pbeWithSha1And40BitRc2Cbc;
  // 20-byte salt as the JDK writes (DOMAIN.md 3).
  const params = der.sequence(der.octets(randomBytes(20)), der.integer(iterations));
  const { cipher, key, iv } = pkcs12Key(oid, params, password);
  return { algorithm: der.sequence(der.oid(oid), params), encrypted: cbc(cipher, key, iv, data, true) };
}
