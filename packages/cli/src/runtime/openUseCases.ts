import { composeCli, type CliComposition } from '../composition/composeCli.js';
import { TerminalPinEntry } from '../person/TerminalPinEntry.js';
import { TerminalReview } from '../person/TerminalReview.js';
import type { CommandContext } from './CommandContext.js';

/** The use cases of one command run, with the terminal as the person (PIN, review, progress). */
export interface OpenedUseCases extends CliComposition {
  readonly pinEntry: TerminalPinEntry;
  readonly review: TerminalReview;
}

/** Composes the use cases for a command, wired to the terminal of `ctx`. */
export async function openUseCases(ctx: CommandContext, options: { readonly acceptTerms?: boolean } = {}): Promise<OpenedUseCases> {
  const pinEntry = new TerminalPinEntry(ctx.prompter, ctx.i18n, ctx.io.env['EHEALTH_CERT_PIN'], ctx.settings.env === 'prd');
  const review = new TerminalReview(ctx.prompter, ctx.i18n, ctx.steps, options.acceptTerms === true, ctx.verbose);
  const opened = await composeCli({ ...ctx.settings, interaction: { pinEntry, review, progress: ctx.progress } }, ctx.adapters);
  return { ...opened, pinEntry, review };
}
