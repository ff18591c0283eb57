import { X509Certificate } from 'node:crypto';
import * as pkijs from 'pkijs';
import { SimulatedClock } from './clock/SimulatedClock.js';
import { EhealthRefusal } from './EhealthRefusal.js';
import { FaultInjector } from './faults/FaultInjector.js';
import type { FaultRule } from './faults/FaultInjector.js';
import { Mailbox } from './mailbox/Mailbox.js';
import type { Email } from './mailbox/Mailbox.js';
import { fakeEidTrustAnchors } from '../fake-eid/FakeEidPki.js';
import { certRaOperations } from './operations/certRaOperations.js';
import { certificateStatus, replacementPeriodStart } from './operations/certificateStatus.js';
import { etkDepotOperations } from './operations/etkDepotOperations.js';
import { etkRaOperations } from './operations/etkRaOperations.js';
import type { Operation, ServicePath } from './operations/Operation.js';
import type { IssuedContract, SimulatorContext, SimulatorTimings } from './operations/SimulatorContext.js';
import { xsDateTime } from './operations/writeMessage.js';
import { EhealthCa } from './pki/EhealthCa.js';
import type { CaState } from './pki/EhealthCa.js';
import { readCertificate } from './pki/readCertificate.js';
import { SeededRandom } from './random/SeededRandom.js';
import { AuthenticSources } from './sources/AuthenticSources.js';
import type { AuthenticSourcesFixture, MandateFixture, OrganizationFixture, PersonFixture } from './sources/AuthenticSources.js';
import { defaultFixture } from './sources/defaultFixture.js';
import type { CertificateRecord } from './state/CertificateRecord.js';
import { NS, STATUS_REQUESTER, STATUS_SUCCESS } from './xml/namespaces.js';
import { parseSoapRequest } from './xml/parseSoapRequest.js';
import { soapEnvelope, soapFault } from './xml/soapEnvelope.js';
import { el, serializeXml } from './xml/XmlElement.js';
import type { XmlElement } from './xml/XmlElement.js';
import { XsdValidator } from './xml/XsdValidator.js';
import { reviewManualRequest } from './validation/reviewManualRequest.js';
import type { ManualReview } from './validation/reviewManualRequest.js';

/** How to set up a simulator. Everything has a default. */
export interface EhealthSimulatorOptions {
  /** Seeds every random choice (ids, serials, challenges, fault probabilities). */
  readonly seed?: string;
  /** Fixes the simulated clock at this instant; otherwise it follows real time (plus `advance`). */
  readonly now?: Date | string;
  /** Authentic sources; omitted lists take the defaults (defaultFixture). */
  readonly fixture?: AuthenticSourcesFixture;
  /** DER roots of the (fake) Belgian eID PKI that eID-signed requests must chain to (default fakeEidTrustAnchors()). */
  readonly eidTrustAnchors?: readonly Uint8Array[];
  /** Validation to delivery; default 10 minutes (simulated). */
  readonly issuanceDelayMs?: number;
  /** Pending manual validations approve themselves after this long; default null (admin decides). */
  readonly manualValidationDelayMs?: number | null;
  /** Reuse a fake eHealth CA (from `caState()` or a state file) instead of generating one. */
  readonly ca?: CaState;
  /** A saved `toState()` to resume from. */
  readonly state?: SimulatorState;
  /** Check requests against the XSDs (default true). */
  readonly validateRequests?: boolean;
  /** Folder holding the eHealth XSDs (default: resources/ehealth-xsd of this repository). */
  readonly xsdRoot?: string;
}

/** Everything the simulator remembers, as JSON (the `--state` file). */
export interface SimulatorState {
  readonly version: 1;
  readonly ca: CaState;
  readonly clock: { fixed?: number; offsetMs: number };
  readonly timings: SimulatorTimings;
  readonly sources: Required<AuthenticSourcesFixture>;
  readonly records: CertificateRecord[];
  readonly contracts: [string, IssuedContract][];
  readonly mailbox: Email[];
}

/** A received HTTP request, reduced to what the simulator looks at. */
export interface SimulatorRequest {
  /** URL path; matched on its end (`.../CertRa/v2`), so any base path works. */
  readonly path: string;
  readonly soapAction?: string | null;
  readonly body: string;
}

