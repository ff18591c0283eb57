import { X509Certificate } from 'node:crypto';
import type { EhealthSimulator } from '../ehealth/EhealthSimulator.js';
import type { FaultRule } from '../ehealth/faults/FaultInjector.js';

/** An admin API answer: status and JSON body (or PEM text). */
export interface AdminReply {
  readonly status: number;
  readonly body: unknown;
  readonly contentType?: string;
}

type Route = (sim: EhealthSimulator, body: Record<string, unknown>, params: string[], query: URLSearchParams) => Promise<AdminReply> | AdminReply;

const ok = (body: unknown = { ok: true }): AdminReply => ({ status: 200, body });

/** A route that only acts and answers `{ ok: true }`. */
const act =
  (action: (sim: EhealthSimulator, body: Record<string, unknown>) => void): Route =>
  (sim, body) => {
    action(sim, body);
    return ok();
  };

function num(body: Record<string, unknown>, field: string): number | undefined {
  const v = body[field];
  if (v === undefined) return undefined;
  if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) throw new TypeError(`${field} must be a number >= 0, got ${JSON.stringify(v)}`);
  return v;
}

/**
 * The admin API under /admin (documented in packages/simulator/README.md): approve/refuse manual
 * validations, move the clock, read the mailbox, inject faults, reset, extend the sources.
 */
export const adminRoutes: [method: string, pattern: RegExp, route: Route][] = [
  ['GET', /^\/admin\/state$/, (sim) => ok({ now: sim.clock.now().toISOString(), timings: sim.timings, certificates: sim.certificates(), pendingValidations: sim.pendingValidations().map((r) => r.publicKeyIdentifier) })],
  ['GET', /^\/admin\/certificates$/, (sim) => ok(sim.certificates())],
  ['GET', /^\/admin\/validations$/, (sim) => ok(sim.pendingValidations())],
  [
    'POST',
    /^\/admin\/validations\/([0-9A-Fa-f]{40})\/approve$/,
    async (sim, b, [pki]) => {
      if (b.force !== undefined && typeof b.force !== 'boolean') throw new TypeError(`force must be true or false, got ${JSON.stringify(b.force)}`);
      // 200 either way: the support team's check may turn the approval into a refusal (reason given).
      const review = await sim.approve(pki as string, { force: b.force === true });
      return ok({ ok: true, ...review });
    },
  ],
  [
    'POST',
    /^\/admin\/validations\/([0-9A-Fa-f]{40})\/refuse$/,
    (sim, b, [pki]) => {
      sim.refuse(pki as string, typeof b.reason === 'string' ? b.reason : undefined);
      return ok();
    },
  ],
  ['GET', /^\/admin\/clock$/, (sim) => ok({ now: sim.clock.now().toISOString() })],
  [
    'POST',
    /^\/admin\/clock\/advance$/,
    async (sim, b) => {
      const ms = (num(b, 'ms') ?? 0) + (num(b, 'seconds') ?? 0) * 1000 + (num(b, 'days') ?? 0) * 86_400_000;
      await sim.advance(ms);
      return ok({ now: sim.clock.now().toISOString() });
    },
  ],
  [
    'POST',
    /^\/admin\/clock\/set$/,
    async (sim, b) => {
      const instant = new Date(String(b.instant));
      if (Number.isNaN(instant.getTime())) throw new TypeError(`instant must be an ISO date, got ${JSON.stringify(b.instant)}`);
      sim.clock.set(instant);
      await sim.tick();
      return ok({ now: sim.clock.now().toISOString() });
    },
  ],
  ['GET', /^\/admin\/mailbox$/, (sim, _b, _p, q) => ok(sim.mailbox.list(q.get('to') ?? undefined))],
  ['DELETE', /^\/admin\/mailbox$/, act((sim) => sim.mailbox.clear())],
  ['GET', /^\/admin\/faults$/, (sim) => ok(sim.faults.list())],
  [
    'POST',
    /^\/admin\/faults$/,
    (sim, b) => {
      if (typeof b.operation !== 'string') throw new TypeError('operation must be an operation name (e.g. "GetCertificate") or "*"');
      sim.addFault(b as unknown as FaultRule);
      return ok(sim.faults.list());
    },
  ],
  ['DELETE', /^\/admin\/faults$/, act((sim) => sim.faults.clear())],
  ['POST', /^\/admin\/reset$/, act((sim) => sim.reset())],
  ['GET', /^\/admin\/sources$/, (sim) => ok(sim.sources.toFixture())],
  ['POST', /^\/admin\/people$/, act((sim, b) => sim.addPerson(b as never))],
  ['POST', /^\/admin\/organizations$/, act((sim, b) => sim.addOrganization(b as never))],
  ['POST', /^\/admin\/mandates$/, act((sim, b) => sim.addMandate(b as never))],
  [
    'GET',
    /^\/admin\/trust-anchors$/,
    (sim) => ({ status: 200, contentType: 'application/x-pem-file', body: sim.trustAnchors().map((d) => new X509Certificate(Buffer.from(d)).toString()).join('') }),
  ],
];
