import {
  checkKeystorePassword,
  EhealthCertError,
  parseIdentifier,
  validateApplicationId,
  validateFreeText,
  MAX_ORGANISATION_NAME,
  validateContactData,
  checkContactField,
  type ContactDataInput,
  type ManageableOrganisation,
  type OrganisationChoice,
  type OrganisationType,
} from '@ehealth-cert/core';
import { localized } from '../i18n/localized.js';
import { identifierInWords } from '../i18n/identifierInWords.js';
import type { Translator } from '../i18n/Translator.js';
import { errorDetail } from '../exit-codes/describeError.js';
import type { StepLog } from '../progress/StepLog.js';
import type { Prompter } from '../terminal/Prompter.js';
import type { OrganisationMode, PasswordContext, RequestAnswers, Whose } from './RequestAnswers.js';
import type { RequestFlags } from './FlagAnswers.js';
import { inChosenLanguage } from '../exit-codes/inChosenLanguage.js';
import { baseServiceList, baseServiceName } from '../i18n/baseServiceNames.js';
import type { QuestionFlow } from './QuestionFlow.js';
import { baseServicesFlag } from './baseServicesFlag.js';

/** An error message for a prompt's `validate` (the rule broken, in the person's language), or true. */
function check(i18n: Translator, validate: () => unknown): true | string {
  try {
    validate();
    return true;
  } catch (error) {
    if (EhealthCertError.is(error)) return errorDetail(error, i18n);
    throw error;
  }
}

/**
 * Step 8M's official name, checked as it is typed with core's rule for every free text sent to
 * eHealth (issue 13: length, no control or bidi character): true, or why, in the person's language.
 */
export function organisationNameProblem(value: string, i18n: Translator): true | string {
  return value.trim() ? check(i18n, () => validateFreeText(value, 'officialName', MAX_ORGANISATION_NAME)) : i18n.m.wizard.orgName;
}

/**
 * The wizard: manual steps 2-11 as screens an operator of the old ETEE requestor recognises
 * (same step numbers, same button words), with answers given as flags taken without asking.
 * Every question goes through the QuestionFlow, so that "< Previous question" (or `<` typed)
 * goes back one question; retrying the card or the PIN are not questions one goes back to.
 */
export class WizardAnswers implements RequestAnswers {
  constructor(
    private readonly prompter: Prompter,
    private readonly i18n: Translator,
    private readonly steps: StepLog,
    private readonly flags: RequestFlags,
    private readonly environment: string,
    private readonly flow: QuestionFlow,
  ) {}

  private get how() {
    return { what: 'answer', how: '--yes' };
  }

  async start(): Promise<'request' | 'complete'> {
    const { m } = this.i18n;
    this.steps.show('2');
    this.prompter.say(m.flow.backHint);
    await this.flow.select(m.wizard.welcome.replace('{env}', this.environment), [{ name: m.wizard.next, value: 'next' }], this.how);
    this.steps.show('3');
    const choice = await this.flow.select(
      m.wizard.whatToDo,
      [
        { name: m.wizard.newCertificate, value: 'request' as const },
        { name: m.wizard.completeRequest, value: 'complete' as const },
      ],
      this.how,
    );
    if (choice === 'complete') return 'complete';
    // Manual step 4, "Conditions générales. Cliquez sur « Suivant »": the terms in full (a page
    // at a time on a short terminal), then an explicit yes, which is the manual's "Suivant".
    this.steps.show('4');
    await this.prompter.sayPaged([...m.wizard.terms, ...m.flow.termsMore].map((line) => `  ${line}`));
    if (this.flags.acceptTerms !== true) {
      const accepted = await this.flow.select(
        m.wizard.acceptTerms,
        [
          { name: m.flow.termsAccept, value: true },
          { name: m.flow.termsRefuse, value: false },
        ],
        this.how,
        false,
      );
      if (!accepted) throw inChosenLanguage(new EhealthCertError('TERMS_NOT_ACCEPTED', m.wizard.cancelled));
    }
    this.steps.show('5');
    await this.flow.select(m.wizard.nationality, [{ name: m.wizard.belgian, value: 'be' }], this.how);
    return 'request';
  }

  async retryCard(): Promise<boolean> {
    await this.prompter.input(this.i18n.m.wizard.insertCard, this.how, { default: '' });
    return true;
  }

  async whose(): Promise<Whose> {
    if (this.flags.org === 'personal') return 'personal';
    this.steps.show('6');
    return this.flow.select(
      this.i18n.m.wizard.forWhom,
      [
        { name: this.i18n.m.wizard.myOrganisation, value: 'organisation' as const },
        { name: this.i18n.m.wizard.personal, value: 'personal' as const },
      ],
      this.how,
    );
  }

  needsOrganisationList(): boolean {
    return this.flags.org === undefined || this.flags.org === 'auto';
  }

  async mode(organisations: readonly ManageableOrganisation[]): Promise<OrganisationMode> {
    const { m } = this.i18n;
    if (this.flags.org === 'auto') return 'automatic';
    if (this.flags.org !== undefined) return 'manual';
    if (organisations.length === 0) {
      this.prompter.say(m.wizard.noOrganisations);
      return 'manual';
    }
    return this.flow.select(
      m.wizard.modeQuestion,
      [
        { name: m.wizard.modeAutomatic, value: 'automatic' as const },
        { name: m.wizard.modeManual, value: 'manual' as const },
      ],
      this.how,
    );
  }

