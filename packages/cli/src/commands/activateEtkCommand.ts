import { EXIT } from '../exit-codes/exitCodeFor.js';
import { readKeystorePassword } from '../person/readKeystorePassword.js';
import { chooseKeystore } from '../runtime/chooseKeystore.js';
import type { CommandContext, CommandResult } from '../runtime/CommandContext.js';
import { openUseCases } from '../runtime/openUseCases.js';
/** `ehealth-cert activate-etk`: ActivateETK with the keystore's new eHealth key (DOMAIN.md 2.5). */
export async function run(ctx: CommandContext, _args: readonly string[], options: Record<string, unknown>): Promise<CommandResult> {
  const opened = await openUseCases(ctx);
  try {
    const keystorePath = await chooseKeystore(ctx, opened, options['keystore'] as string | undefined);
    const password = await readKeystorePassword({ passwordFile: options['passwordFile'] as string | undefined, env: ctx.io.env, cwd: ctx.io.cwd }, ctx.prompter, ctx.i18n);
    const activated = await opened.useCases.activateEtk.execute({ keystorePath, password });
    ctx.say(ctx.i18n.m.activate.done);
    return { exitCode: EXIT.done, json: { ok: true, status: activated.status, dn: activated.dn, keystorePath } };
  } finally {
    await opened.close();
  }
}
