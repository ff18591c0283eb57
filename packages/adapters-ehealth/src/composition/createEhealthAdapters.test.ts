import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EhealthCertError, type KeyPair } from '@ehealth-cert/core';
import { FakeCertificateRegistry, FakeKeystoreVault, FixedClock } from '@ehealth-cert/core/testing';
import { JsonPendingRequests, PENDING_REQUESTS_FILE } from '../pending-requests/JsonPendingRequests.js';
import { Pkcs12KeystoreVault } from '../keystore/Pkcs12KeystoreVault.js';
import { TRUST_ANCHORS_VARIABLE } from '../pki/trustAnchors.js';
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

describe('createEhealthAdapters trust anchors (DOMAIN.md 4.3)', () => {
  it('refuses to check an acc chain without configured anchors, naming the variable', async () => {
    const error = await chainCheckError(base({ environment: 'acc' }));
    expect(EhealthCertError.is(error, 'INVALID_INPUT')).toBe(true);
    expect((error as EhealthCertError).details).toMatchObject({ field: TRUST_ANCHORS_VARIABLE, environment: 'acc' });
  });

  it('reads the anchor files from the process environment it is given, not from process.env', async () => {
    vi.stubEnv(TRUST_ANCHORS_VARIABLE, '/nonexistent/root.pem');
    const error = await chainCheckError(base({ environment: 'acc' }));
    // "No anchor configured", not "cannot read /nonexistent/root.pem".
    expect((error as EhealthCertError).details).toEqual({ field: TRUST_ANCHORS_VARIABLE, environment: 'acc' });
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
