import { createContainer, type CliContainer } from '../composition/createContainer.js';
import { TerminalPinEntry } from '../person/TerminalPinEntry.js';
import { TerminalReview } from '../person/TerminalReview.js';
import type { CommandContext } from './CommandContext.js';

/** The container of one command run, with the terminal as the person (PIN, review, progress). */
export interface OpenedContainer extends CliContainer {
  readonly pinEntry: TerminalPinEntry;
  readonly review: TerminalReview;
}

/** Builds the composition root for a command, wired to the terminal of `ctx`. */
export async function openContainer(ctx: CommandContext, options: { readonly acceptTerms?: boolean } = {}): Promise<OpenedContainer> {
  const pinEntry = new TerminalPinEntry(ctx.prompter, ctx.i18n, ctx.io.env['EHEALTH_CERT_PIN'], ctx.settings.env === 'prd');
  const review = new TerminalReview(ctx.prompter, ctx.i18n, ctx.steps, options.acceptTerms === true);
  const opened = await createContainer(
    { ...ctx.settings, interaction: { pinEntry, review, progress: ctx.progress } },
    ctx.adapters,
  );
  return { ...opened, pinEntry, review };
}
