import { X509Certificate } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EhealthCertError, type KeyPair } from '@ehealth-cert/core';
import { FakeCertificateRegistry, FakeKeystoreVault, FixedClock } from '@ehealth-cert/core/testing';
import { JsonPendingRequests, PENDING_REQUESTS_FILE } from '../pending-requests/JsonPendingRequests.js';
import { Pkcs12KeystoreVault } from '../keystore/Pkcs12KeystoreVault.js';
import { TRUST_ANCHORS_VARIABLE } from '../pki/trustAnchors.js';
import { makeTestSigner } from '../test-support/testSigners.js';
import { ALLOW_NON_EHEALTH_ENDPOINT_VARIABLE } from '../endpoints/EhealthEndpoints.js';
import { createEhealthAdapters, type EhealthAdaptersOptions } from './createEhealthAdapters.js';

const clock = new FixedClock();
// Never created: the constructors touch no file, and these tests call nothing that writes.
const keystoreDir = join('/nonexistent', 'ehealth-cert-keystore');
const base = (overrides: Partial<EhealthAdaptersOptions> = {}): EhealthAdaptersOptions => ({ environment: 'prd', keystoreDir, clock, processEnv: {}, ...overrides });
const keyPair: KeyPair = { privateKey: new Uint8Array(), publicKey: new Uint8Array() };

/** The error of a chain check: which stage refused tells which trust anchors the factory chose. */
async function chainCheckError(options: EhealthAdaptersOptions): Promise<unknown> {
  return createEhealthAdapters(options)
    .keys.verifyIssuedChain([], keyPair)
    .then(() => undefined, (error: unknown) => error);
}

afterEach(() => {
  vi.unstubAllEnvs();
});

/** A self-signed certificate (openssl) and its SubjectPublicKeyInfo. */
async function selfSigned(): Promise<{ certificate: Uint8Array; publicKey: Uint8Array }> {
  const { certPem } = await makeTestSigner('rsa', 'ehealth-authentication', '/CN=Not eHealth');
  const x509 = new X509Certificate(certPem);
  return { certificate: new Uint8Array(x509.raw), publicKey: new Uint8Array(x509.publicKey.export({ type: 'spki', format: 'der' })) };
}

describe('createEhealthAdapters endpoints (DOMAIN.md 1.1, rules in endpointsFor)', () => {
  it('refuses an endpoint base that is not an http(s) URL, naming the field', () => {
    const error = (() => {
      try {
        return createEhealthAdapters(base({ endpointBase: 'ftp://127.0.0.1' }));
      } catch (caught) {
        return caught;
      }
    })();
    expect(EhealthCertError.is(error, 'INVALID_INPUT')).toBe(true);
    expect((error as EhealthCertError).details).toMatchObject({ field: 'endpointBase', value: 'ftp://127.0.0.1' });
  });
});

describe('createEhealthAdapters: prd with an endpoint base that is not https on an eHealth host (issue 12)', () => {
  const attempt = (options: EhealthAdaptersOptions) => {
    try {
      createEhealthAdapters(options);
      return undefined;
    } catch (caught) {
      return caught;
    }
  };

  it('is refused without the explicit setting, naming the variable, the value and the rule', () => {
    for (const endpointBase of ['http://services.ehealth.fgov.be', 'https://ehealth.example.org', 'http://127.0.0.1:8080', 'https://services.ehealth.fgov.be.evil.example']) {
      const error = attempt(base({ endpointBase }));
      expect(EhealthCertError.is(error, 'INVALID_INPUT')).toBe(true);
      expect((error as EhealthCertError).details).toMatchObject({ field: 'EHEALTH_CERT_ENDPOINT_BASE', value: endpointBase, flag: ALLOW_NON_EHEALTH_ENDPOINT_VARIABLE });
    }
  });

  it('is taken with EHEALTH_CERT_ALLOW_NON_EHEALTH_ENDPOINT=1, with a warning', () => {
    const warnings: string[] = [];
    const adapters = createEhealthAdapters(base({ endpointBase: 'http://127.0.0.1:8080', processEnv: { [ALLOW_NON_EHEALTH_ENDPOINT_VARIABLE]: '1' }, warn: (m) => warnings.push(m) }));
    expect(adapters.registry).toBeDefined();
    expect(warnings).toEqual([expect.stringContaining('http://127.0.0.1:8080, which is not https on an eHealth host')]);
  });

  it('needs nothing for https on an eHealth host, nor in acc and sim', () => {
    const warnings: string[] = [];
    const warn = (m: string) => warnings.push(m);
    createEhealthAdapters(base({ endpointBase: 'https://services.ehealth.fgov.be', warn }));
    createEhealthAdapters(base({ environment: 'acc', endpointBase: 'http://127.0.0.1:8080', warn }));
    createEhealthAdapters(base({ environment: 'sim', endpointBase: 'http://127.0.0.1:8080', warn }));
    expect(warnings).toEqual([]);
  });
});

