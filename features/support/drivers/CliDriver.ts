import { PassThrough, Readable } from 'node:stream';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { runCli } from '@ehealth-cert/cli';
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
import { inProcessAdapters, type AdapterOverrides } from './inProcessAdapters.js';
import { failure, success, type Outcome } from './Outcome.js';

/** What `ehealth-cert … --json` printed and how it exited. */
interface CliRun {
  readonly status: number;
  readonly json: Record<string, unknown>;
  readonly stderr: string;
}

/** A JSON error document of the CLI (`{ ok: false, error: { code, message } }`). */
interface CliError {
  readonly code: string;
  readonly message: string;
  readonly details?: Record<string, unknown>;
}

/**
 * `ehealth-cert` run in-process (runCli) with `--json --lang fr`, on a terminal that is not a TTY
 * (so every answer comes from flags, the PIN and passwords from the environment), against the
 * scenario's card and simulator handed to the CLI's composition root.
 */
export class CliDriver implements Driver {
  readonly name: string = 'cli';
  private adapters: AdapterOverrides | undefined;

  constructor(protected readonly scene: DriverScene) {}

  /** Runs `ehealth-cert` with these arguments and environment; answers its exit status and output. */
  protected async execute(args: readonly string[], env: Record<string, string>): Promise<{ status: number; stdout: string; stderr: string }> {
    // A local command (check-id) needs neither card nor simulator: the scenario may have none.
    if (this.scene.ehealth) this.adapters ??= inProcessAdapters(this.scene);
    const stdout = new PassThrough();
    const stderr = new PassThrough();
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    stdout.on('data', (c: Buffer) => out.push(c));
    stderr.on('data', (c: Buffer) => err.push(c));
    const status = await runCli(args, { stdin: Readable.from([]), stdout, stderr, env, cwd: this.scene.dir }, { adapters: this.adapters ?? {} });
    return { status, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') };
  }

  /** Runs a command with `--json` in French on the scenario's keystore folder; parses its JSON document. */
  private async run(args: readonly string[], env: Record<string, string> = {}, lang = 'fr'): Promise<CliRun> {
    const argv = ['--env', this.scene.environment, '--lang', lang, '--json', '--keystore-dir', this.scene.keystoreDir, ...args];
    // Live: the PKCS#11 module of the real card (beid or OpenSC) from the test's environment.
    const live = this.scene.environment === 'sim' ? {} : pick(process.env, ['EHEALTH_CERT_PKCS11_MODULE', 'HOME']);
    const { status, stdout, stderr } = await this.execute(argv, { NO_COLOR: '1', ...live, ...env });
    let json: Record<string, unknown>;
    try {
      json = JSON.parse(stdout.trim()) as Record<string, unknown>;
    } catch {
      throw new Error(`ehealth-cert ${args.join(' ')} exited ${status} without a JSON document:\n${stdout}\n${stderr}`);
    }
    return { status, json, stderr };
  }

  /** The run's result, or its error as the person saw it. */
  private outcome<T>(run: CliRun, read: (json: Record<string, unknown>) => T): Outcome<T> {
    if (run.json['ok'] === false) {
      // Every command's error is the one shape of the JSON Schema (packages/cli/schema).
      const error = run.json['error'] as CliError;
      return failure(error.code, error.message, error.details ?? {});
    }
    return success(read(run.json));
  }

  async checkIdentifier(text: string): Promise<Outcome<{ identifier: string }>> {
    // The rules' examples quote core's English wording (as the other drivers show it); the CLI's
    // --json message is in the chosen language, so this one look-up runs in English.
    const run = await this.run(['check-id', text], {}, 'en');
    return this.outcome(run, (json) => {
      const id = json['identifier'] as { type: string; value: string };
      return { identifier: `${id.type}=${id.value}` };
    });
  }

  async readCard() {
    const run = await this.run(['card']);
    return this.outcome(run, (json) => json['holder'] as { ssin: string; givenNames: string; surname: string });
  }

  async listOrganisations(pin: string): Promise<Outcome<readonly OrganisationView[]>> {
    const run = await this.run(['orgs'], { EHEALTH_CERT_PIN: pin });
    return this.outcome(run, (json) =>
      (json['organisations'] as { name: { fr?: string; nl?: string }; identifier: { type: string; value: string } }[]).map((o) => ({
        identifier: `${o.identifier.type}=${o.identifier.value}`,
        name: o.name.fr ?? o.name.nl ?? '',
      })),
    );
  }

  async request(draft: RequestDraft): Promise<Outcome<RequestView>> {
    const organisation =
      draft.organisation.kind === 'manual'
        ? ['--org', `${draft.organisation.identifierType}=${draft.organisation.identifierValue}`, '--org-name', draft.organisation.officialName]
        : await this.listedOrganisation(draft);
    if (!Array.isArray(organisation)) return organisation;
    const run = await this.run(
      [
        'request',
        ...organisation,
        ...(draft.applicationId ? ['--app-id', draft.applicationId] : []),
        '--email-private', draft.contactData.emailPrivate,
        '--email-general', draft.contactData.emailGeneral,
        '--phone-private', draft.contactData.phonePrivate,
        ...(draft.termsAccepted ? ['--accept-terms'] : []),
      ],
      { EHEALTH_CERT_PIN: draft.pin, EHEALTH_CERT_KEYSTORE_PASSWORD: draft.password },
    );
    return this.outcome(run, (json) => requestView(json));
  }

  /** `--org auto --org-index N`: the position of the wanted organisation in the list of step 8A. */
  private async listedOrganisation(draft: RequestDraft): Promise<string[] | Outcome<RequestView>> {
    const listing = await this.listOrganisations(draft.pin);
    if (!listing.ok) return listing;
    const wanted = draft.organisation.kind === 'listed' ? draft.organisation.identifier : '';
    const index = listing.result.findIndex((o) => o.identifier === wanted);
    if (index < 0) return failure('NOT_LISTED', `"${wanted}" is not in the list of organisations of step 8A`);
    return ['--org', 'auto', '--org-index', String(index + 1)];
  }

  async complete(access: KeystoreAccess): Promise<Outcome<CompletionView>> {
    const run = await this.run(['complete', ...(access.keystorePath ? ['--keystore', access.keystorePath] : [])], { EHEALTH_CERT_KEYSTORE_PASSWORD: access.password });
    return this.outcome(run, (json): CompletionView =>
      json['status'] === 'pending' ? { status: 'pending' } : { status: 'installed', keystorePath: String(json['keystorePath']), etkToBeActivated: json['toBeActivated'] === true },
    );
  }

  async renew(access: Required<KeystoreAccess> & { pin: string; contactData: ContactDataDraft }): Promise<Outcome<RequestView>> {
    const run = await this.run(
      [
        'renew', '--keystore', access.keystorePath, '--accept-terms',
        '--email-private', access.contactData.emailPrivate,
        '--email-general', access.contactData.emailGeneral,
        '--phone-private', access.contactData.phonePrivate,
      ],
      { EHEALTH_CERT_PIN: access.pin, EHEALTH_CERT_KEYSTORE_PASSWORD: access.password },
    );
    return this.outcome(run, (json) => requestView(json));
  }

  async revoke(access: Required<KeystoreAccess> & { reference: string; pin: string; reason: string }): Promise<Outcome<void>> {
    const run = await this.run(['revoke', '--reason', access.reason, '--keystore', access.keystorePath, '--accept-terms'], {
      EHEALTH_CERT_PIN: access.pin,
      EHEALTH_CERT_KEYSTORE_PASSWORD: access.password,
    });
    return this.outcome(run, () => undefined);
  }

  async activateEtk(access: Required<KeystoreAccess>): Promise<Outcome<void>> {
    const run = await this.run(['activate-etk', '--keystore', access.keystorePath], { EHEALTH_CERT_KEYSTORE_PASSWORD: access.password });
    return this.outcome(run, () => undefined);
  }

  async changePassword(access: Required<KeystoreAccess> & { newPassword: string }): Promise<Outcome<{ keystorePath: string }>> {
    // The new password comes from a file, as a person scripting the CLI would give it (never argv).
    const file = join(this.scene.dir, 'new-password.txt');
    await writeFile(file, `${access.newPassword}\n`, { mode: 0o600 });
    const run = await this.run(['passwd', access.keystorePath, '--new-password-file', file], { EHEALTH_CERT_KEYSTORE_PASSWORD: access.password });
    return this.outcome(run, (json) => ({ keystorePath: String(json['keystorePath']) }));
  }

  async inspect(access: Required<KeystoreAccess>): Promise<Outcome<KeystoreView>> {
    const run = await this.run(['inspect', access.keystorePath], { EHEALTH_CERT_KEYSTORE_PASSWORD: access.password });
    return this.outcome(run, (json) => ({ aliases: ((json['entries'] as { alias: string }[] | undefined) ?? []).map((e) => e.alias) }));
  }

  async exportCertificate(access: Required<KeystoreAccess> & { exportPassword?: string }): Promise<Outcome<ExportView>> {
    // The export password from the environment, as a script gives it (never argv).
    const run = await this.run(['export', '--keystore', access.keystorePath, ...(access.exportPassword === undefined ? [] : ['--p12'])], {
      EHEALTH_CERT_KEYSTORE_PASSWORD: access.password,
      ...(access.exportPassword === undefined ? {} : { EHEALTH_CERT_EXPORT_PASSWORD: access.exportPassword }),
    });
    return this.outcome(run, (json) => ({ pemFile: String(json['pemFile']), ...(typeof json['p12File'] === 'string' ? { p12File: json['p12File'] } : {}) }));
  }

  async expiringWithin(query: { password: string; within: string }): Promise<Outcome<ExpiryView>> {
    // `status --expiring-within` as a monitoring system runs it: what counts is the exit code.
    const run = await this.run(['status', '--expiring-within', query.within], { EHEALTH_CERT_KEYSTORE_PASSWORD: query.password });
    return this.outcome(run, (json) => ({
      certificates: json['certificates'] as ExpiryLine[],
      needingRenewal: Number(json['needingRenewal']),
      exitCode: run.status,
    }));
  }

  async supportTeamDecides(decision: { reference: string; approve: boolean; reason?: string }): Promise<Outcome<SupportDecisionView>> {
    const run = await this.run(['sim', decision.approve ? 'approve' : 'refuse', decision.reference, ...(decision.reason === undefined ? [] : ['--reason', decision.reason])]);
    return this.outcome(run, (json) => ({ decision: json['decision'] as SupportDecisionView['decision'], ...(typeof json['reason'] === 'string' ? { reason: json['reason'] } : {}) }));
  }

  async close(): Promise<void> {
  }
}

function pick(env: NodeJS.ProcessEnv, names: readonly string[]): Record<string, string> {
  return Object.fromEntries(names.flatMap((name) => (env[name] ? [[name, env[name] as string]] : [])));
}

function requestView(json: Record<string, unknown>): RequestView {
  return {
    secretKey: String(json['reference']),
    dn: String(json['dn']),
    automaticallyValidated: json['automaticallyValidated'] === true,
    keystorePath: String(json['keystorePath']),
    overview: [json['dn'], json['certificateName'], json['contractText']].filter((x) => typeof x === 'string').join('\n'),
  };
}
