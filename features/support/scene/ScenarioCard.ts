import { rmSync } from 'node:fs';
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pkcs11js from 'pkcs11js';
import { CARD_REMOVED_FILE, PinLockingPkcs11, provisionFakeEid, type FakeEid, type FakeEidGeneration, type Pkcs11Api } from '@ehealth-cert/simulator';
import type { TestPerson } from './testPeople.js';

/** Signature key of the eID (CKA_ID 3, DOMAIN.md 6): signing with it is manual step 14. */
const SIGNATURE_KEY_ID = 3;

// Generating the two card keys on SoftHSM takes seconds on a busy machine, so each worker
// provisions a card once per holder and generation and every scenario gets a copy of its token
// folder: its own card, with its own PIN count and removal state.
const templates = new Map<string, Promise<FakeEid>>();
let templateRoot: string | undefined;
process.once('exit', () => {
  if (templateRoot) rmSync(templateRoot, { recursive: true, force: true });
});

async function template(holder: TestPerson, generation: FakeEidGeneration): Promise<FakeEid> {
  const key = `${holder.ssin}-${generation}`;
  let made = templates.get(key);
  if (!made) {
    made = (async () => {
      templateRoot ??= await mkdtemp(join(tmpdir(), 'ehealth-features-cards-'));
      return provisionFakeEid({ dir: join(templateRoot, key), generation, ssin: holder.ssin, givenNames: holder.givenNames, surname: holder.surname });
    })();
    templates.set(key, made);
  }
  return made;
}

/**
 * The scenario's fake eID (a SoftHSM token behind the simulator's PIN-locking wrapper), and the
 * hand that can pull it out of the reader at the moment of signing (steps 13-14).
 */
export class ScenarioCard {
  private pullOutAtSignature = false;

  private constructor(
    /** The card folder (softhsm2.conf, tokens/, PIN count, removal flag). */
    readonly dir: string,
    readonly softhsmConf: string,
    readonly modulePath: string,
    readonly tokenSerial: string,
    readonly pin: string,
    readonly holder: TestPerson,
  ) {}

  /** A card for `holder` in `dir`/card: a copy of this worker's provisioned token. */
  static async insert(dir: string, holder: TestPerson, generation: FakeEidGeneration): Promise<ScenarioCard> {
    const made = await template(holder, generation);
    const cardDir = join(dir, 'card');
    await mkdir(cardDir, { recursive: true });
    await cp(join(made.dir, 'tokens'), join(cardDir, 'tokens'), { recursive: true });
    const softhsmConf = join(cardDir, 'softhsm2.conf');
    await writeFile(softhsmConf, `directories.tokendir = ${join(cardDir, 'tokens')}\nobjectstore.backend = file\nlog.level = ERROR\nslots.removable = false\n`);
    return new ScenarioCard(cardDir, softhsmConf, made.modulePath, made.tokenSerial, made.pin, holder);
  }

  /** The person pulls the card out of the reader. */
  async pullOut(): Promise<void> {
    await writeFile(join(this.dir, CARD_REMOVED_FILE), '');
  }

  /** The person puts the card back. */
  async reinsert(): Promise<void> {
    await rm(join(this.dir, CARD_REMOVED_FILE), { force: true });
  }

  /** The person pulls the card out of the reader as soon as the Signature key is about to sign. */
  pullOutWhenSigning(): void {
    this.pullOutAtSignature = true;
  }

  /** A PKCS#11 module for this card, made fresh for each card operation (Pkcs11EidCard's moduleFactory). */
  module(): Pkcs11Api {
    const pullOut = () => this.pullOut();
    const armed = () => this.pullOutAtSignature;
    const disarm = () => {
      this.pullOutAtSignature = false;
    };
    return new (class extends PinLockingPkcs11 {
      private removeNow = false;
      override C_SignInit(session: pkcs11js.Handle, mechanism: pkcs11js.Mechanism, key: pkcs11js.Handle): void {
        if (armed()) {
          const [id] = this.C_GetAttributeValue(session, key, [{ type: pkcs11js.CKA_ID }]);
          this.removeNow = Buffer.isBuffer(id?.value) && id.value.length === 1 && id.value[0] === SIGNATURE_KEY_ID;
        }
        super.C_SignInit(session, mechanism, key);
      }
      override async C_SignAsync(session: pkcs11js.Handle, inData: Buffer, outData: Buffer): Promise<Buffer> {
        if (this.removeNow) {
          disarm();
          await pullOut();
        }
        return super.C_SignAsync(session, inData, outData);
      }
    })(this.dir);
  }

  /** Wrong PINs the card counted since the last correct one, read from its PIN flags. */
  async wrongPinCount(): Promise<number> {
    const module = new PinLockingPkcs11(this.dir);
    module.load(this.modulePath);
    module.C_Initialize();
    try {
      const slot = module.C_GetSlotList(true).find((s) => module.C_GetTokenInfo(s).serialNumber.trim() === this.tokenSerial);
      if (slot === undefined) throw new Error('the card is not in the reader');
      const flags = module.C_GetTokenInfo(slot).flags;
      if (flags & pkcs11js.CKF_USER_PIN_LOCKED) return 3;
      if (flags & pkcs11js.CKF_USER_PIN_FINAL_TRY) return 2;
      return flags & pkcs11js.CKF_USER_PIN_COUNT_LOW ? 1 : 0;
    } finally {
      module.C_Finalize();
      module.close();
    }
  }
}
