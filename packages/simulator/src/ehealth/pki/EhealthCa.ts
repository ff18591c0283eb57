import { createHash, webcrypto } from 'node:crypto';
import * as pkijs from 'pkijs';
import type { SeededRandom } from '../random/SeededRandom.js';
import {
  authorityKeyIdentifierExtension,
  basicConstraintsExtension,
  buildCertificate,
  certificatePoliciesExtension,
  crlDistributionPointExtension,
  extendedKeyUsageExtension,
  keyUsageExtension,
  ocspAccessExtension,
  subjectKeyIdentifierExtension,
} from './buildCertificate.js';
import { buildName } from './buildName.js';
import { publicKeyIdentifierOf, readCertificate } from './readCertificate.js';
import type { CryptoKey } from './cryptoEngine.js';

type CryptoKeyPair = webcrypto.CryptoKeyPair;

/** The persisted CA material (base64 DER / PKCS#8). Test material only. */
export interface CaState {
  readonly rootKey: string;
  readonly rootCert: string;
  readonly issuingKey: string;
  readonly issuingCert: string;
  readonly etkRaKey: string;
  readonly etkRaCert: string;
}

const RSA = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' } as const;
const ROOT_DN = 'CN=TEST eHealth simulator root CA 001,O=eHealth simulator (TEST ONLY - NOT eHealth),C=BE';
const ISSUING_DN = 'CN=TEST eHealth simulator issuing CA 001,O=eHealth simulator (TEST ONLY - NOT eHealth),C=BE';
// Test ETK tokens are signed by "ETK-RA" of "Registration, eHealth-platform Belgium" (DOMAIN.md 2.5).
const ETK_RA_DN = 'CN=TEST ETK-RA,OU=Registration,O=eHealth-platform Belgium (TEST simulator),C=BE';
const CA_NOT_BEFORE = new Date('2020-01-01T00:00:00Z');
const CA_NOT_AFTER = new Date('2060-01-01T00:00:00Z');
/** ACC certificate policy OID seen on a real acceptance certificate (DOMAIN.md 4.3). */
export const EHEALTH_TEST_POLICY_OID = '2.999.6.1.4.1.47718.2.1.2.2.3.19';

const b64 = (u: Uint8Array | ArrayBuffer) => Buffer.from(u instanceof ArrayBuffer ? new Uint8Array(u) : u).toString('base64');
const fromB64 = (s: string) => Uint8Array.from(Buffer.from(s, 'base64'));

async function newKey(): Promise<CryptoKeyPair> {
  return webcrypto.subtle.generateKey({ ...RSA, modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]) }, true, ['sign', 'verify']) as Promise<CryptoKeyPair>;
}

async function importKey(pkcs8: string): Promise<CryptoKey> {
  return webcrypto.subtle.importKey('pkcs8', fromB64(pkcs8), RSA, true, ['sign']) as Promise<CryptoKey>;
}

async function spkiOf(pub: CryptoKey): Promise<pkijs.PublicKeyInfo> {
  return pkijs.PublicKeyInfo.fromBER(new Uint8Array(await webcrypto.subtle.exportKey('spki', pub as webcrypto.CryptoKey)));
}

function serial(random: SeededRandom): Uint8Array {
  const s = random.bytes(8);
  s[0] = ((s[0] ?? 0) & 0x7f) | 0x01;
  return s;
}

/**
 * The fake eHealth PKI: a root and an issuing CA (RSA, clearly marked TEST) that issue
 * authentication certificates with the DOMAIN.md 4.3 profile, plus the ETK-RA key that signs ETKs.
 */
export class EhealthCa {
  private constructor(
    private readonly state: CaState,
    private readonly issuingKey: CryptoKey,
    readonly etkRaKey: CryptoKey,
  ) {}