/** What to do on the wire: answer (after a delay), reset the connection, or never answer. */
export type SimulatorReply =
  | { readonly kind: 'http'; readonly status: number; readonly contentType: string; readonly body: string; readonly delayMs: number }
  | { readonly kind: 'reset'; readonly delayMs: number }
  | { readonly kind: 'noAnswer'; readonly delayMs: number };

const OPERATIONS: Operation[] = [...certRaOperations, ...etkRaOperations, ...etkDepotOperations];
const SERVICES: ServicePath[] = ['/CertRa/v2', '/EtkRa/v2', '/EtkDepot/v1'];
const XML = 'text/xml; charset=utf-8';

/**
 * The simulated eHealth platform (CertRA v2, EtkRA v2, ETKDepot v1; DOMAIN.md 2 and 8): one
 * behaviour behind both faces, the msw handlers and the loopback server.
 */
export class EhealthSimulator {
  readonly clock: SimulatedClock;
  readonly mailbox: Mailbox;
  readonly faults: FaultInjector;
  readonly sources: AuthenticSources;
  private readonly random: SeededRandom;
  private readonly records = new Map<string, CertificateRecord>();
  private readonly contracts = new Map<string, IssuedContract>();
  private readonly issuing = new Map<string, Promise<void>>();
  private readonly ctx: SimulatorContext;
  private readonly validator: XsdValidator | undefined;
  private eidAnchors: X509Certificate[];
  private changeListeners: (() => void)[] = [];

  private constructor(
    private readonly ca: EhealthCa,
    private readonly options: EhealthSimulatorOptions,
    readonly timings: SimulatorTimings,
  ) {
    const s = options.state;
    this.random = new SeededRandom(options.seed);
    this.clock = s ? new SimulatedClock(s.clock.fixed, s.clock.offsetMs) : new SimulatedClock(options.now === undefined ? undefined : new Date(options.now).getTime());
    this.mailbox = new Mailbox(s?.mailbox);
    this.faults = new FaultInjector(this.random);
    const f = s?.sources ?? options.fixture ?? {};
    const people = f.people ?? defaultFixture.people;
    const organizations = f.organizations ?? defaultFixture.organizations;
    // Default mandates only between people and organisations that are there.
    const mandates =
      f.mandates ??
      defaultFixture.mandates.filter(
        (m) => people.some((p) => p.ssin === m.ssin) && organizations.some((o) => o.type === m.organization.type && o.id === m.organization.value),
      );
    this.sources = new AuthenticSources({ people, organizations, mandates, ...(f.contractDn !== undefined ? { contractDn: f.contractDn } : {}) });
    s?.records.forEach((r) => this.records.set(r.publicKeyIdentifier, r));
    s?.contracts.forEach(([k, v]) => this.contracts.set(k, v));
    this.eidAnchors = (options.eidTrustAnchors ?? fakeEidTrustAnchors()).map((d) => new X509Certificate(Buffer.from(d)));
    this.validator = options.validateRequests === false ? undefined : new XsdValidator(options.xsdRoot);
    this.ctx = {
      clock: this.clock,
      random: this.random,
      ca,
      sources: this.sources,
      mailbox: this.mailbox,
      timings: this.timings,
      eidAnchors: () => this.eidAnchors,
      ehealthAnchors: [new X509Certificate(Buffer.from(ca.rootDer))],
      records: this.records,
      contracts: this.contracts,
      tick: () => this.tick(),
    };
  }

  /** Creates a simulator; generates a fake eHealth CA unless `ca` or `state` gives one. */
  static async create(options: EhealthSimulatorOptions = {}): Promise<EhealthSimulator> {
    const random = new SeededRandom(options.seed === undefined ? undefined : `${options.seed}:ca`);
    const caState = options.state?.ca ?? options.ca;
    const ca = caState ? await EhealthCa.fromState(caState) : await EhealthCa.generate(random);
    const timings: SimulatorTimings = options.state?.timings ?? {
      issuanceDelayMs: options.issuanceDelayMs ?? 10 * 60_000,
      manualValidationDelayMs: options.manualValidationDelayMs ?? null,
    };
    return new EhealthSimulator(ca, options, { ...timings });
  }

  /** The XSD engine in use (docs/decisions/0006), or undefined when request validation is off. */
  get xsdEngine(): string | undefined {
    return this.validator?.engine;
  }

  /** DER of the fake eHealth root CA, for clients to trust (never sent by GetCertificate). */
  trustAnchors(): Uint8Array[] {
    return [this.ca.rootDer];
  }

