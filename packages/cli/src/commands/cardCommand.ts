import { EhealthCertError, personName } from '@ehealth-cert/core';
import { EXIT } from '../exit-codes/exitCodeFor.js';
import type { CommandContext, CommandResult } from '../runtime/CommandContext.js';
import { formatTable } from '../tables/formatTable.js';
import { openUseCases } from '../runtime/openUseCases.js';

/** `ehealth-cert card`: holder, card generation and PIN state, read without the PIN (manual step 5). */
export async function run(ctx: CommandContext): Promise<CommandResult> {
  const opened = await openUseCases(ctx);
  try {
    let status;
    try {
      status = await opened.useCases.showCardStatus.execute();
    } catch (error) {
      // Several cards: list them, so that the person can name one with --card (never the first silently).
      if (EhealthCertError.is(error, 'CARD_AMBIGUOUS')) {
        for (const slot of await opened.useCases.listCards.execute()) ctx.prompter.say(`  --card ${slot.tokenSerial}  ${slot.holder ?? slot.label}`);
      }
      throw error;
    }
    const { holder, pin } = status;
    const { m } = ctx.i18n;
    ctx.say(
      ...formatTable([
        [m.labels.holder, personName(holder)],
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
