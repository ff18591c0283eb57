import {
  EhealthCertError,
  MAX_ORGANISATION_NAME,
  validateBaseServiceUsages,
  validateFreeText,
  type ContactDataInput,
  type ManageableOrganisation,
  type OrganisationChoice,
} from '@ehealth-cert/core';
import type { Translator } from '../i18n/Translator.js';
import { readKeystorePassword } from '../person/readKeystorePassword.js';
import type { Prompter } from '../terminal/Prompter.js';
import type { CliIo } from '../terminal/CliIo.js';
import type { OrganisationMode, PasswordContext, RequestAnswers, Whose } from './RequestAnswers.js';
import { inChosenLanguage } from '../exit-codes/inChosenLanguage.js';
import { baseServicesFlag } from './baseServicesFlag.js';

/** The flags of `ehealth-cert request` (scripted runs: no TTY, or --yes). */
export interface RequestFlags {
  readonly org?: string;
  readonly orgIndex?: string;
  readonly orgName?: string;
  readonly appId?: string;
  readonly emailPrivate?: string;
  readonly emailGeneral?: string;
  readonly phonePrivate?: string;
  readonly phoneGeneral?: string;
  readonly baseService?: readonly string[];
  readonly acceptTerms?: boolean;
  readonly passwordFile?: string;
}

/** Manual steps 2-11 answered from flags; a missing answer fails naming its flag. */
export class FlagAnswers implements RequestAnswers {
  constructor(
    private readonly flags: RequestFlags,
    private readonly i18n: Translator,
    private readonly prompter: Prompter,
    private readonly io: CliIo,
  ) {}

  async start(): Promise<'request'> {
    if (this.flags.acceptTerms !== true) {
      throw inChosenLanguage(new EhealthCertError('TERMS_NOT_ACCEPTED', this.i18n.t((m) => m.errors.noTty, { what: this.i18n.m.wizard.acceptTerms, how: '--accept-terms' }), {
        flag: '--accept-terms',
      }));
    }
    // Everything given on the command line is checked before the card or eHealth is touched:
    // the free texts by core's own rules (issue 13), the error naming the flag as well.
    const org = this.orgFlag();
    if (org.includes('=') && this.flags.orgName !== undefined && this.flags.orgName.trim() !== '') {
      const name = this.flags.orgName;
      byFlag('--org-name', () => validateFreeText(name, 'officialName', MAX_ORGANISATION_NAME));
    }
    byFlag('--base-service', () => validateBaseServiceUsages(this.flags.baseService ?? []));
    await this.contactData();
    return 'request';
  }

  async retryCard(): Promise<boolean> {
    return false;
  }

  async whose(): Promise<Whose> {
    return this.orgFlag() === 'personal' ? 'personal' : 'organisation';
  }

  needsOrganisationList(): boolean {
    return this.orgFlag() === 'auto';
  }

  async mode(): Promise<OrganisationMode> {
    return this.orgFlag() === 'auto' ? 'automatic' : 'manual';
  }

  async pickOrganisation(organisations: readonly ManageableOrganisation[]): Promise<ManageableOrganisation> {
    const max = organisations.length;
    if (this.flags.orgIndex === undefined) {
      if (max === 1) return organisations[0]!;
      if (max === 0) throw inChosenLanguage(new EhealthCertError('EHEALTH_REJECTED', this.i18n.m.wizard.noOrganisations, { organisations: 0 }));
      throw inChosenLanguage(new EhealthCertError('INVALID_INPUT', this.i18n.t((m) => m.errors.orgChoose, { max }), { flag: '--org-index', max }));
    }
    const index = Number(this.flags.orgIndex);
    const chosen = Number.isInteger(index) ? organisations[index - 1] : undefined;
    if (chosen === undefined || index < 1) {
      throw inChosenLanguage(new EhealthCertError('INVALID_INPUT', this.i18n.t((m) => m.errors.orgIndex, { value: this.flags.orgIndex ?? '', max }), { flag: '--org-index', max }));
    }
    return chosen;
  }

  async manualOrganisation(): Promise<Extract<OrganisationChoice, { kind: 'manual' }>> {
    const org = this.orgFlag();
    const at = org.indexOf('=');
    if (this.flags.orgName === undefined || this.flags.orgName.trim() === '') {
      throw inChosenLanguage(new EhealthCertError('INVALID_INPUT', this.i18n.m.errors.orgNameMissing, { flag: '--org-name' }));
    }
    return { kind: 'manual', identifierType: org.slice(0, at), identifierValue: org.slice(at + 1), officialName: this.flags.orgName };
  }

  async applicationId(): Promise<string | undefined> {
    return this.flags.appId;
  }

  async contactData(): Promise<ContactDataInput> {
    for (const [flag, value] of [
      ['--email-private', this.flags.emailPrivate],
      ['--email-general', this.flags.emailGeneral],
      ['--phone-private', this.flags.phonePrivate],
    ] as const) {
      if (value === undefined) {
        throw inChosenLanguage(new EhealthCertError('INVALID_CONTACT_DATA', this.i18n.t((m) => m.errors.noTty, { what: flag.slice(2), how: this.i18n.t((m) => m.errors.answerHow, { flag }) }), {
          flag,
        }));
      }
    }
    return {
      emailPrivate: this.flags.emailPrivate,
      emailGeneral: this.flags.emailGeneral,
      phonePrivate: this.flags.phonePrivate,
      ...(this.flags.phoneGeneral !== undefined ? { phoneGeneral: this.flags.phoneGeneral } : {}),
    };
  }

  /** Without --base-service, core sends the organisation type's base services; `--base-service none`: none. */
  async baseServices(): Promise<string[] | undefined> {
    return baseServicesFlag(this.flags.baseService);
  }

  async password(_context: PasswordContext): Promise<string> {
    return readKeystorePassword({ passwordFile: this.flags.passwordFile, env: this.io.env, cwd: this.io.cwd }, this.prompter, this.i18n, { confirm: true });
  }

  async retryPin(): Promise<boolean> {
    return false;
  }

  /** `auto`, `personal` or `TYPE=ID`; anything else is bad input. */
  private orgFlag(): string {
    const org = this.flags.org;
    if (org === undefined) {
      throw inChosenLanguage(new EhealthCertError('INVALID_INPUT', this.i18n.t((m) => m.errors.noTty, { what: 'organisation', how: this.i18n.t((m) => m.errors.answerHow, { flag: '--org' }) }), {
        flag: '--org',
      }));
    }
    if (org === 'auto' || org === 'personal' || /^[A-Za-z0-9_-]+=.+$/.test(org)) return org;
    throw inChosenLanguage(new EhealthCertError('INVALID_INPUT', this.i18n.t((m) => m.errors.orgFlag, { value: org }), { flag: '--org', value: org }));
  }
}

/** Runs core's check of a flag's value; its INVALID_INPUT also names the flag (`details.flag`, and the message in English). */
function byFlag(flag: string, check: () => unknown): void {
  try {
    check();
  } catch (error) {
    if (!EhealthCertError.is(error, 'INVALID_INPUT')) throw error;
    throw new EhealthCertError('INVALID_INPUT', `${flag}: ${error.message}`, { ...error.details, flag }, { cause: error });
  }
}
