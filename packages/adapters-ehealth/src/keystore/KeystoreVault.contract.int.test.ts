import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FakeKeystoreVault } from '@ehealth-cert/core/testing';
import { Pkcs12KeystoreVault } from './Pkcs12KeystoreVault.js';
import { describeKeystoreVaultContract } from './testing/describeKeystoreVaultContract.js';
import { realisticKeystoreContent } from './testing/realisticKeystoreContent.js';

// One set of keys for the whole file: RSA key generation is the slow part.
const content = realisticKeystoreContent();

describeKeystoreVaultContract({
  name: 'FakeKeystoreVault (core/testing)',
  setUp: async (clock) => ({ vault: new FakeKeystoreVault(clock, 'acc'), dispose: async () => undefined }),
  content: () => content,
});

describeKeystoreVaultContract({
  name: 'Pkcs12KeystoreVault',
  setUp: async (clock) => {
    const folder = await mkdtemp(join(tmpdir(), 'ehealth-vault-contract-'));
    return {
      vault: new Pkcs12KeystoreVault({ environment: 'acc', folder: join(folder, 'keystore'), iterations: 1024, clock }),
      dispose: () => rm(folder, { recursive: true, force: true }),
    };
  },
  content: () => content,
});
