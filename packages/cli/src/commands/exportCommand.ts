import { EXIT } from '../exit-codes/exitCodeFor.js';
import { readKeystorePassword } from '../person/readKeystorePassword.js';
import { chooseKeystore } from '../runtime/chooseKeystore.js';
import type { CommandContext, CommandResult } from '../runtime/CommandContext.js';
import { openUseCases } from '../runtime/openUseCases.js';

/**
 * `ehealth-cert export [--keystore FILE] [--p12]`: the certificate and its chain as PEM beside the
 * keystore and, with --p12, the key and certificate as a separate .p12 under its own password (never
 * from argv: --export-password-file, EHEALTH_CERT_EXPORT_PASSWORD, or a masked prompt asked twice).
 */
export async function run(ctx: CommandContext, _args: readonly string[], options: Record<string, unknown>): Promise<CommandResult> {
  const opened = await openUseCases(ctx);
  try {
    const keystorePath = await chooseKeystore(ctx, opened, options['keystore'] as string | undefined);
    const sources = { env: ctx.io.env, cwd: ctx.io.cwd };
    const password = await readKeystorePassword({ ...sources, passwordFile: options['passwordFile'] as string | undefined }, ctx.prompter, ctx.i18n);
    const exportPassword =
      options['p12'] === true || options['exportPasswordFile'] !== undefined
        ? await readKeystorePassword({ ...sources, passwordFile: options['exportPasswordFile'] as string | undefined }, ctx.prompter, ctx.i18n, {
            message: ctx.i18n.m.export.password,
            confirm: true,
            variable: 'EHEALTH_CERT_EXPORT_PASSWORD',
          })
        : undefined;
    const exported = await opened.useCases.exportCertificate.execute({ keystorePath, password, ...(exportPassword === undefined ? {} : { exportPassword }) });
    ctx.say(
      ctx.i18n.t((m) => m.export.pem, { path: exported.pemFile }),
      ...(exported.p12File === undefined ? [] : [ctx.i18n.t((m) => m.export.p12, { path: exported.p12File })]),
    );
    return {
      exitCode: EXIT.done,
      json: {
        ok: true,
        keystorePath,
        pemFile: exported.pemFile,
        ...(exported.p12File === undefined ? {} : { p12File: exported.p12File }),
        dn: exported.dn,
        notAfter: exported.notAfter.toISOString(),
        chainLength: exported.chainLength,
      },
    };
  } finally {
    await opened.close();
  }
}