  /** The CA material, to share one CA between simulators (tests) or persist it. */
  caState(): CaState {
    return this.ca.toState();
  }

  /** Replaces the eID trust anchors (DER roots of the fake Belgian eID PKI). */
  setEidTrustAnchors(anchors: readonly Uint8Array[]): void {
    this.eidAnchors = anchors.map((d) => new X509Certificate(Buffer.from(d)));
  }

  /** Called after every change of state (the server saves the state file then). */
  onChange(listener: () => void): void {
    this.changeListeners.push(listener);
  }

  /** Handles one HTTP POST to a service path. Never throws: every failure becomes a reply. */
  async handle(request: SimulatorRequest): Promise<SimulatorReply> {
    const service = SERVICES.find((s) => request.path.replace(/\/+$/, '').endsWith(s));
    if (!service) return { kind: 'http', status: 404, contentType: 'text/plain', body: `no eHealth service at ${request.path}`, delayMs: 0 };
    let parsed;
    try {
      parsed = parseSoapRequest(request.body);
    } catch (e) {
      const d = this.faults.decide('*');
      return this.failOr(d.failure, d.latencyMs, { kind: 'http', status: 500, contentType: XML, body: soapFault('soapenv:Client', (e as Error).message), delayMs: d.latencyMs });
    }
    const payload = parsed.payload;
    const operation = OPERATIONS.find((o) => o.service === service && o.ns === payload.namespaceURI && `${o.name}Request` === payload.localName);
    const decision = this.faults.decide(operation?.name ?? '*');
    const delayMs = decision.latencyMs;
    if (decision.failure && decision.failure !== 'lostAnswer') return this.failOr(decision.failure, delayMs, undefined);
    const fault = (msg: string, code: 'soapenv:Client' | 'soapenv:Server' = 'soapenv:Client'): SimulatorReply => ({ kind: 'http', status: 500, contentType: XML, body: soapFault(code, msg), delayMs });
    if (!operation) return fault(`${service} has no operation for {${payload.namespaceURI ?? ''}}${payload.localName}`);
    const action = request.soapAction?.replace(/^"|"$/g, '');
    if (action && operation.soapAction && action !== operation.soapAction) return fault(`SOAPAction "${action}" does not match ${operation.name} (expected "${operation.soapAction}")`);
    if (this.validator) {
      const result = await this.validator.validate(parsed.payloadXml).catch((e: unknown) => ({ valid: undefined, errors: [String(e)] }));
      if (result.valid === undefined) return fault(`XSD validation failed to run: ${result.errors.join('; ')}`, 'soapenv:Server');
      if (!result.valid) return fault(`${operation.name}Request is not valid against the eHealth XSD: ${result.errors.join('; ')}`);
    }
    let children: (XmlElement | undefined)[] = [];
    let refusal: EhealthRefusal | undefined;
    try {
      children = await operation.run(this.ctx, parsed);
    } catch (e) {
      if (!(e instanceof EhealthRefusal)) return fault(`internal error: ${(e as Error).message}`, 'soapenv:Server');
      refusal = e;
    } finally {
      this.changed();
    }
    // Handled, then the answer is lost on the way back.
    if (decision.failure === 'lostAnswer') return { kind: 'reset', delayMs };
    const inResponseTo = payload.getAttribute('Id') ?? undefined;
    if (operation.response === 'plain' && refusal) return fault(`${refusal.code}: ${refusal.message}`);
    const body = serializeXml(this.responseElement(operation, inResponseTo, children, refusal), { [NS.xml]: 'xml', [NS.xsi]: 'xsi' });
    return { kind: 'http', status: 200, contentType: XML, body: soapEnvelope(body), delayMs };
  }

