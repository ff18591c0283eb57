import { checkIdentifier, formatIdentifier } from '@ehealth-cert/core';
import { describeError } from '../exit-codes/describeError.js';
import { EXIT } from '../exit-codes/exitCodeFor.js';
import type { CommandContext, CommandResult } from '../runtime/CommandContext.js';

/** `ehealth-cert check-id TYPE=VALUE`: valid or not, and which rule fails (DOMAIN.md 5). Local only. */
export async function run(ctx: CommandContext, args: readonly string[]): Promise<CommandResult> {
  const text = args[0] ?? '';
  const check = checkIdentifier(text);
  if (!check.valid) {
    const described = describeError(check.error, ctx.i18n);
    ctx.say(described.line);
    // Core's own (English) text, as for every other command's error under --verbose.
    if (ctx.verbose) ctx.io.stderr.write(`${JSON.stringify({ level: 'error', code: described.code, message: described.message, details: described.details })}\n`);
    // The one error document of every command (schema/ehealth-cert-output.schema.json), in the chosen language.
    return { exitCode: EXIT.badInput, json: { ok: false, error: { code: described.code, exitCode: EXIT.badInput, message: described.line, details: { input: text, ...described.details } } } };
  }
  const id = formatIdentifier(check.identifier);
  ctx.say(check.notes.length ? ctx.i18n.t((m) => m.checkId.validFlagged, { id, note: check.notes.join('; ') }) : ctx.i18n.t((m) => m.checkId.valid, { id }));
  return { exitCode: EXIT.done, json: { ok: true, valid: true, input: text, identifier: check.identifier, notes: check.notes } };
}
