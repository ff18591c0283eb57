import { ReadCardHolder, type EidCard } from '@ehealth-cert/core';
import { TOKENS } from '../composition/tokens.js';
import { EXIT } from '../exit-codes/exitCodeFor.js';
import type { CommandContext, CommandResult } from './CommandContext.js';
import { formatTable } from './formatTable.js';
import { openContainer } from './openContainer.js';

/** `ehealth-cert card`: holder, card generation and PIN state, read without the PIN (manual step 5). */
export async function run(ctx: CommandContext): Promise<CommandResult> {
  const opened = await openContainer(ctx);
  try {
    const holder = await opened.container.get(ReadCardHolder).execute();
    const pin = await opened.container.get<EidCard>(TOKENS.EidCard).pinStatus();
    const { m } = ctx.i18n;
    ctx.say(
      ...formatTable([
        [m.labels.holder, `${holder.givenNames} ${holder.surname}`],
        [m.labels.ssin, holder.ssin],
        [m.labels.generation, m.generations[holder.generation]],
        [m.labels.pin, `${m.pinStates[pin.state]}${pin.pinpad ? ` (${m.wizard.pinpad})` : ''}`],
        [m.labels.tokenSerial, holder.tokenSerial],
      ], ''),
    );
    return {
      exitCode: pin.state === 'blocked' ? EXIT.cardOrPin : EXIT.done,
      json: {
        ok: true,
        holder: { ssin: holder.ssin, givenNames: holder.givenNames, surname: holder.surname },
        generation: holder.generation,
        tokenSerial: holder.tokenSerial,
        pin,
      },
    };
  } finally {
    await opened.close();
  }
}
