import { EXIT } from '../exit-codes/exitCodeFor.js';
import { readKeystorePassword } from '../person/readKeystorePassword.js';
import { chooseKeystore } from '../runtime/chooseKeystore.js';
import { keystoreFormatChoice } from '../runtime/keystoreFormatChoice.js';
import type { CommandContext, CommandResult } from '../runtime/CommandContext.js';
import { openUseCases } from '../runtime/openUseCases.js';
/**
 * `ehealth-cert passwd [FILE]`: a new keystore file under a new password; the old one moves to
 * `superseded/` (kept, never deleted) and its new path is said and given in JSON.
 * Current password: --password-file / EHEALTH_CERT_KEYSTORE_PASSWORD / prompt; new one:
 * --new-password-file / EHEALTH_CERT_NEW_KEYSTORE_PASSWORD / prompt twice.
 */
export async function run(ctx: CommandContext, args: readonly string[], options: Record<string, unknown>): Promise<CommandResult> {
  const keystoreFormat = keystoreFormatChoice(options, ctx.io.env);
  const opened = await openUseCases(ctx);
  try {
    const keystorePath = await chooseKeystore(ctx, opened, args[0] ?? (options['keystore'] as string | undefined));
    const { m } = ctx.i18n;
    const oldPassword = await readKeystorePassword(
      { passwordFile: options['passwordFile'] as string | undefined, env: ctx.io.env, cwd: ctx.io.cwd },
      ctx.prompter,
      ctx.i18n,
      { message: m.passwd.oldPassword },
    );
    const newPassword = await readKeystorePassword(
      { passwordFile: options['newPasswordFile'] as string | undefined, env: ctx.io.env, cwd: ctx.io.cwd },
      ctx.prompter,
      ctx.i18n,
      { message: m.passwd.newPassword, confirmMessage: m.passwd.newPasswordAgain, confirm: true, variable: 'EHEALTH_CERT_NEW_KEYSTORE_PASSWORD' },
    );
    const changed = await opened.useCases.changeKeystorePassword.execute({ keystorePath, oldPassword, newPassword, ...keystoreFormat });
    ctx.say(ctx.i18n.t((x) => x.passwd.done, { path: changed.keystorePath }), ctx.i18n.t((x) => x.passwd.previous, { path: changed.previousKeystorePath }));
    return { exitCode: EXIT.done, json: { ok: true, keystorePath: changed.keystorePath, previousKeystorePath: changed.previousKeystorePath } };
  } finally {
    await opened.close();
  }
}
