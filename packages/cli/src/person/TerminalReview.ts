import { EhealthCertError, inLanguage, type Contract, type LocalizedText, type RequestOverview, type RequestReview, type RevocationContract } from '@ehealth-cert/core';
import { htmlToText } from '../contract-text/htmlToText.js';
import { formatTable } from '../tables/formatTable.js';
import type { Language, Translator } from '../i18n/Translator.js';
import { certificateNameInWords, dnInWords } from '../i18n/identifierInWords.js';
import type { StepLog } from '../progress/StepLog.js';
import type { Prompter } from '../terminal/Prompter.js';
import { inChosenLanguage } from '../exit-codes/inChosenLanguage.js';
import { baseServiceList } from '../i18n/baseServiceNames.js';
import { environmentName } from '../i18n/environmentName.js';

/** The contract text in the person's language, else French, else Dutch (eHealth writes FR and NL). */
export function contractTextFor(text: LocalizedText, language: Language): string {
  const html = inLanguage(text, language);
  return htmlToText(html);
}

/**
 * Manual steps 12-13 at the terminal: the overview, the contract text from eHealth rendered as
 * text, and the person's "yes" (or `--accept-terms` in scripted runs). Nothing is sent without it.
 */
export class TerminalReview implements RequestReview {
  /** The last contract shown, as text (for --json output). */
  contractText?: string;

  constructor(
    private readonly prompter: Prompter,
    private readonly i18n: Translator,
    private readonly steps: StepLog,
    private readonly acceptTerms: boolean,
    private readonly verbose = false,
  ) {}

  async approveRequest(contract: Contract, overview: RequestOverview): Promise<boolean> {
    const { m } = this.i18n;
    this.steps.show('12');
    const c = overview.contactData;
    this.prompter.say(
      m.wizard.overviewTitle,
      ...formatTable([
        [m.labels.holder, `${overview.holderName} (${m.labels.ssin} ${overview.ssin})`],
        [m.labels.certificate, certificateNameInWords(overview.certificateName, this.i18n)],
        [m.labels.organisation, overview.organisationName],
        [m.labels.applicationId, overview.applicationId],
        // The DN is eHealth's technical spelling of the line above: only with --verbose.
        [m.labels.dn, this.verbose ? contract.dn : undefined],
        [m.labels.emailPrivate, c.emailPrivate],
        [m.labels.emailGeneral, c.emailGeneral],
        [m.labels.phonePrivate, c.phonePrivate],
        [m.labels.phoneGeneral, c.phoneGeneral],
        [m.labels.baseServices, baseServiceList(this.i18n, overview.baseServiceUsages)],
        [m.labels.environment, environmentName(overview.environment, this.i18n)],
        [m.labels.renewal, overview.renewal ? m.labels.yes : undefined],
      ]),
    );
    // Issue 15: the wizard's way back ends here; say so before the first question of step 12.
    if (!this.acceptTerms && this.prompter.interactive) this.prompter.say('', m.flow.noReturn);
    await this.showContract(contract);
    if (!(await this.agree(m.wizard.acceptContract))) return false;
    this.steps.show('13');
    return this.acceptTerms || this.prompter.interactive ? this.agree(m.wizard.send, true) : false;
  }

  async approveRevocation(contract: RevocationContract): Promise<boolean> {
    await this.showContract(contract);
    return this.agree(this.i18n.t((m) => m.revoke.confirm, { name: this.verbose ? contract.dn : dnInWords(contract.dn, this.i18n) }));
  }

  /** eHealth's contract in full, a page at a time on a terminal shorter than it (as step 4's terms). */
  private async showContract(contract: Contract): Promise<void> {
    this.contractText = contractTextFor(contract.text, this.i18n.language);
    const title = this.i18n.m.wizard.contractTitle;
    await this.prompter.sayPaged(['', title, '-'.repeat(title.length), ...this.contractText.split('\n'), '']);
  }

  private async agree(question: string, defaultValue = false): Promise<boolean> {
    if (this.acceptTerms) return true;
    if (!this.prompter.interactive) {
      throw inChosenLanguage(new EhealthCertError('TERMS_NOT_ACCEPTED', this.i18n.t((m) => m.errors.noTty, { what: question, how: this.i18n.m.errors.termsHow }), {
        flag: '--accept-terms',
      }));
    }
    return this.prompter.confirm(question, { what: question, how: this.i18n.m.errors.termsHow, code: 'TERMS_NOT_ACCEPTED' }, defaultValue);
  }
}
