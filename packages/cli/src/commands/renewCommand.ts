import { EXIT } from '../exit-codes/exitCodeFor.js';
import { readKeystorePassword } from '../person/readKeystorePassword.js';
import { FlagAnswers, type RequestFlags } from '../wizard/FlagAnswers.js';
import { WizardAnswers } from '../wizard/WizardAnswers.js';
import { QuestionFlow } from '../wizard/QuestionFlow.js';
import { baseServicesFlag } from '../wizard/baseServicesFlag.js';
import { chooseKeystore } from '../runtime/chooseKeystore.js';
import { keystoreFormatChoice } from '../runtime/keystoreFormatChoice.js';
import type { CommandContext, CommandResult } from '../runtime/CommandContext.js';
import { openUseCases } from '../runtime/openUseCases.js';
import { writeSecretKeyFile } from '@ehealth-cert/composition';
import { environmentName } from '../i18n/environmentName.js';
/**
 * `ehealth-cert renew`: the request flow for the DN of an existing keystore, inside its last three
 * months (DOMAIN.md 4.3); the new keystore uses the same password. Complete it with `complete`.
 */
export async function run(ctx: CommandContext, _args: readonly string[], options: Record<string, unknown>): Promise<CommandResult> {
  const flags = options as RequestFlags & { yes?: boolean; keystore?: string };
  const keystoreFormat = keystoreFormatChoice(options, ctx.io.env);
  const scripted = flags.yes === true || !ctx.prompter.interactive;
  const flow = new QuestionFlow(ctx.prompter, ctx.i18n);
  const answers = scripted
    ? new FlagAnswers(flags, ctx.i18n, ctx.prompter, ctx.io)
    : new WizardAnswers(ctx.prompter, ctx.i18n, ctx.steps, flags, environmentName(ctx.settings.env, ctx.i18n), flow);
  const opened = await openUseCases(ctx, { acceptTerms: flags.acceptTerms === true });
  try {
    const keystorePath = await chooseKeystore(ctx, opened, flags.keystore);
    const password = await readKeystorePassword({ passwordFile: flags.passwordFile, env: ctx.io.env, cwd: ctx.io.cwd }, ctx.prompter, ctx.i18n);
    // The renewal window first (DOMAIN.md 4.3): outside it, say when it opens before asking the
    // contact data, the terms or the PIN. Only the keystore password comes before: it decrypts
    // the certificate whose expiry decides (DOMAIN.md 3).
    await opened.useCases.renewCertificate.checkWindow({ keystorePath, password });
    const contactData = await flow.run(() => answers.contactData());
    const renewal = await opened.useCases.renewCertificate.execute({
      keystorePath,
      password,
      contactData,
      // Without --base-service: those eHealth provides for the certificate's organisation type (core).
      ...(baseServicesFlag(flags.baseService) !== undefined ? { baseServiceUsages: baseServicesFlag(flags.baseService) } : {}),
      environment: ctx.settings.env,
      pinEntry: opened.pinEntry,
      review: opened.review,
      ...keystoreFormat,
    });
    // Step 15 on disk (as before, the renewal keeps the FR/EN secret-key file only).
    const secretKeyFile = await writeSecretKeyFile(renewal.receipt);
    ctx.say(
      ctx.i18n.t((m) => m.wizard.secretKey, { reference: renewal.reference }),
      ctx.i18n.t((m) => m.wizard.keystoreWritten, { path: renewal.keystorePath }),
      ctx.i18n.t((m) => m.renew.done, { reference: renewal.reference, env: ctx.settings.env, keystore: renewal.keystorePath }),
    );
    return {
      exitCode: EXIT.done,
      json: {
        ok: true,
        status: renewal.status,
        reference: renewal.reference,
        keystorePath: renewal.keystorePath,
        secretKeyFile,
        dn: renewal.dn,
        renews: { dn: renewal.renews.dn, notAfter: renewal.renews.notAfter.toISOString() },
        automaticallyValidated: renewal.automaticallyValidated,
      },
    };
  } finally {
    await opened.close();
  }
}
