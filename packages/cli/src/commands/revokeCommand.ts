import { EhealthCertError, type RevocationReason } from '@ehealth-cert/core';
import { EXIT } from '../exit-codes/exitCodeFor.js';
import { readKeystorePassword } from '../person/readKeystorePassword.js';
import { chooseKeystore } from '../runtime/chooseKeystore.js';
import type { CommandContext, CommandResult } from '../runtime/CommandContext.js';
import { openUseCases } from '../runtime/openUseCases.js';

const REASONS: readonly RevocationReason[] = ['keyCompromise', 'affiliationChanged', 'superseded', 'cessationOfOperation'];

/**
 * `ehealth-cert revoke --reason R [--reference REF | --keystore FILE]`: GenerateRevocationContract,
 * the person's approval (or --accept-terms), Revoke signed with the eID (DOMAIN.md 2.3).
 */
export async function run(ctx: CommandContext, _args: readonly string[], options: Record<string, unknown>): Promise<CommandResult> {
  const reason = options['reason'] as string;
  if (!REASONS.includes(reason as RevocationReason)) {
    throw new EhealthCertError('INVALID_INPUT', `--reason "${reason}" is not one of ${REASONS.join(', ')}`, { flag: '--reason', value: reason });
  }
  const opened = await openUseCases(ctx, { acceptTerms: options['acceptTerms'] === true });
  try {
    let reference = options['reference'] as string | undefined;
    if (reference === undefined) {
      const keystorePath = await chooseKeystore(ctx, opened, options['keystore'] as string | undefined);
      const password = await readKeystorePassword({ passwordFile: options['passwordFile'] as string | undefined, env: ctx.io.env, cwd: ctx.io.cwd }, ctx.prompter, ctx.i18n);
      reference = (await opened.useCases.inspectKeystore.execute({ keystorePath, password })).authentication.reference;
    }
    const revoked = await opened.useCases.revokeCertificate.execute({
      publicKeyIdentifier: reference,
      reason: reason as RevocationReason,
      pinEntry: opened.pinEntry,
      review: opened.review,
    });
    ctx.say(ctx.i18n.t((m) => m.revoke.done, { reference: revoked.publicKeyIdentifier }));
    return { exitCode: EXIT.done, json: { ok: true, status: revoked.status, reference: revoked.publicKeyIdentifier, dn: revoked.dn } };
  } finally {
    await opened.close();
  }
}
