import {
  defaultBaseServices,
  EhealthCertError,
  formatIdentifier,
  inLanguage,
  personName,
  type CardHolder,
  type ContactDataInput,
  type ManageableOrganisations,
  type OrganisationChoice,
  type OrganisationType,
  type SubmittedCertificateRequest,
} from '@ehealth-cert/core';
import { describeError } from '../exit-codes/describeError.js';
import { keystoreFormatChoice } from '../runtime/keystoreFormatChoice.js';
import { EXIT } from '../exit-codes/exitCodeFor.js';
import { FlagAnswers, type RequestFlags } from '../wizard/FlagAnswers.js';
import type { RequestAnswers } from '../wizard/RequestAnswers.js';
import { WizardAnswers } from '../wizard/WizardAnswers.js';
import type { CommandContext, CommandResult } from '../runtime/CommandContext.js';
import { openUseCases, type OpenedUseCases } from '../runtime/openUseCases.js';
import { writeReceiptFiles } from '../receipt/writeReceiptFiles.js';
import { QuestionFlow } from '../wizard/QuestionFlow.js';
import { environmentName } from '../i18n/environmentName.js';

/**
 * A step that needs the PIN: a wrong PIN ends it (the adapter never retries); at the terminal the
 * person may choose to type it again, which starts the step anew.
 */
async function withPinRetry<T>(ctx: CommandContext, answers: RequestAnswers, work: () => Promise<T>): Promise<T> {
  for (;;) {
    try {
      return await work();
    } catch (error) {
      if (!EhealthCertError.is(error, 'PIN_INCORRECT')) throw error;
      ctx.prompter.say(describeError(error, ctx.i18n).line);
      if (!(await answers.retryPin())) throw error;
    }
  }
}

/**
 * What the wizard does between its questions, done once per run: going back to a question
 * replays the answers before it (QuestionFlow) and finds these here, so that it never reads the
 * card, asks the PIN or asks eHealth again.
 */
interface DoneOnce {
  opened?: OpenedUseCases;
  holder?: CardHolder;
  listed?: ManageableOrganisations;
  types?: readonly OrganisationType[];
}

async function readHolder(opened: OpenedUseCases, answers: RequestAnswers): Promise<CardHolder> {
  for (;;) {
    try {
      return await opened.useCases.readCardHolder.execute();
    } catch (error) {
      if (!EhealthCertError.is(error, 'CARD_ABSENT') || !(await answers.retryCard())) throw error;
    }
  }
}

/** Steps 6-9 (A or M): whose certificate, and which organisation. */
async function chooseOrganisation(ctx: CommandContext, opened: OpenedUseCases, answers: RequestAnswers, once: DoneOnce): Promise<OrganisationChoice> {
  if ((await answers.whose()) === 'personal') return { kind: 'personal' };
  if (answers.needsOrganisationList()) {
    once.listed ??= await withPinRetry(ctx, answers, () => {
      ctx.steps.show('6');
      ctx.steps.show('7');
      return opened.useCases.listManageableOrganisations.execute({ pinEntry: opened.pinEntry });
    });
  }
  const organisations = once.listed?.organisations ?? [];
  if ((await answers.mode(organisations)) === 'automatic') {
    ctx.steps.show('8A');
    const organisation = await answers.pickOrganisation(organisations);
    ctx.steps.show('9A');
    return { kind: 'listed', organisation };
  }
  once.types ??= (await opened.useCases.listOrganisationTypes.execute()).types;
  ctx.steps.show('8M');
  ctx.steps.show('9M');
  return answers.manualOrganisation(once.types);
}

/**
 * What eHealth provides to the chosen organisation's type (the base services' default). A listed
 * organisation's type is asked of eHealth only when the question is asked (unsigned, no PIN).
 */
async function availableBaseServices(opened: OpenedUseCases, choice: OrganisationChoice, flags: RequestFlags, once: DoneOnce): Promise<readonly string[]> {
  if (choice.kind === 'personal') return [];
  const identifierType = choice.kind === 'manual' ? choice.identifierType : choice.organisation.identifier.type;
  if (flags.baseService === undefined) once.types ??= (await opened.useCases.listOrganisationTypes.execute({ step: '10' })).types;
  return defaultBaseServices(once.types ?? [], identifierType);
}

function identifierOf(choice: OrganisationChoice, holder: CardHolder): { id: string; type?: string; name?: string } {
  switch (choice.kind) {
    case 'listed':
      return { id: choice.organisation.identifier.value, type: choice.organisation.identifier.type, name: inLanguage(choice.organisation.name) };
    case 'manual':
      return { id: choice.identifierValue, type: choice.identifierType, name: choice.officialName };
    case 'personal':
      return { id: holder.ssin };
  }
}

/** Step 15 on the screen: the secret key, where it is written, what to do next. */
function showSecretKey(ctx: CommandContext, submitted: SubmittedCertificateRequest, secretKeyFile: string): void {
  const { m } = ctx.i18n;
  ctx.steps.show('15');
  ctx.say(
    ctx.bold(ctx.i18n.t((x) => x.wizard.secretKey, { reference: submitted.reference })),
    ctx.i18n.t((x) => x.wizard.secretKeyKeep, { file: secretKeyFile }),
    ctx.i18n.t((x) => x.wizard.keystoreWritten, { path: submitted.keystorePath }),
    '',
    m.wizard.requested,
    ...(submitted.confirmedByStatusCheck === true ? [m.wizard.confirmedByStatusCheck] : []),
    // Issue 13: the printed next step carries the environment of the request (never prd by default).
    ctx.i18n.t((x) => (submitted.automaticallyValidated ? x.wizard.waitAutomatic : x.wizard.waitManual), { env: submitted.environment, keystore: submitted.keystorePath }),
  );
}

