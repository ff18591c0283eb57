import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { provisionFakeEid, type FakeEid, type FakeEidGeneration } from '@ehealth-cert/simulator';
import { describeEidCardContract, type EidCardContractTarget } from './testing/describeEidCardContract.js';
import { Pkcs11EidCard } from './Pkcs11EidCard.js';

/** A fake eID on SoftHSM behind the PIN-locking wrapper, in a temp folder removed afterwards. */
function softhsmTarget(generation: FakeEidGeneration): EidCardContractTarget {
  return {
    name: `SoftHSM2 fake eID, ${generation}`,
    async setUp() {
      const root = await mkdtemp(join(tmpdir(), 'eid-contract-'));
      const fake = await provisionFakeEid({ dir: join(root, 'card'), generation });
      const adapter = (card: FakeEid, options: { pkcs11Module?: string; tokenSerial?: string } = {}) =>
        new Pkcs11EidCard({ pkcs11Module: card.modulePath, moduleFactory: () => card.pkcs11Module(), ...options });
      return {
        pin: fake.pin,
        expectedHolder: fake.holder,
        createCard: (options) => adapter(fake, options),
        simulate: {
          pullOut: () => fake.pullOut(),
          reinsert: () => fake.reinsert(),
          resetPin: () => fake.resetPin(),
          async severalCards() {
            const dir = join(root, 'reader-pair');
            const first = await provisionFakeEid({ dir, generation });
            const second = await provisionFakeEid({ dir, generation, ssin: '90022500183', givenNames: 'Bruno', surname: 'Tweedekaart' });
            return {
              serials: [first.tokenSerial, second.tokenSerial],
              createCard: (tokenSerial) => adapter(first, tokenSerial ? { tokenSerial } : {}),
              dispose: () => first.remove(),
            };
          },
        },
        dispose: () => rm(root, { recursive: true, force: true }),
      };
    },
  };
}

/** A real card, only when one is configured; nothing destructive is done to it. */
function realCardTarget(env = process.env): EidCardContractTarget {
  const modulePath = env.EHEALTH_CERT_PKCS11_MODULE;
  const pin = env.EHEALTH_CERT_TEST_PIN;
  return {
    name: 'real eID card',
    ...(modulePath && pin ? {} : { skipReason: 'set EHEALTH_CERT_PKCS11_MODULE and EHEALTH_CERT_TEST_PIN to run it against a real card' }),
    async setUp() {
      return {
        pin: pin!,
        createCard: (options) => new Pkcs11EidCard({ pkcs11Module: modulePath!, ...options }),
        dispose: async () => undefined,
      };
    },
  };
}

describeEidCardContract(softhsmTarget('rsa2048'));
describeEidCardContract(softhsmTarget('ecp384'));
describeEidCardContract(realCardTarget());
