import { randomUUID } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp, type ApiComposition } from '@ehealth-cert/http-api';
import type { InProcessEhealth } from '../scene/InProcessEhealth.js';
import { composeScenarioApi } from './composeScenarioApi.js';
import type {
  CompletionView,
  ContactDataDraft,
  Driver,
  ExpiryLine,
  ExpiryView,
  ExportView,
  KeystoreAccess,
  KeystoreView,
  OrganisationView,
  RequestDraft,
  RequestView,
  SupportDecisionView,
} from './Driver.js';
import type { DriverScene } from './DriverScene.js';
import { failure, success, type Outcome } from './Outcome.js';

type Json = Record<string, unknown>;

/** A job of the API (`/jobs/{id}`) or a plain answer. */
interface Answer {
  readonly status: number;
  readonly body: Json;
}

/** The ehealth-cert problem document (RFC 9457 + `code`, `details`). */
const problem = <T>(answer: Answer): Outcome<T> =>
  failure(String(answer.body['code']), String(answer.body['detail']), (answer.body['details'] as Json | undefined) ?? {});

/**
 * The HTTP API built by its composition root (composeApi + buildApp) and driven with
 * fastify's `inject`: env sim pointed at the scenario's simulator by its base URL, and the
 * scenario's card as the eID adapter. Long operations are jobs, awaited with `Prefer: wait`.
 */
export class ApiDriver implements Driver {
  readonly name = 'api';
  private root: { container: ApiComposition; app: FastifyInstance } | undefined;
  private ownSimulator: InProcessEhealth | undefined;

  constructor(private readonly scene: DriverScene) {}

  private async app(): Promise<FastifyInstance> {
    if (!this.root) {
      const { container, ownSimulator } = await composeScenarioApi(this.scene, { auth: { kind: 'none' } });
      this.ownSimulator = ownSimulator;
      this.root = { container, app: await buildApp(container.deps, { logger: false }) };
    }
    return this.root.app;
  }

  /** One HTTP exchange; a job is awaited until it ends. */
  private async call(method: 'GET' | 'POST', url: string, payload?: Json, job = false): Promise<Answer> {
    const app = await this.app();
    const headers: Record<string, string> = job ? { 'idempotency-key': randomUUID(), prefer: 'wait=60' } : {};
    let response = await app.inject({ method, url, headers, ...(payload ? { payload } : {}) });
    let body = response.json() as Json;
    while (response.statusCode === 202) {
      response = await app.inject({ method: 'GET', url: String(body['href']), headers: { prefer: 'wait=60' } });
      body = response.json() as Json;
    }
    return { status: response.statusCode, body };
  }

  /** The job's result (or the plain answer), or the problem the person is shown. */
  private outcome<T>(answer: Answer, read: (result: Json) => T): Outcome<T> {
    if (answer.status >= 400) return problem(answer);
    const result = 'result' in answer.body && 'status' in answer.body && 'kind' in answer.body ? (answer.body['result'] as Json) : answer.body;
    return success(read(result));
  }

  async checkIdentifier(text: string): Promise<Outcome<{ identifier: string }>> {
    const answer = await this.call('GET', `/identifiers/${encodeURIComponent(text)}/check`);
    if (answer.status >= 400) return problem(answer);
    if (answer.body['valid'] !== true) {
      const error = answer.body['error'] as { code: string; message: string; details?: Json };
      return failure(error.code, error.message, error.details ?? {});
    }
    const id = answer.body['identifier'] as { type: string; value: string };
    return success({ identifier: `${id.type}=${id.value}` });
  }

  async readCard() {
    const answer = await this.call('GET', '/card');
    return this.outcome(answer, (body) => body['holder'] as { ssin: string; givenNames: string; surname: string });
  }

  async listOrganisations(pin: string): Promise<Outcome<readonly OrganisationView[]>> {
    const answer = await this.call('POST', '/organisations/query', { pin });
    this.listed = answer.status < 400 ? (answer.body['organisations'] as ListedOrganisation[]) : this.listed;
    return this.outcome(answer, (body) =>
      (body['organisations'] as ListedOrganisation[]).map((o) => ({ identifier: `${o.identifier.type}=${o.identifier.value}`, name: o.name.fr ?? o.name.nl ?? '' })),
    );
  }

  private listed: ListedOrganisation[] | undefined;

  async request(draft: RequestDraft): Promise<Outcome<RequestView>> {
    let organisation: Json;
    if (draft.organisation.kind === 'manual') {
      const { identifierType, identifierValue, officialName } = draft.organisation;
      organisation = { kind: 'manual', identifier: { type: identifierType, value: identifierValue }, officialName };
    } else {
      // Step 8A picks from the list of step 7 (POST /organisations/query), asked for now if needed.
      if (this.listed === undefined) {
        const listing = await this.listOrganisations(draft.pin);
        if (!listing.ok) return listing;
      }
      const wanted = draft.organisation.identifier;
      const found = this.listed?.find((o) => `${o.identifier.type}=${o.identifier.value}` === wanted);
      if (!found) return failure('NOT_LISTED', `"${wanted}" is not in the list of organisations of step 8A`);
      organisation = { kind: 'listed', identifier: found.identifier, name: found.name };
    }
    const answer = await this.call(
      'POST',
      '/requests',
      {
        organisation,
        ...(draft.applicationId ? { applicationId: draft.applicationId } : {}),
        contactData: { ...draft.contactData },
        password: draft.password,
        pin: draft.pin,
        acceptTerms: draft.termsAccepted,
      },
      true,
    );
    return this.outcome(answer, (result) => this.requestView(result));
  }