/**
 * `ehealth-cert request`: manual steps 2-15. At a terminal without --yes, the wizard asks each
 * step; otherwise every answer comes from the flags and a missing one fails naming its flag.
 */
export async function run(ctx: CommandContext, _args: readonly string[], options: Record<string, unknown>): Promise<CommandResult> {
  const flags = options as RequestFlags & { yes?: boolean; newKey?: boolean };
  // Checked first: a wrong value is bad input before any question, card or key.
  const keystoreFormat = keystoreFormatChoice(options, ctx.io.env);
  const scripted = flags.yes === true || !ctx.prompter.interactive;
  const flow = new QuestionFlow(ctx.prompter, ctx.i18n);
  const answers: RequestAnswers = scripted
    ? new FlagAnswers(flags, ctx.i18n, ctx.prompter, ctx.io)
    : new WizardAnswers(ctx.prompter, ctx.i18n, ctx.steps, flags, environmentName(ctx.settings.env, ctx.i18n), flow);

  ctx.steps.show('1');
  const once: DoneOnce = {};
  try {
    // Steps 2-11: the questions, with a way back to the previous one (QuestionFlow); the card,
    // the PIN of step 7 and eHealth's answers are asked once (DoneOnce).
    const answered = await flow.run(async (): Promise<Answered | 'complete'> => {
      if ((await answers.start()) === 'complete') return 'complete';
      for (const step of ['2', '3', '4'] as const) ctx.steps.show(step);
      const opened = (once.opened ??= await openUseCases(ctx, { acceptTerms: flags.acceptTerms === true }));
      ctx.steps.show('5');
      if (once.holder === undefined) {
        once.holder = await readHolder(opened, answers);
        ctx.prompter.say(ctx.i18n.t((m) => m.wizard.holder, { name: personName(once.holder), ssin: once.holder.ssin }));
      }
      const holder = once.holder;
      const choice = await chooseOrganisation(ctx, opened, answers, once);
      const applicationId = choice.kind === 'personal' ? undefined : await answers.applicationId();
      const contactData = await answers.contactData();
      // Scripted runs ask eHealth nothing here: without --base-service, core applies the same default.
      const baseServiceUsages = await answers.baseServices(scripted ? [] : await availableBaseServices(opened, choice, flags, once));
      const owner = identifierOf(choice, holder);
      ctx.steps.show('10');
      ctx.steps.show('11');
      const password = await answers.password({
        identifiers: [holder.ssin, owner.id],
        names: [holder.givenNames, holder.surname, ...(owner.name ? [owner.name] : [])],
      });
      return { opened, holder, choice, owner, applicationId, contactData, baseServiceUsages, password };
    });
    if (answered === 'complete') {
      await once.opened?.close();
      once.opened = undefined;
      const complete = await import('./completeCommand.js');
      return await complete.run(ctx, [], options);
    }
    const { opened, holder, choice, owner, applicationId, contactData, baseServiceUsages, password } = answered;

    // Steps 12-15: past this point there is no going back (the request is prepared, signed, sent).
    const submitted = await withPinRetry(ctx, answers, () =>
      opened.useCases.requestCertificate.execute({
        organisation: choice,
        ...(applicationId !== undefined ? { applicationId } : {}),
        contactData,
        password,
        ...(baseServiceUsages !== undefined ? { baseServiceUsages } : {}),
        environment: ctx.settings.env,
        pinEntry: opened.pinEntry,
        review: opened.review,
        ...(flags.newKey === true ? { newKey: true } : {}),
        ...keystoreFormat,
      }),
    );
    const { secretKeyFile, instructionsFile } = await writeReceiptFiles(ctx.i18n, submitted.receipt);
    showSecretKey(ctx, submitted, secretKeyFile);
    return {
      exitCode: EXIT.done,
      json: {
        ok: true,
        status: submitted.status,
        reference: submitted.reference,
        automaticallyValidated: submitted.automaticallyValidated,
        keystorePath: submitted.keystorePath,
        secretKeyFile,
        instructionsFile,
        dn: submitted.dn,
        certificateName: submitted.certificateName,
        environment: submitted.environment,
        ...(submitted.confirmedByStatusCheck === true ? { confirmedByStatusCheck: true } : {}),
        nextStep: `ehealth-cert complete --env ${submitted.environment} --keystore "${submitted.keystorePath}"`,
        organisation: choice.kind === 'personal' ? { kind: 'personal', identifier: `SSIN=${holder.ssin}` } : { kind: choice.kind, identifier: owner.type ? formatIdentifier({ type: owner.type, value: owner.id }) : undefined, name: owner.name },
        baseServiceUsages: submitted.baseServiceUsages,
        contractText: opened.review.contractText,
        steps: ctx.steps.steps,
      },
    };
  } finally {
    await once.opened?.close();
  }
}

/** The answers of steps 2-11, and what the wizard did between them. */
interface Answered {
  readonly opened: OpenedUseCases;
  readonly holder: CardHolder;
  readonly choice: OrganisationChoice;
  readonly owner: { id: string; type?: string; name?: string };
  readonly applicationId: string | undefined;
  readonly contactData: ContactDataInput;
  readonly baseServiceUsages: string[] | undefined;
  readonly password: string;
}
