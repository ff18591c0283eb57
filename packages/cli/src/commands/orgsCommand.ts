import { EXIT } from '../exit-codes/exitCodeFor.js';
import { localized } from '../i18n/localized.js';
import type { CommandContext, CommandResult } from '../runtime/CommandContext.js';
import { openUseCases } from '../runtime/openUseCases.js';
import { identifierInWords } from '../i18n/identifierInWords.js';

/** `ehealth-cert orgs`: GetActorQualities signed with the eID (manual steps 6-7, 8A's list). */
export async function run(ctx: CommandContext): Promise<CommandResult> {
  const opened = await openUseCases(ctx);
  try {
    const result = await opened.useCases.listManageableOrganisations.execute({ pinEntry: opened.pinEntry });
    const { m } = ctx.i18n;
    if (result.organisations.length === 0) ctx.say(m.orgs.none);
    result.organisations.forEach((org, i) => ctx.say(`${String(i + 1).padStart(2)}. ${localized(org.name, ctx.i18n.language)} (${identifierInWords(org.identifier, ctx.i18n)})`));
    if (result.naturalPersonAuthorization) ctx.say(m.orgs.personal);
    return {
      exitCode: EXIT.done,
      json: {
        ok: true,
        holder: { ssin: result.holder.ssin, givenNames: result.holder.givenNames, surname: result.holder.surname },
        naturalPersonAuthorization: result.naturalPersonAuthorization,
        organisations: result.organisations.map((o, i) => ({ index: i + 1, name: o.name, identifier: o.identifier })),
      },
    };
  } finally {
    await opened.close();
  }
}
