import { createPrivateKey, generateKeyPairSync, webcrypto } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import * as pkijs from 'pkijs';
import { fakeEidIssuer } from '../../fake-eid/FakeEidPki.js';
import type { FakeEidGeneration } from '../../fake-eid/FakeEidPki.js';
import { basicConstraintsExtension, buildCertificate, keyUsageExtension } from '../pki/buildCertificate.js';
import { buildName } from '../pki/buildName.js';
import type { CryptoKey } from '../pki/cryptoEngine.js';

/** One key of a test eID and its certificate chain (leaf first, root last). */
export interface TestEidKey {
  readonly privateKeyPem: string;
  readonly chain: readonly Uint8Array[];
  readonly algorithm: 'rsa' | 'ec';
}

/** A software eID for tests: Authentication and Signature keys under the fake Belgian PKI. */
export interface TestEid {
  readonly ssin: string;
  readonly givenName: string;
  readonly surname: string;
  readonly authentication: TestEidKey;
  readonly signature: TestEidKey;
}

async function toCryptoKey(key: KeyObject, ec: boolean): Promise<CryptoKey> {
  const pkcs8 = key.export({ format: 'der', type: 'pkcs8' });
  const alg = ec ? { name: 'ECDSA', namedCurve: 'P-384' } : { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' };
  return webcrypto.subtle.importKey('pkcs8', pkcs8, alg, false, ['sign']);
}

let serial = 1;

/**
 * Issues test eID certificates (subject C, CN, SN, GIVENNAME, SERIALNUMBER = SSIN as a real eID)
 * under the committed fake PKI of fake-eid/, or under `issuer` (an untrusted CA for refusals).
 */
export async function createTestEid(options: {
  generation?: FakeEidGeneration;
  ssin?: string;
  givenName?: string;
  surname?: string;
  issuer?: { certificate: Uint8Array; key: KeyObject; chain: readonly Uint8Array[] };
} = {}): Promise<TestEid> {
  const generation = options.generation ?? 'rsa2048';
  const ec = generation === 'ecp384';
  const fake = fakeEidIssuer(generation);
  const issuer = options.issuer ?? { certificate: fake.citizenCaCertificate, key: fake.citizenCaKey, chain: [fake.citizenCaCertificate, fake.rootCertificate] };
  const issuerCert = pkijs.Certificate.fromBER(Uint8Array.from(issuer.certificate));
  const issuerEc = issuer.key.asymmetricKeyType === 'ec';
  const signingKey = await toCryptoKey(issuer.key, issuerEc);
  const ssin = options.ssin ?? '85071400254';
  const givenName = options.givenName ?? 'Alice';
  const surname = options.surname ?? 'Geldigekaart';
  const make = async (role: 'Authentication' | 'Signature'): Promise<TestEidKey> => {
    const pair = ec ? generateKeyPairSync('ec', { namedCurve: 'P-384' }) : generateKeyPairSync('rsa', { modulusLength: 2048 });
    const spki = pkijs.PublicKeyInfo.fromBER(Uint8Array.from(pair.publicKey.export({ format: 'der', type: 'spki' })));
    const der = await buildCertificate({
      subject: buildName(`SERIALNUMBER=${ssin},GIVENNAME=${givenName},SN=${surname},CN=${givenName} ${surname} (${role}),C=BE`),
      issuer: issuerCert.subject,
      subjectPublicKeyInfo: spki,
      serial: new Uint8Array([0x10, serial++ & 0xff, 0x42]),
      notBefore: new Date('2025-01-01T00:00:00Z'),
      notAfter: new Date('2035-01-01T00:00:00Z'),
      extensions: [basicConstraintsExtension(false), keyUsageExtension(role === 'Authentication' ? [0] : [1])],
      signingKey,
      hash: issuerEc ? 'SHA-384' : 'SHA-256',
    });
    return { privateKeyPem: pair.privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(), chain: [der, ...issuer.chain], algorithm: ec ? 'ec' : 'rsa' };
  };
  return { ssin, givenName, surname, authentication: await make('Authentication'), signature: await make('Signature') };
}

/** A self-signed RSA CA that the simulator does not trust (for "untrusted chain" refusals). */
export async function createUntrustedCa(): Promise<{ certificate: Uint8Array; key: KeyObject; chain: Uint8Array[] }> {
  const pair = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const name = buildName('CN=Rogue Citizen CA,O=Not Belgium,C=BE');
  const der = await buildCertificate({
    subject: name,
    issuer: buildName('CN=Rogue Citizen CA,O=Not Belgium,C=BE'),
    subjectPublicKeyInfo: pkijs.PublicKeyInfo.fromBER(Uint8Array.from(pair.publicKey.export({ format: 'der', type: 'spki' }))),
    serial: new Uint8Array([0x01]),
    notBefore: new Date('2020-01-01T00:00:00Z'),
    notAfter: new Date('2040-01-01T00:00:00Z'),
    extensions: [basicConstraintsExtension(true), keyUsageExtension([5, 6])],
    signingKey: await toCryptoKey(createPrivateKey(pair.privateKey.export({ format: 'pem', type: 'pkcs8' })), false),
  });
  return { certificate: der, key: pair.privateKey, chain: [der] };
}
