import { EhealthCertError } from '@ehealth-cert/core';
import type { CommandContext } from './CommandContext.js';
import type { OpenedUseCases } from './openUseCases.js';
import { inChosenLanguage } from '../exit-codes/inChosenLanguage.js';

/** `--keystore FILE`, else the newest keystore of this environment in the keystore folder. */
export async function chooseKeystore(ctx: CommandContext, opened: OpenedUseCases, given: string | undefined): Promise<string> {
  if (given !== undefined) return given;
  const files = await opened.useCases.listKeystores.execute({ environment: ctx.settings.env, order: 'newest-first' });
  const newest = files[0];
  if (newest === undefined) {
    throw inChosenLanguage(new EhealthCertError('KEYSTORE_NOT_FOUND', `${ctx.i18n.m.errors.noKeystore} (${ctx.settings.keystoreDir})`, { flag: '--keystore', folder: ctx.settings.keystoreDir }));
  }
  return newest.path;
}
