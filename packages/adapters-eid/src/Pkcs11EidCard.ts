import { AsyncLocalStorage } from 'node:async_hooks';
import {
  EhealthCertError,
  type CardHolder,
  type CardSlot,
  type EidCard,
  type EidKey,
  type PinEntry,
  type PinStatus,
  type Signer,
} from '@ehealth-cert/core';
import pkcs11js from 'pkcs11js';
import { describeHolderCertificate } from './card/describeHolderCertificate.js';
import { Pkcs11Login } from './card/Pkcs11Login.js';
import { Pkcs11Signer } from './card/Pkcs11Signer.js';
import { readCardCertificates } from './card/readCardCertificates.js';
import { findBelpicTokens, type BelpicToken } from './pkcs11/findBelpicTokens.js';
import { loadPkcs11Module } from './pkcs11/loadPkcs11Module.js';
import { pkcs11jsModuleFactory, type Pkcs11Module, type Pkcs11ModuleFactory } from './pkcs11/Pkcs11Module.js';
import { translatePkcs11Error } from './pkcs11/translatePkcs11Error.js';

/** Settings of the eID adapter (all optional). */
export interface Pkcs11EidCardOptions {
  /** PKCS#11 module path; default EHEALTH_CERT_PKCS11_MODULE, then the discovery list (DOMAIN.md 6). */
  readonly pkcs11Module?: string;
  /** Token serial of the card to use when several are inserted. */
  readonly tokenSerial?: string;
  /** Makes the module; a test double can wrap pkcs11js here. */
  readonly moduleFactory?: Pkcs11ModuleFactory;
  readonly env?: Readonly<Record<string, string | undefined>>;
  readonly platform?: NodeJS.Platform;
}

interface OpenCard {
  readonly module: Pkcs11Module;
}

// One PKCS#11 module may be initialised once per process (CKR_CRYPTOKI_ALREADY_INITIALIZED), so all
// card operations of the process take turns; nested calls inside withSigner reuse the open module.
let turn: Promise<unknown> = Promise.resolve();
const current = new AsyncLocalStorage<OpenCard>();

/** The Belgian eID card through a PKCS#11 module (pkcs11js), module loaded per operation. */
export class Pkcs11EidCard implements EidCard {
  private readonly factory: Pkcs11ModuleFactory;

  constructor(private readonly options: Pkcs11EidCardOptions = {}) {
    this.factory = options.moduleFactory ?? pkcs11jsModuleFactory;
  }

  async listCards(): Promise<readonly CardSlot[]> {
    return this.withModule('listing the cards', (module) =>
      findBelpicTokens(module).map((token) => {
        const holder = this.tryHolderName(module, token);
        return { tokenSerial: token.serial, label: token.label, ...(holder ? { holder } : {}) };
      }),
    );
  }

  async readHolder(): Promise<CardHolder> {
    return this.withSession('reading the holder', async (module, token, session) => {
      const chains = readCardCertificates(module, session);
      const { ssin, givenNames, surname, generation } = describeHolderCertificate(chains.authenticationChain[0]!);
      return { ssin, givenNames, surname, generation, tokenSerial: token.serial, ...chains };
    });
  }

  async pinStatus(): Promise<PinStatus> {
    return this.withModule('reading the PIN status', (module) => {
      const flags = module.C_GetTokenInfo(this.chooseToken(module).slot).flags;
      const state: PinStatus['state'] =
        flags & pkcs11js.CKF_USER_PIN_LOCKED
          ? 'blocked'
          : flags & pkcs11js.CKF_USER_PIN_FINAL_TRY
            ? 'final-try'
            : flags & pkcs11js.CKF_USER_PIN_COUNT_LOW
              ? 'count-low'
              : 'ok';
      return { state, pinpad: (flags & pkcs11js.CKF_PROTECTED_AUTHENTICATION_PATH) !== 0 };
    });
  }

