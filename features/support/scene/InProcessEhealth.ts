import { randomUUID, X509Certificate } from 'node:crypto';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { EhealthCertError } from '@ehealth-cert/core';
import { createEhealthHandlers, EhealthSimulator, fakeEidTrustAnchors, simulatorSupportTeam, type SimulatedSupportTeam } from '@ehealth-cert/simulator';
import type { SimulatorControl, SourceOrganisation } from './SimulatorControl.js';

/** The simulated "now" of every scenario: the manual's example keystore time (17/11/2025 12:24:25, Brussels). */
export const SCENARIO_START = new Date('2025-11-17T11:24:25Z');
/** Validation to delivery in the simulator (simulated time, skipped by `advance`). */
export const ISSUANCE_DELAY_MS = 10 * 60_000;

// Generating the fake eHealth CA takes a second or two: each worker makes it once and every
// scenario's simulator reuses it (the CA holds no state of the scenario: requests, mails, clock
// and sources are the simulator's own).
let sharedCa: Promise<ReturnType<EhealthSimulator['caState']>> | undefined;

/**
 * The scenario's own eHealth simulator answering in this process through msw, on a base URL of
 * its own, so that nothing is shared between scenarios (a worker runs one scenario at a time).
 */
export class InProcessEhealth implements SimulatorControl {
  readonly issuanceDelayMs = ISSUANCE_DELAY_MS;

  private constructor(
    readonly simulator: EhealthSimulator,
    readonly baseUrl: string,
    /** eHealth's support team as a front end in env sim plays it (`sim approve|refuse`, /simulator routes). */
    readonly supportTeam: SimulatedSupportTeam,
    private readonly server: ReturnType<typeof setupServer>,
  ) {}

  /** Creates the simulator (fixed clock, seeded) and starts intercepting its base URL. */
  static async start(seed: string): Promise<InProcessEhealth> {
    sharedCa ??= EhealthSimulator.create({ seed: 'features-ca', validateRequests: false }).then((first) => first.caState());
    const simulator = await EhealthSimulator.create({
      ca: await sharedCa,
      seed,
      now: SCENARIO_START,
      issuanceDelayMs: ISSUANCE_DELAY_MS,
      eidTrustAnchors: fakeEidTrustAnchors(),
      fixture: { people: [], organizations: [], mandates: [] },
    });
    const baseUrl = `http://ehealth-${randomUUID()}.invalid`;
    const supportTeam = simulatorSupportTeam(simulator);
    // The answers of the admin face of `ehealth-sim serve` that a front end asks when pointed at a
    // simulator by its base URL (the API's env sim with an endpoint base): the fake eHealth root
    // (PEM), the simulated clock, and the support team's decisions on a manual request
    // (packages/simulator/src/server/adminRoutes.ts, same paths and answers).
    const decided = async (decide: () => Promise<object>) => {
      try {
        return HttpResponse.json({ ok: true, ...(await decide()) });
      } catch (error) {
        if (error instanceof EhealthCertError && error.code === 'REQUEST_NOT_FOUND') return HttpResponse.json({ error: error.message }, { status: 400 });
        throw error;
      }
    };
    const admin = [
      http.get(`${baseUrl}/admin/trust-anchors`, () =>
        new HttpResponse(simulator.trustAnchors().map((der) => new X509Certificate(Buffer.from(der)).toString()).join(''), {
          headers: { 'Content-Type': 'application/x-pem-file' },
        }),
      ),
      http.get(`${baseUrl}/admin/clock`, () => HttpResponse.json({ now: simulator.clock.now().toISOString() })),
      http.post(`${baseUrl}/admin/validations/:reference/approve`, ({ params }) => decided(() => supportTeam.approve(String(params['reference'])))),
      http.post(`${baseUrl}/admin/validations/:reference/refuse`, async ({ params, request }) => {
        const { reason } = (await request.json()) as { reason?: unknown };
        return decided(() => supportTeam.refuse(String(params['reference']), typeof reason === 'string' ? reason : 'refused'));
      }),
    ];
    const server = setupServer(...admin, ...createEhealthHandlers(simulator, { baseUrls: [baseUrl], includeRealHosts: true }));
    server.listen({ onUnhandledRequest: 'error' });
    return new InProcessEhealth(simulator, baseUrl, supportTeam, server);
  }

  async addPerson(person: { ssin: string; firstNames: readonly string[]; name: string }): Promise<void> {
    this.simulator.addPerson({ ssin: person.ssin, firstNames: [...person.firstNames], name: person.name });
  }

  async addOrganisation(o: SourceOrganisation): Promise<void> {
    this.simulator.addOrganization({ type: o.type, id: o.id, name: o.name, ...(o.attachedTo ? { attachedTo: o.attachedTo } : {}) });
  }

  async addMandate(ssin: string, organisation: { type: string; value: string }): Promise<void> {
    this.simulator.addMandate({ ssin, organization: organisation });
  }

  async approve(reference: string): Promise<void> {
    await this.simulator.approve(reference);
  }

  async refuse(reference: string, reason: string): Promise<void> {
    this.simulator.refuse(reference, reason);
  }

  async advance(ms: number): Promise<void> {
    await this.simulator.advance(ms);
  }

  async now(): Promise<Date> {
    return this.simulator.clock.now();
  }

  async setUnreachable(unreachable: boolean): Promise<void> {
    if (unreachable) this.simulator.addFault({ operation: '*', kind: 'http503', probability: 1 });
    else this.simulator.faults.clear();
  }

  async loseNextAnswer(operation: string): Promise<void> {
    this.simulator.addFault({ operation, kind: 'lostAnswer' });
  }

  async setOperationUnreachable(operation: string): Promise<void> {
    this.simulator.addFault({ operation, kind: 'http503', probability: 1 });
  }

  async records() {
    return this.simulator.certificates();
  }

  async rootCertificates(): Promise<string> {
    return this.simulator.trustAnchors().map((der) => new X509Certificate(Buffer.from(der)).toString()).join('');
  }

  async mails() {
    return this.simulator.mailbox.list();
  }

  async contractCount(): Promise<number> {
    return this.simulator.toState().contracts.length;
  }

  async close(): Promise<void> {
    this.server.close();
  }
}