  private responseElement(operation: Operation, inResponseTo: string | undefined, children: (XmlElement | undefined)[], refusal: EhealthRefusal | undefined): XmlElement {
    const attrs = { Id: this.random.id(), InResponseTo: inResponseTo, IssueInstant: xsDateTime(this.clock.now()) };
    const name = `${operation.name}Response`;
    if (operation.response === 'plain') return el(operation.ns, name, children, attrs);
    if (operation.response === 'depot') {
      const status = el(NS.commonsCore1, 'Status', [el('', 'Code', '200'), el('', 'Message', 'SUCCESS', { Lang: 'EN' })]);
      return el(operation.ns, name, [status, ...children], { Id: attrs.Id });
    }
    const C = NS.commonsCore;
    const status = refusal
      ? el(C, 'Status', [
          el(C, 'StatusCode', [], { Value: STATUS_REQUESTER }),
          el(C, 'StatusMessage', refusal.message),
          el(C, 'StatusDetail', [
            el(NS.etee, 'EteeStatusDetail', [
              el('', 'Errors', [
                el('', 'Code', refusal.code),
                el('', 'Message', refusal.message),
                ...Object.entries(refusal.parameters).map(([k, v]) => el('', 'Parameters', [el('', 'Name', k), el('', 'Value', v)])),
              ]),
            ]),
          ]),
        ])
      : el(C, 'Status', [el(C, 'StatusCode', [], { Value: STATUS_SUCCESS })]);
    return el(operation.ns, name, refusal ? [status] : [status, ...children], attrs);
  }

  private failOr(failure: string | undefined, delayMs: number, otherwise: SimulatorReply | undefined): SimulatorReply {
    switch (failure) {
      case 'http500':
        return { kind: 'http', status: 500, contentType: 'text/html', body: '<html><body><h1>500 Internal Server Error</h1></body></html>', delayMs };
      case 'http503':
        return { kind: 'http', status: 503, contentType: 'text/html', body: '<html><body><h1>503 Service Unavailable</h1></body></html>', delayMs };
      case 'soapFault':
        return { kind: 'http', status: 500, contentType: XML, body: soapFault('soapenv:Server', 'SOA-00001: injected service failure (simulator)'), delayMs };
      case 'malformed':
        return { kind: 'http', status: 200, contentType: XML, body: '<?xml version="1.0"?><soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"><soapenv:Body><broken', delayMs };
      case 'reset':
        return { kind: 'reset', delayMs };
      case 'noAnswer':
        return { kind: 'noAnswer', delayMs };
      default:
        return otherwise ?? { kind: 'http', status: 500, contentType: XML, body: soapFault('soapenv:Server', 'unexpected'), delayMs };
    }
  }

  /** Runs the time-driven events up to the simulated now: auto-approval, issuance, expiry reminders. */
  async tick(): Promise<void> {
    const now = this.clock.now();
    const jobs: Promise<void>[] = [];
    for (const r of this.records.values()) {
      if (r.validation === 'PENDING' && r.autoApproveAt && new Date(r.autoApproveAt) <= now) {
        // The support team decides when the configured delay is over, on the same checks as approve().
        this.decide(r, reviewManualRequest(this.sources, r), new Date(r.autoApproveAt));
      }
      if ((r.validation === 'AUTOMATIC' || r.validation === 'APPROVED') && !r.certificate && !r.revokedAt && r.deliverableAt && new Date(r.deliverableAt) <= now) {
        jobs.push(this.issue(r));
      }
      if (r.notAfter && !r.expiryReminderSent && certificateStatus(r, now) === 'VALID_ACTIVE' && replacementPeriodStart(new Date(r.notAfter)) <= now) {
        r.expiryReminderSent = true;
        this.mail(r, 'EXPIRY_REMINDER', 'eHealth: votre certificat expire bientôt / uw certificaat vervalt binnenkort', `Certificate ${r.publicKeyIdentifier.toUpperCase()} for ${r.dn} expires on ${r.notAfter}; renew it now.`);
      }
    }
    await Promise.all(jobs);
  }

  private issue(r: CertificateRecord): Promise<void> {
    const running = this.issuing.get(r.publicKeyIdentifier);
    if (running) return running;
    const job = (async () => {
      const csr = pkijs.CertificationRequest.fromBER(Uint8Array.from(Buffer.from(r.csr, 'base64')));
      const der = await this.ca.issue(csr, this.random, new Date(r.deliverableAt as string));
      const facts = readCertificate(der);
      r.certificate = Buffer.from(der).toString('base64');
      r.serialHex = facts.serialHex;
      r.notBefore = facts.notBefore.toISOString();
      r.notAfter = facts.notAfter.toISOString();
      this.mail(r, 'CERTIFICATE_READY', 'eHealth: votre certificat est prêt / uw certificaat is klaar', `Certificate ${r.publicKeyIdentifier.toUpperCase()} for ${r.dn} is ready: complete it in the application.`);
      this.changed();
    })().finally(() => this.issuing.delete(r.publicKeyIdentifier));
    this.issuing.set(r.publicKeyIdentifier, job);
    return job;
  }

