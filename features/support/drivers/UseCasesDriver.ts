import { checkIdentifier, checkKeystorePassword, EhealthCertError, formatIdentifier, validateContactData } from '@ehealth-cert/core';
import type { ContactDataDraft, Driver } from './Driver.js';
import type { DriverScene } from './DriverScene.js';
import { failure, success, type Outcome } from './Outcome.js';

/** Runs `work` and turns an EhealthCertError into a failed outcome (anything else is a bug and throws). */
async function attempt<T>(work: () => T | Promise<T>): Promise<Outcome<T>> {
  try {
    return success(await work());
  } catch (error) {
    if (EhealthCertError.is(error)) return failure(error.code, error.message, error.details);
    throw error;
  }
}

const notYet = (what: string) => () => Promise.reject(new Error(`usecases driver: ${what} is not wired yet`));

/** The core use cases and rules, taken from the CLI's composition root (createContainer). */
export class UseCasesDriver implements Driver {
  readonly name = 'usecases';

  constructor(private readonly scene: DriverScene) {}

  checkIdentifier(text: string): Promise<Outcome<{ identifier: string }>> {
    return attempt(() => {
      const check = checkIdentifier(text);
      if (!check.valid) throw check.error;
      return { identifier: formatIdentifier(check.identifier) };
    });
  }

  checkContactData(contact: ContactDataDraft): Promise<Outcome<void>> {
    return attempt(() => void validateContactData(contact));
  }

  checkPassword(password: string): Promise<Outcome<void>> {
    return attempt(() => checkKeystorePassword(password));
  }

  readCard = notYet('readCard');
  listOrganisations = notYet('listOrganisations');
  request = notYet('request');
  complete = notYet('complete');
  renew = notYet('renew');
  revoke = notYet('revoke');
  activateEtk = notYet('activateEtk');
  changePassword = notYet('changePassword');
  inspect = notYet('inspect');

  async close(): Promise<void> {
    void this.scene;
  }
}
