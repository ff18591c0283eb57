import type { Bytes } from '../ports/binary.js';
import type { Signer } from '../ports/EidCard.js';
import type { CertificateSummary, ChainTrust, EtkSummary, KeyFactory, KeyPair } from '../ports/KeyFactory.js';
import { EhealthCertError } from '../errors/EhealthCertError.js';
import { decodeFakeCertificate, encodeFakeCertificate, fromHex, summariseFakeCertificate } from './FakeCertificate.js';
import { FailurePlan } from './FailurePlan.js';
import { decodeFake, encodeFake, fakeDigest, sameBytes, toHex } from './fakeEncoding.js';
import { FAKE_ROOT_CA } from './fakeCas.js';

/** Operations of FakeKeyFactory that a test can make fail. */
export type KeyFactoryOperation = 'generateKeyPair' | 'verifyIssuedChain' | 'decryptChallenge' | 'createEncryptionCertificate' | 'verifyEtk';

/** The fake challenge of FakeEtkRegistry: the serial "encrypted" for one public key. */
export interface FakeChallenge {
  readonly publicKey: string;
  readonly serialNumber: string;
}

/** The fake ETK of FakeEtkRegistry: the encryption certificate it wraps (DOMAIN.md 2.5). */
export interface FakeEtk {
  readonly certificate: string;
}

/** A fake CSR: the DN and the public key. */
export interface FakeCsr {
  readonly dn: string;
  readonly publicKey: string;
}

/**
 * KeyFactory without crypto: numbered key pairs, certificates as tagged JSON (see
 * FakeCertificate), signatures that name the key. Deterministic, so tests can compare bytes.
 */
export class FakeKeyFactory implements KeyFactory {
  /** Fault injection per operation. */
  readonly failures = new FailurePlan<KeyFactoryOperation>();
  /** How many key pairs were generated. */
  generated = 0;

  constructor(private readonly trustAnchors: readonly string[] = [FAKE_ROOT_CA.subject]) {}

  generateKeyPair(): Promise<KeyPair> {
    return this.failures.run('generateKeyPair', () => {
      this.generated += 1;
      const n = this.generated;
      return { privateKey: encodeFake('PRIVATE-KEY', { n }), publicKey: encodeFake('PUBLIC-KEY', { n }) };
    });
  }

  publicKeyIdentifier(publicKey: Bytes): Promise<string> {
    return Promise.resolve(fakeDigest(publicKey));
  }

  createCsr(keyPair: KeyPair, dn: string): Promise<Bytes> {
    const csr: FakeCsr = { dn, publicKey: toHex(keyPair.publicKey) };
    return Promise.resolve(encodeFake('CSR', csr));
  }

  createPlaceholderCertificate(keyPair: KeyPair, now: Date): Promise<Bytes> {
    // DOMAIN.md 2.4 item 9: C=Dummy, serial 0, one minute the day before.
    const notBefore = new Date(now.getTime() - 24 * 3600_000);
    return Promise.resolve(
      encodeFakeCertificate({
        subject: 'C=Dummy',
        issuer: 'C=Dummy',
        serialNumber: '0',
        notBefore,
        notAfter: new Date(notBefore.getTime() + 60_000),
        publicKey: keyPair.publicKey,
        placeholder: true,
        signedBy: keyPair.publicKey,
      }),
    );
  }

  describeCertificate(certificate: Bytes): CertificateSummary {
    return summariseFakeCertificate(certificate);
  }

  /** With no trust anchor (`new FakeKeyFactory([])`, an acc without configuration) the chain is checked link by link only. */
  verifyIssuedChain(chain: readonly Bytes[], keyPair: KeyPair): Promise<ChainTrust> {
    return this.failures.run('verifyIssuedChain', () => {
      const certificates = chain.map(decodeFakeCertificate);
      const leaf = certificates[0];
      if (!leaf || leaf.publicKey !== toHex(keyPair.publicKey)) {
        throw new EhealthCertError('EHEALTH_RESPONSE_INVALID', 'The issued certificate does not hold the key of this keystore.');
      }
      certificates.forEach((certificate, i) => {
        const next = certificates[i + 1];
        if (next && (certificate.issuer !== next.subject || certificate.signedBy !== next.publicKey)) {
          throw new EhealthCertError('EHEALTH_RESPONSE_INVALID', `Certificate ${i} of the chain is not issued by certificate ${i + 1}.`);
        }
      });
      if (this.trustAnchors.length === 0) return 'no-trust-anchors';
      const last = certificates[certificates.length - 1];
      if (!last || !this.trustAnchors.includes(last.issuer)) {
        throw new EhealthCertError('EHEALTH_RESPONSE_INVALID', `The chain ends at "${last?.issuer}", not a trust anchor.`);
      }
      return 'anchored';
    });
  }

  decryptChallenge(encryptionKey: KeyPair, challenge: Bytes): Promise<string> {
    return this.failures.run('decryptChallenge', () => {
      const decoded = decodeFake<FakeChallenge>('CHALLENGE', challenge);
      if (decoded.publicKey !== toHex(encryptionKey.publicKey)) {
        throw new EhealthCertError('EHEALTH_RESPONSE_INVALID', 'The challenge was not encrypted for this encryption key.');
      }
      return decoded.serialNumber;
    });
  }

  createEncryptionCertificate(input: {
    readonly authenticationCertificate: Bytes;
    readonly authenticationKey: KeyPair;
    readonly encryptionKey: KeyPair;
    readonly serialNumber: string;
  }): Promise<Bytes> {
    return this.failures.run('createEncryptionCertificate', () => {
      // DOMAIN.md 2.5: subject = issuer = the auth certificate's subject, same validity.
      const auth = decodeFakeCertificate(input.authenticationCertificate);
      return encodeFakeCertificate({
        subject: auth.subject,
        issuer: auth.subject,
        serialNumber: input.serialNumber,
        notBefore: new Date(auth.notBefore),
        notAfter: new Date(auth.notAfter),
        publicKey: input.encryptionKey.publicKey,
        placeholder: false,
        signedBy: input.authenticationKey.publicKey,
      });
    });
  }

  verifyEtk(etk: Bytes, expectedCertificate: Bytes): Promise<EtkSummary> {
    return this.failures.run('verifyEtk', () => {
      const decoded = decodeFake<FakeEtk>('ETK', etk);
      const certificate = fromHex(decoded.certificate);
      if (!sameBytes(certificate, expectedCertificate)) {
        throw new EhealthCertError('EHEALTH_RESPONSE_INVALID', 'The ETK does not hold our encryption certificate.');
      }
      const summary = summariseFakeCertificate(certificate);
      return {
        encryptionCertificate: certificate,
        serialNumber: summary.serialNumber,
        subject: summary.subject,
        signerTrust: this.trustAnchors.length === 0 ? 'no-trust-anchors' : 'anchored',
      };
    });
  }

  softwareSigner(keyPair: KeyPair, certificateChain: readonly Bytes[]): Signer {
    return {
      role: 'ehealth-authentication',
      algorithm: 'RSA-SHA256',
      certificateChain,
      sign: (data) => Promise.resolve(fakeSignature(keyPair.publicKey, data)),
    };
  }
}

/** A deterministic "signature": the digest of the signing key's public key and the data. */
export function fakeSignature(publicKey: Bytes, data: Bytes): Bytes {
  return encodeFake('SIGNATURE', { key: fakeDigest(publicKey), data: fakeDigest(data) });
}