  async withSigner<T>(key: EidKey, pin: PinEntry, operation: (signer: Signer) => Promise<T>): Promise<T> {
    return this.withSession(`using the ${key} key`, async (module, token, session) => {
      const chains = readCardCertificates(module, session);
      const facts = describeHolderCertificate(chains.authenticationChain[0]!);
      const chain = key === 'authentication' ? chains.authenticationChain : chains.signatureChain;
      const holderName = `${facts.givenNames} ${facts.surname}`;
      const login = new Pkcs11Login(module, session, token.slot, { key, holderName }, pin);
      try {
        return await operation(new Pkcs11Signer(key, facts.algorithm, chain, module, session, login));
      } finally {
        // The PIN lives no longer than the operation; a Signer kept beyond it refuses to sign.
        login.end();
      }
    });
  }

  /** Opens a read-only session on the chosen card and always closes it. */
  private withSession<T>(during: string, work: (module: Pkcs11Module, token: BelpicToken, session: pkcs11js.Handle) => Promise<T>): Promise<T> {
    return this.withModule(during, async (module) => {
      const token = this.chooseToken(module);
      const session = module.C_OpenSession(token.slot, pkcs11js.CKF_SERIAL_SESSION);
      try {
        return await work(module, token, session);
      } finally {
        try {
          module.C_CloseSession(session);
        } catch {
          // The card may be gone (CKR_DEVICE_REMOVED): the outcome is already decided above.
        }
      }
    });
  }

  /** Loads and initialises the module, runs `work`, then finalises and unloads it on every path. */
  private async withModule<T>(during: string, work: (module: Pkcs11Module) => T | Promise<T>): Promise<T> {
    const open = current.getStore();
    if (open) return this.translating(during, () => work(open.module));
    const run = async (): Promise<T> => {
      const module = loadPkcs11Module(this.factory, {
        path: this.options.pkcs11Module ?? (this.options.env ?? process.env).EHEALTH_CERT_PKCS11_MODULE,
        platform: this.options.platform ?? process.platform,
      });
      try {
        return await current.run({ module }, () => this.translating(during, () => work(module)));
      } finally {
        try {
          module.C_Finalize();
        } catch {
          // Finalising after a removed card can fail; the module is unloaded regardless.
        }
        module.close();
      }
    };
    const result = turn.then(run);
    turn = result.catch(() => undefined);
    return result;
  }

  private async translating<T>(during: string, work: () => T | Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      throw translatePkcs11Error(error, during);
    }
  }

  /** The named card, the only card, or an error: never silently the first of several. */
  private chooseToken(module: Pkcs11Module): BelpicToken {
    const tokens = findBelpicTokens(module);
    const serials = tokens.map((token) => token.serial);
    const wanted = this.options.tokenSerial;
    if (wanted !== undefined) {
      const token = tokens.find((candidate) => candidate.serial === wanted);
      if (token) return token;
      throw new EhealthCertError(
        'CARD_ABSENT',
        `No eID card with token serial ${wanted} is inserted${serials.length ? ` (inserted: ${serials.join(', ')})` : ''}.`,
        { tokenSerial: wanted, cards: serials },
      );
    }
    if (tokens.length === 1) return tokens[0]!;
    if (tokens.length === 0) {
      throw new EhealthCertError('CARD_ABSENT', 'No eID card found: connect the card reader and insert the card (no token labelled BELPIC).', { cards: [] });
    }
    throw new EhealthCertError(
      'CARD_AMBIGUOUS',
      `${tokens.length} eID cards are inserted (token serials ${serials.join(', ')}): choose one by its token serial, or remove the others.`,
      { cards: serials },
    );
  }

  private tryHolderName(module: Pkcs11Module, token: BelpicToken): string | undefined {
    const session = module.C_OpenSession(token.slot, pkcs11js.CKF_SERIAL_SESSION);
    try {
      const { givenNames, surname } = describeHolderCertificate(readCardCertificates(module, session).authenticationChain[0]!);
      return `${givenNames} ${surname}`;
    } catch (error) {
      if (EhealthCertError.is(error, 'CARD_ERROR')) return undefined; // not an eID layout: list it without a name
      throw error;
    } finally {
      module.C_CloseSession(session);
    }
  }
}