  private mail(r: CertificateRecord, kind: Email['kind'], subject: string, body: string): void {
    this.mailbox.sendAbout(r, this.clock.now(), kind, subject, body);
  }

  private changed(): void {
    this.changeListeners.forEach((l) => l());
  }

  // ---- admin interface (also served under /admin by the loopback server) ----

  /** The requests waiting for a manual validation. */
  pendingValidations(): CertificateRecord[] {
    return [...this.records.values()].filter((r) => r.validation === 'PENDING');
  }

  /** All certificate records (read-only use). */
  certificates(): CertificateRecord[] {
    return [...this.records.values()];
  }

  /**
   * The support team handles a pending manual validation: it checks the request against the
   * authentic sources (reviewManualRequest: the identifier is that of an organisation of that
   * type, the name its official name) and approves it (delivery after the issuance delay) or
   * refuses it with the reason, mailed to the contacts. `force` approves without the check.
   */
  async approve(publicKeyIdentifier: string, options: { readonly force?: boolean } = {}): Promise<ManualReview> {
    const r = this.pending(publicKeyIdentifier);
    const review: ManualReview = options.force === true ? { decision: 'APPROVED' } : reviewManualRequest(this.sources, r);
    this.decide(r, review, this.clock.now());
    await this.tick();
    this.changed();
    return review;
  }

  /** Refuses a pending manual validation (GetCertificate then answers REQUEST_REFUSED with the reason). */
  refuse(publicKeyIdentifier: string, reason = 'refused by the eHealth support team'): void {
    this.decide(this.pending(publicKeyIdentifier), { decision: 'REFUSED', reason }, this.clock.now());
    this.changed();
  }

  /** Applies the support team's decision taken at `at`. */
  private decide(r: CertificateRecord, review: ManualReview, at: Date): void {
    r.validation = review.decision;
    if (review.decision === 'APPROVED') {
      r.deliverableAt = new Date(at.getTime() + this.timings.issuanceDelayMs).toISOString();
      return;
    }
    r.refusalReason = review.reason;
    this.mail(r, 'REQUEST_REFUSED', 'eHealth: demande refusée / aanvraag geweigerd', `Request ${r.publicKeyIdentifier.toUpperCase()} for ${r.dn} was refused: ${review.reason}.`);
  }

  private pending(publicKeyIdentifier: string): CertificateRecord {
    const r = this.records.get(publicKeyIdentifier.toLowerCase());
    if (!r) throw new RangeError(`no request with PublicKeyIdentifier ${publicKeyIdentifier}`);
    if (r.validation !== 'PENDING') throw new RangeError(`request ${publicKeyIdentifier} is not waiting for a manual validation (${r.validation})`);
    return r;
  }

  /** Moves the simulated clock forward and runs what became due. */
  async advance(ms: number): Promise<void> {
    this.clock.advance(ms);
    await this.tick();
    this.changed();
  }

  /** Injects a fault (see FaultRule). */
  addFault(rule: FaultRule): void {
    this.faults.add(rule);
  }

  /** Adds or replaces a person of the authentic sources. */
  addPerson(p: PersonFixture): void {
    this.sources.addPerson(p);
    this.changed();
  }

  /** Adds or replaces an organisation of the authentic sources. */
  addOrganization(o: OrganizationFixture): void {
    this.sources.addOrganization(o);
    this.changed();
  }

  /** Adds a mandate (person may manage organisation). */
  addMandate(m: MandateFixture): void {
    this.sources.addMandate(m);
    this.changed();
  }

  /** Forgets every request, contract, e-mail and fault (keeps the CA, the sources and the clock). */
  reset(): void {
    this.records.clear();
    this.contracts.clear();
    this.mailbox.clear();
    this.faults.clear();
    this.changed();
  }

  /** Releases the XSD validator's temporary files. */
  close(): void {
    this.validator?.close();
  }

  /** Everything to persist (JSON-serialisable). */
  toState(): SimulatorState {
    return {
      version: 1,
      ca: this.ca.toState(),
      clock: this.clock.toJSON(),
      timings: { ...this.timings },
      sources: this.sources.toFixture(),
      records: [...this.records.values()],
      contracts: [...this.contracts.entries()],
      mailbox: this.mailbox.list(),
    };
  }
}