describe('createEhealthAdapters trust anchors (DOMAIN.md 4.3)', () => {
  it('checks an acc chain without configured anchors link by link and says so (no-trust-anchors, issue 12 point 5)', async () => {
    const { certificate, publicKey } = await selfSigned();
    expect(await createEhealthAdapters(base({ environment: 'acc' })).keys.verifyIssuedChain([certificate], { privateKey: new Uint8Array(), publicKey })).toBe(
      'no-trust-anchors',
    );
    // prd has its embedded roots: the same chain is refused there.
    await expect(createEhealthAdapters(base()).keys.verifyIssuedChain([certificate], { privateKey: new Uint8Array(), publicKey })).rejects.toThrowError(
      /not a trust anchor/,
    );
  });

  it('reads the anchor files from the process environment it is given, not from process.env', async () => {
    vi.stubEnv(TRUST_ANCHORS_VARIABLE, '/nonexistent/root.pem');
    const { certificate, publicKey } = await selfSigned();
    // No anchor configured, not "cannot read /nonexistent/root.pem".
    expect(await createEhealthAdapters(base({ environment: 'acc' })).keys.verifyIssuedChain([certificate], { privateKey: new Uint8Array(), publicKey })).toBe(
      'no-trust-anchors',
    );
  });

  it('checks the chain against the anchors handed in (the simulator root), which replace the missing acc ones', async () => {
    const error = await chainCheckError(base({ environment: 'acc', trustAnchors: [new Uint8Array([0x30])] }));
    expect(EhealthCertError.is(error, 'EHEALTH_RESPONSE_INVALID')).toBe(true);
    expect((error as EhealthCertError).message).toContain('issued chain is empty');
  });

  it('has the embedded roots for prd', async () => {
    expect(EhealthCertError.is(await chainCheckError(base()), 'EHEALTH_RESPONSE_INVALID')).toBe(true);
  });
});

describe('createEhealthAdapters keystore folder (DOMAIN.md 3)', () => {
  it('keeps the keystores and the pending-requests record in the keystore folder', () => {
    const { vault, pending } = createEhealthAdapters(base());
    expect(vault).toBeInstanceOf(Pkcs12KeystoreVault);
    expect((vault as Pkcs12KeystoreVault).folder).toBe(keystoreDir);
    expect(pending).toBeInstanceOf(JsonPendingRequests);
    expect((pending as JsonPendingRequests).path).toBe(join(keystoreDir, PENDING_REQUESTS_FILE));
  });

  it('passes the iteration count to the vault, which refuses one below 1', () => {
    expect(() => createEhealthAdapters(base({ iterations: 0 }))).toThrowError(/iterations 0 must be a positive integer/);
    expect(() => createEhealthAdapters(base({ iterations: 1, keystoreFormat: 'legacy' }))).not.toThrow();
  });

  it('returns the ports the caller brings as given', () => {
    const registry = new FakeCertificateRegistry(clock);
    const vault = new FakeKeystoreVault(clock);
    const adapters = createEhealthAdapters(base(), { registry, vault });
    expect(adapters.registry).toBe(registry);
    expect(adapters.vault).toBe(vault);
    expect(adapters.pending).toBeInstanceOf(JsonPendingRequests);
  });
});