  async pickOrganisation(organisations: readonly ManageableOrganisation[]): Promise<ManageableOrganisation> {
    this.steps.show('8A');
    const index = this.flags.orgIndex !== undefined ? Number(this.flags.orgIndex) - 1 : undefined;
    const chosen =
      index !== undefined && organisations[index] !== undefined
        ? organisations[index]
        : await this.flow.select(
            this.i18n.m.wizard.selectOrganisation,
            organisations.map((o) => ({ name: `${localized(o.name, this.i18n.language)} (${identifierInWords(o.identifier, this.i18n)})`, value: o })),
            this.how,
          );
    this.steps.show('9A');
    return chosen;
  }

  async manualOrganisation(types: readonly OrganisationType[]): Promise<Extract<OrganisationChoice, { kind: 'manual' }>> {
    const { m } = this.i18n;
    this.steps.show('8M');
    this.steps.show('9M');
    this.prompter.say(m.wizard.orgNote);
    const preset = this.flags.org?.includes('=') ? this.flags.org : undefined;
    const identifierType =
      preset?.slice(0, preset.indexOf('=')) ??
      (await this.flow.select(
        m.wizard.orgType,
        types.map((t) => ({ name: `${localized(t.name, this.i18n.language)} (${t.identifierType})`, value: t.identifierType })),
        this.how,
      ));
    const officialName =
      this.flags.orgName ??
      (await this.flow.input(m.wizard.orgName, this.how, {
        validate: (v) => organisationNameProblem(v, this.i18n),
      }));
    const identifierValue =
      preset?.slice(preset.indexOf('=') + 1) ??
      (await this.flow.input(this.i18n.t((x) => x.wizard.orgId, { type: identifierType }), this.how, {
        validate: (v) => check(this.i18n, () => parseIdentifier(identifierType, v, 'organisation')),
      }));
    return { kind: 'manual', identifierType, identifierValue, officialName };
  }

  async applicationId(): Promise<string | undefined> {
    if (this.flags.appId !== undefined) return this.flags.appId;
    const value = await this.flow.input(this.i18n.m.wizard.appId, this.how, {
      default: '',
      validate: (v) => (v.trim() === '' ? true : check(this.i18n, () => validateApplicationId(v))),
    });
    return value.trim() === '' ? undefined : value;
  }

  async contactData(previous: ContactDataInput = {}): Promise<ContactDataInput> {
    const { m } = this.i18n;
    this.steps.show('10');
    this.prompter.say(m.wizard.emailNote);
    const f = this.flags;
    // Each field is checked as it is typed (on Enter) and only a wrong one is asked again, with
    // the reason under it; a field given by a valid flag is not asked (manual step 10).
    const given: { -readonly [K in keyof ContactDataInput]: string | undefined } = {};
    const ask = async (field: keyof ContactDataInput, flag: string | undefined, message: string, fallback: string | undefined): Promise<string> => {
      const validate = (v: string) => check(this.i18n, () => checkContactField(field, v, given));
      if (flag !== undefined && validate(flag) === true) return flag;
      return this.flow.input(message, this.how, { default: flag ?? fallback ?? '', validate });
    };
    given.emailPrivate = await ask('emailPrivate', f.emailPrivate, m.wizard.emailPrivate, previous.emailPrivate);
    given.emailGeneral = await ask('emailGeneral', f.emailGeneral, m.wizard.emailGeneral, previous.emailGeneral);
    given.phonePrivate = await ask('phonePrivate', f.phonePrivate, m.wizard.phonePrivate, previous.phonePrivate);
    given.phoneGeneral = (await ask('phoneGeneral', f.phoneGeneral, m.wizard.phoneGeneral, previous.phoneGeneral)) || undefined;
    const input: ContactDataInput = { ...given };
    validateContactData(input); // every field passed its own check; this keeps the rules in one place
    return input;
  }

  /**
   * The base services, explained where they are asked (the manual never asks them): by default
   * those eHealth provides for the organisation's type (`available`, from GetGenericOrganizationTypes),
   * so that Enter gives the right answer. None available (a personal certificate, eHealth's types
   * unknown): nothing is asked and core decides (DOMAIN.md 2.3).
   */
  async baseServices(available: readonly string[]): Promise<string[] | undefined> {
    const given = baseServicesFlag(this.flags.baseService);
    if (given !== undefined) return given;
    if (available.length === 0) return undefined;
    const { m } = this.i18n;
    this.prompter.say('', m.flow.baseServicesTitle, ...m.flow.baseServicesExplain.map((line) => `  ${this.i18n.t(() => line, { services: baseServiceList(this.i18n, available) })}`));
    const choice = await this.flow.select(
      m.flow.baseServicesQuestion,
      [
        { name: m.flow.baseServicesKeep, value: 'keep' as const },
        { name: m.flow.baseServicesChoose, value: 'choose' as const },
        { name: m.flow.baseServicesNone, value: 'none' as const },
      ],
      this.how,
    );
    if (choice === 'keep') return [...available];
    if (choice === 'none') return [];
    return this.flow.checkbox(m.flow.baseServicesPick, available.map((s) => ({ name: baseServiceName(this.i18n, s), value: s, checked: true })), this.how);
  }

  async password(context: PasswordContext): Promise<string> {
    const { m } = this.i18n;
    this.steps.show('11');
    const fallback = { what: m.wizard.password, how: m.errors.passwordHow };
    for (;;) {
      const first = await this.flow.password(m.wizard.password, fallback, (v) => check(this.i18n, () => checkKeystorePassword(v, context)));
      const second = await this.flow.password(m.wizard.passwordAgain, fallback);
      if (first === second) return first;
      this.prompter.say(m.wizard.passwordMismatch);
    }
  }

  async retryPin(): Promise<boolean> {
    return this.prompter.confirm(this.i18n.m.wizard.pinRetry, this.how, true);
  }
}

