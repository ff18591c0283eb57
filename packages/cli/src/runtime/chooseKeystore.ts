import { EhealthCertError, type KeystoreVault } from '@ehealth-cert/core';
import { TOKENS } from '../composition/tokens.js';
import type { CommandContext } from './CommandContext.js';
import type { OpenedContainer } from './openContainer.js';
import { inChosenLanguage } from '../exit-codes/inChosenLanguage.js';

/** `--keystore FILE`, else the newest keystore of this environment in the keystore folder. */
export async function chooseKeystore(ctx: CommandContext, opened: OpenedContainer, given: string | undefined): Promise<string> {
  if (given !== undefined) return given;
  const files = [...(await opened.container.get<KeystoreVault>(TOKENS.KeystoreVault).list())]
    .filter((f) => f.environment === ctx.settings.env)
    .sort((a, b) => b.modifiedAt.getTime() - a.modifiedAt.getTime());
  const newest = files[0];
  if (newest === undefined) {
    throw inChosenLanguage(new EhealthCertError('KEYSTORE_NOT_FOUND', `${ctx.i18n.m.errors.noKeystore} (${ctx.settings.keystoreDir})`, { flag: '--keystore', folder: ctx.settings.keystoreDir }));
  }
  return newest.path;
}