  async complete(access: KeystoreAccess): Promise<Outcome<CompletionView>> {
    const name = basename(access.keystorePath ?? '');
    const answer = await this.call('POST', `/keystores/${encodeURIComponent(name)}/completion`, { password: access.password }, true);
    return this.outcome(answer, (result): CompletionView =>
      result['status'] === 'pending'
        ? { status: 'pending' }
        : { status: 'installed', keystorePath: join(this.scene.keystoreDir, String(result['keystore'])), etkToBeActivated: result['toBeActivated'] === true },
    );
  }

  async renew(access: Required<KeystoreAccess> & { pin: string; contactData: ContactDataDraft }): Promise<Outcome<RequestView>> {
    const name = encodeURIComponent(basename(access.keystorePath));
    const answer = await this.call(
      'POST',
      `/keystores/${name}/renewal`,
      { password: access.password, pin: access.pin, contactData: { ...access.contactData }, acceptTerms: true },
      true,
    );
    return this.outcome(answer, (result) => this.requestView(result));
  }

  async revoke(access: Required<KeystoreAccess> & { reference: string; pin: string; reason: string }): Promise<Outcome<void>> {
    const answer = await this.call('POST', `/certificates/${access.reference}/revocation`, { reason: access.reason, pin: access.pin, acceptTerms: true }, true);
    return this.outcome(answer, () => undefined);
  }

  async activateEtk(access: Required<KeystoreAccess>): Promise<Outcome<void>> {
    const answer = await this.call('POST', `/keystores/${encodeURIComponent(basename(access.keystorePath))}/etk-activation`, { password: access.password }, true);
    return this.outcome(answer, () => undefined);
  }

  async changePassword(access: Required<KeystoreAccess> & { newPassword: string }): Promise<Outcome<{ keystorePath: string }>> {
    const answer = await this.call('POST', `/keystores/${encodeURIComponent(basename(access.keystorePath))}/password`, {
      password: access.password,
      newPassword: access.newPassword,
    });
    return this.outcome(answer, (body) => ({ keystorePath: join(this.scene.keystoreDir, String(body['keystore'])) }));
  }

  async inspect(access: Required<KeystoreAccess>): Promise<Outcome<KeystoreView>> {
    const answer = await this.call('POST', `/keystores/${encodeURIComponent(basename(access.keystorePath))}/inspection`, { password: access.password });
    return this.outcome(answer, (body) => ({ aliases: (body['entries'] as { alias: string }[]).map((e) => e.alias) }));
  }

  async exportCertificate(access: Required<KeystoreAccess> & { exportPassword?: string }): Promise<Outcome<ExportView>> {
    const answer = await this.call('POST', `/keystores/${encodeURIComponent(basename(access.keystorePath))}/export`, {
      password: access.password,
      ...(access.exportPassword === undefined ? {} : { exportPassword: access.exportPassword }),
    });
    if (answer.status >= 400) return problem(answer);
    // What a client receives: the PEM text and the .p12 in base64, saved as the client would.
    const received = join(this.scene.dir, 'received-from-api');
    await mkdir(received, { recursive: true });
    const pemFile = join(received, String(answer.body['pemFile']));
    await writeFile(pemFile, String(answer.body['pem']));
    let p12File: string | undefined;
    if (typeof answer.body['p12'] === 'string') {
      p12File = join(received, String(answer.body['p12File']));
      await writeFile(p12File, Buffer.from(answer.body['p12'], 'base64'));
    }
    return success({ pemFile, ...(p12File === undefined ? {} : { p12File }) });
  }

  async expiringWithin(query: { password: string; within: string }): Promise<Outcome<ExpiryView>> {
    const answer = await this.call('POST', '/keystores/expiry-query', { password: query.password, within: query.within });
    return this.outcome(answer, (body) => ({ certificates: body['certificates'] as ExpiryLine[], needingRenewal: Number(body['needingRenewal']) }));
  }

  async supportTeamDecides(decision: { reference: string; approve: boolean; reason?: string }): Promise<Outcome<SupportDecisionView>> {
    const reference = encodeURIComponent(decision.reference);
    const answer = decision.approve
      ? await this.call('POST', `/simulator/requests/${reference}/approval`, {})
      : await this.call('POST', `/simulator/requests/${reference}/refusal`, decision.reason === undefined ? {} : { reason: decision.reason });
    return this.outcome(answer, (body) => ({
      decision: body['decision'] as SupportDecisionView['decision'],
      ...(typeof body['reason'] === 'string' ? { reason: body['reason'] } : {}),
    }));
  }

  async close(): Promise<void> {
    await this.root?.app.close();
    await this.root?.container.close();
    await this.ownSimulator?.close();
  }

  private requestView(result: Json): RequestView {
    return {
      secretKey: String(result['reference']),
      dn: String(result['dn']),
      automaticallyValidated: result['automaticallyValidated'] === true,
      keystorePath: join(this.scene.keystoreDir, String(result['keystore'])),
      overview: [result['dn'], result['certificateName']].filter((x) => typeof x === 'string').join('\n'),
    };
  }
}

/** An organisation of POST /organisations/query. */
interface ListedOrganisation {
  readonly identifier: { readonly type: string; readonly value: string };
  readonly name: { readonly fr?: string; readonly nl?: string };
}