  /** Generates a new CA (three RSA 2048 keys; about half a second). */
  static async generate(random: SeededRandom): Promise<EhealthCa> {
    const [root, issuing, etkRa] = await Promise.all([newKey(), newKey(), newKey()]);
    const rootSpki = await spkiOf(root.publicKey);
    const issuingSpki = await spkiOf(issuing.publicKey);
    const rootKid = Buffer.from(publicKeyIdentifierOf(rootSpki), 'hex');
    const issuingKid = Buffer.from(publicKeyIdentifierOf(issuingSpki), 'hex');
    const caExtensions = (kid: Uint8Array, aki: Uint8Array) => [
      basicConstraintsExtension(true),
      keyUsageExtension([5, 6]),
      subjectKeyIdentifierExtension(kid),
      authorityKeyIdentifierExtension(aki),
    ];
    const rootCert = await buildCertificate({
      subject: buildName(ROOT_DN),
      issuer: buildName(ROOT_DN),
      subjectPublicKeyInfo: rootSpki,
      serial: serial(random),
      notBefore: CA_NOT_BEFORE,
      notAfter: CA_NOT_AFTER,
      extensions: caExtensions(rootKid, rootKid),
      signingKey: root.privateKey,
    });
    const issuingCert = await buildCertificate({
      subject: buildName(ISSUING_DN),
      issuer: buildName(ROOT_DN),
      subjectPublicKeyInfo: issuingSpki,
      serial: serial(random),
      notBefore: CA_NOT_BEFORE,
      notAfter: CA_NOT_AFTER,
      extensions: caExtensions(issuingKid, rootKid),
      signingKey: root.privateKey,
    });
    const etkSpki = await spkiOf(etkRa.publicKey);
    const etkRaCert = await buildCertificate({
      subject: buildName(ETK_RA_DN),
      issuer: buildName(ROOT_DN),
      subjectPublicKeyInfo: etkSpki,
      serial: serial(random),
      notBefore: CA_NOT_BEFORE,
      notAfter: CA_NOT_AFTER,
      extensions: [basicConstraintsExtension(false), keyUsageExtension([0, 1]), authorityKeyIdentifierExtension(rootKid)],
      signingKey: root.privateKey,
    });
    const pk = async (k: CryptoKey) => b64(await webcrypto.subtle.exportKey('pkcs8', k as webcrypto.CryptoKey));
    const state: CaState = {
      rootKey: await pk(root.privateKey),
      rootCert: b64(rootCert),
      issuingKey: await pk(issuing.privateKey),
      issuingCert: b64(issuingCert),
      etkRaKey: await pk(etkRa.privateKey),
      etkRaCert: b64(etkRaCert),
    };
    return new EhealthCa(state, issuing.privateKey, etkRa.privateKey);
  }

  /** Restores a CA saved with `toState`. */
  static async fromState(state: CaState): Promise<EhealthCa> {
    return new EhealthCa(state, await importKey(state.issuingKey), await importKey(state.etkRaKey));
  }

  /** What to persist. */
  toState(): CaState {
    return this.state;
  }

  /** DER of the root CA (what clients must trust; never sent in GetCertificate, DOMAIN.md 2.3). */
  get rootDer(): Uint8Array {
    return fromB64(this.state.rootCert);
  }

  /** DER of the issuing CA. */
  get issuingDer(): Uint8Array {
    return fromB64(this.state.issuingCert);
  }

  /** DER of the ETK-RA signer certificate. */
  get etkRaDer(): Uint8Array {
    return fromB64(this.state.etkRaCert);
  }

  /**
   * Issues an authentication certificate for `csr` with the DOMAIN.md 4.3 profile: 64-bit serial,
   * validity 3 years minus one second, BasicConstraints CA:false critical, KeyUsage critical
   * digitalSignature + nonRepudiation + keyEncipherment, EKU clientAuth + emailProtection,
   * SKI = PublicKeyIdentifier, AKI, AIA OCSP, CertificatePolicies, CRL DP (URIs under
   * ehealth-sim.invalid: nothing answers there, as nothing may leave the machine).
   */
  async issue(csr: pkijs.CertificationRequest, random: SeededRandom, now: Date): Promise<Uint8Array> {
    const issuing = readCertificate(this.issuingDer).pkijs;
    const notBefore = new Date(Math.floor(now.getTime() / 1000) * 1000);
    const notAfter = new Date(notBefore);
    notAfter.setUTCFullYear(notAfter.getUTCFullYear() + 3);
    notAfter.setTime(notAfter.getTime() - 1000);
    const ski = Buffer.from(publicKeyIdentifierOf(csr.subjectPublicKeyInfo), 'hex');
    const aki = Buffer.from(publicKeyIdentifierOf(issuing.subjectPublicKeyInfo), 'hex');
    return buildCertificate({
      subject: csr.subject,
      issuer: issuing.subject,
      subjectPublicKeyInfo: csr.subjectPublicKeyInfo,
      serial: serial(random),
      notBefore,
      notAfter,
      extensions: [
        basicConstraintsExtension(false),
        authorityKeyIdentifierExtension(aki),
        ocspAccessExtension('http://ehealth-sim.invalid/TEST-ONLY/ocsp'),
        certificatePoliciesExtension(EHEALTH_TEST_POLICY_OID, 'http://ehealth-sim.invalid/TEST-ONLY/cps'),
        extendedKeyUsageExtension(['1.3.6.1.5.5.7.3.2', '1.3.6.1.5.5.7.3.4']),
        crlDistributionPointExtension('http://ehealth-sim.invalid/TEST-ONLY/issuing-ca.crl'),
        subjectKeyIdentifierExtension(ski),
        keyUsageExtension([0, 1, 2]),
      ],
      signingKey: this.issuingKey,
    });
  }

  /** A stable fingerprint of this CA (SHA-256 of the root), for logs and the admin API. */
  get fingerprint(): string {
    return createHash('sha256').update(this.rootDer).digest('hex');
  }
}
