import { EhealthCertError } from '@ehealth-cert/core';
import { EXIT } from '../exit-codes/exitCodeFor.js';
import { inChosenLanguage } from '../exit-codes/inChosenLanguage.js';
import type { CommandContext, CommandResult } from '../runtime/CommandContext.js';
import { openUseCases } from '../runtime/openUseCases.js';

/**
 * `ehealth-cert --env sim sim approve|refuse REFERENCE [--reason TEXT]`: the simulated eHealth
 * support team decides on a manual request (DOMAIN.md 2.4 item 5), so that the manual path
 * (8M-9M) finishes without starting a separate simulator server. Approval checks the request
 * against the simulator's authentic sources and may turn into a refusal, as the real team would.
 */
export async function run(ctx: CommandContext, args: readonly string[], options: Record<string, unknown>): Promise<CommandResult> {
  const { m } = ctx.i18n;
  const [action = '', reference = ''] = args;
  if (ctx.settings.env !== 'sim') {
    throw inChosenLanguage(new EhealthCertError('INVALID_INPUT', m.sim.onlySim, { flag: '--env', value: ctx.settings.env, rule: 'sim-only' }));
  }
  if (!/^[0-9a-fA-F]{40}$/.test(reference)) {
    throw new EhealthCertError('INVALID_INPUT', `The request reference must be 40 hexadecimal digits (the secret key of step 15), got "${reference}".`, {
      field: 'reference',
      value: reference,
      rule: 'hex40',
    });
  }
  const opened = await openUseCases(ctx);
  try {
    // The simulated eHealth of this run (in-process, or `ehealth-sim serve` at EHEALTH_CERT_ENDPOINT_BASE).
    const team = opened.simulated?.supportTeam;
    if (team === undefined) throw inChosenLanguage(new EhealthCertError('INVALID_INPUT', m.sim.onlySim, { flag: '--env', rule: 'sim-only' }));
    const reason = (options['reason'] as string | undefined)?.trim() || m.sim.defaultReason;
    const decision = action === 'approve' ? await team.approve(reference.toLowerCase()) : await team.refuse(reference.toLowerCase(), reason);
    ctx.say(
      decision.decision === 'APPROVED'
        ? ctx.i18n.t((x) => x.sim.approved, { reference: reference.toLowerCase() })
        : ctx.i18n.t((x) => x.sim.refused, { reference: reference.toLowerCase(), reason: decision.reason }),
    );
    return {
      exitCode: EXIT.done,
      json: { ok: true, reference: reference.toLowerCase(), ...decision },
    };
  } finally {
    await opened.close();
  }
}
