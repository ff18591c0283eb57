import {
  checkIdentifier,
  formatIdentifier,
  parsePeriodDays,
  type ManageableOrganisation,
  type OrganisationChoice,
  type RevocationReason,
  type SubmittedCertificateRequest,
  type UseCases,
} from '@ehealth-cert/core';
import { composeCli, type CliComposition } from '@ehealth-cert/cli';
import { writeSecretKeyFile } from '@ehealth-cert/composition';
import type { RequestReceipt } from '@ehealth-cert/core';
import { attempt } from './attempt.js';
import type { CompletionView, ContactDataDraft, Driver, ExpiryView, ExportView, KeystoreAccess, OrganisationView, RequestDraft, RequestView, SupportDecisionView } from './Driver.js';
import type { DriverScene } from './DriverScene.js';
import { inProcessAdapters } from './inProcessAdapters.js';
import { failure, type Outcome } from './Outcome.js';
import { ScenarioPerson } from './ScenarioPerson.js';

const nameOf = (o: ManageableOrganisation) => o.name.fr ?? o.name.nl ?? o.name.en ?? '';

/**
 * The core use cases as the CLI's composition root (composeCli) resolves them, called directly
 * with the person's PIN and approvals; the input rules are core's own functions.
 */
export class UseCasesDriver implements Driver {
  readonly name = 'usecases';
  private root: CliComposition | undefined;
  private listed: readonly ManageableOrganisation[] | undefined;

  constructor(private readonly scene: DriverScene) {}

  private async useCases(): Promise<UseCases> {
    this.root ??= await composeCli({ env: 'sim', keystoreDir: this.scene.keystoreDir, processEnv: {} }, inProcessAdapters(this.scene));
    return this.root.useCases;
  }

  checkIdentifier(text: string): Promise<Outcome<{ identifier: string }>> {
    return attempt(() => {
      const check = checkIdentifier(text);
      if (!check.valid) throw check.error;
      return { identifier: formatIdentifier(check.identifier) };
    });
  }

  async readCard() {
    const useCase = (await this.useCases()).readCardHolder;
    return attempt(async () => {
      const { ssin, givenNames, surname } = await useCase.execute();
      return { ssin, givenNames, surname };
    });
  }

  async listOrganisations(pin: string): Promise<Outcome<readonly OrganisationView[]>> {
    const useCase = (await this.useCases()).listManageableOrganisations;
    return attempt(async () => {
      const { organisations } = await useCase.execute({ pinEntry: new ScenarioPerson(pin) });
      this.listed = organisations;
      return organisations.map((o) => ({ identifier: formatIdentifier(o.identifier), name: nameOf(o) }));
    });
  }

  async request(draft: RequestDraft): Promise<Outcome<RequestView>> {
    const useCase = (await this.useCases()).requestCertificate;
    const person = new ScenarioPerson(draft.pin, draft.termsAccepted);
    let organisation: OrganisationChoice;
    if (draft.organisation.kind === 'manual') {
      organisation = draft.organisation;
    } else {
      const wanted = draft.organisation.identifier;
      // Step 8A picks from the list of step 7; without it, the list is asked for now.
      if (this.listed === undefined) {
        const listing = await this.listOrganisations(draft.pin);
        if (!listing.ok) return listing;
      }
      const found = this.listed?.find((o) => formatIdentifier(o.identifier) === wanted);
      if (!found) return failure('NOT_LISTED', `"${wanted}" is not in the list of organisations of step 8A`);
      organisation = { kind: 'listed', organisation: found };
    }
    return attempt(async () =>
      view(
        await withReceiptFile(
          useCase.execute({
          organisation,
          ...(draft.applicationId ? { applicationId: draft.applicationId } : {}),
          contactData: draft.contactData,
          password: draft.password,
          baseServiceUsages: [],
          environment: 'sim',
          pinEntry: person,
          review: person,
        }),
        ),
        person.overview,
      ),
    );
  }

  async complete(access: KeystoreAccess): Promise<Outcome<CompletionView>> {
    const useCase = (await this.useCases()).completeCertificate;
    return attempt(async (): Promise<CompletionView> => {
      const outcome = await useCase.execute({ ...(access.keystorePath ? { keystorePath: access.keystorePath } : {}), password: access.password });
      return outcome.status === 'pending'
        ? { status: 'pending' }
        : { status: 'installed', keystorePath: outcome.keystorePath, etkToBeActivated: outcome.toBeActivated };
    });
  }

  async renew(access: Required<KeystoreAccess> & { pin: string; contactData: ContactDataDraft }): Promise<Outcome<RequestView>> {
    const useCase = (await this.useCases()).renewCertificate;
    const person = new ScenarioPerson(access.pin);
    return attempt(async () =>
      view(
        await withReceiptFile(
          useCase.execute({
          keystorePath: access.keystorePath,
          password: access.password,
          contactData: access.contactData,
          baseServiceUsages: [],
          environment: 'sim',
          pinEntry: person,
          review: person,
        }),
        ),
        person.overview,
      ),
    );
  }

  async revoke(access: Required<KeystoreAccess> & { reference: string; pin: string; reason: string }): Promise<Outcome<void>> {
    const useCase = (await this.useCases()).revokeCertificate;
    const person = new ScenarioPerson(access.pin);
    return attempt(async () => {
      await useCase.execute({ publicKeyIdentifier: access.reference, reason: access.reason as RevocationReason, pinEntry: person, review: person });
    });
  }

  async activateEtk(access: Required<KeystoreAccess>): Promise<Outcome<void>> {
    const useCase = (await this.useCases()).activateEtk;
    return attempt(async () => {
      await useCase.execute(access);
    });
  }

  async changePassword(access: Required<KeystoreAccess> & { newPassword: string }) {
    const useCase = (await this.useCases()).changeKeystorePassword;
    return attempt(async () => {
      const changed = await useCase.execute({ keystorePath: access.keystorePath, oldPassword: access.password, newPassword: access.newPassword });
      return { keystorePath: changed.keystorePath };
    });
  }

  async inspect(access: Required<KeystoreAccess>) {
    const useCase = (await this.useCases()).inspectKeystore;
    return attempt(async () => {
      const inspection = await useCase.execute(access);
      return {
        aliases: inspection.entries.map((e) => e.alias),
        ...(inspection.authentication.state === 'issued' ? { dn: inspection.authentication.dn } : {}),
      };
    });
  }

  async exportCertificate(access: Required<KeystoreAccess> & { exportPassword?: string }): Promise<Outcome<ExportView>> {
    const useCase = (await this.useCases()).exportCertificate;
    return attempt(async () => {
      const exported = await useCase.execute(access);
      return { pemFile: exported.pemFile, ...(exported.p12File === undefined ? {} : { p12File: exported.p12File }) };
    });
  }

  async expiringWithin(query: { password: string; within: string }): Promise<Outcome<ExpiryView>> {
    const useCase = (await this.useCases()).expiringCertificates;
    return attempt(async () => {
      const report = await useCase.execute({ withinDays: parsePeriodDays(query.within, 'within'), password: query.password });
      return { certificates: report.certificates, needingRenewal: report.needingRenewal };
    });
  }

  async supportTeamDecides(decision: { reference: string; approve: boolean; reason?: string }): Promise<Outcome<SupportDecisionView>> {
    await this.useCases();
    // The support team of the simulator the composition root runs in env sim (the CLI's `sim` command uses the same).
    const team = this.root?.simulated?.supportTeam;
    return attempt(async () => {
      if (team === undefined) throw new Error('the composition root has no simulated support team');
      const reference = decision.reference.toLowerCase();
      return decision.approve ? team.approve(reference) : team.refuse(reference, decision.reason ?? '');
    });
  }

  async close(): Promise<void> {
    await this.root?.close();
  }
}

function view(submitted: SubmittedCertificateRequest, overview: string): RequestView {
  return {
    secretKey: submitted.reference,
    dn: submitted.dn,
    automaticallyValidated: submitted.automaticallyValidated,
    keystorePath: submitted.keystorePath,
    overview,
  };
}

/** Step 15 on disk, as every front end does it: core returns the receipt, the front end writes the secret-key file. */
async function withReceiptFile<T extends { readonly receipt: RequestReceipt }>(submitting: Promise<T>): Promise<T> {
  const submitted = await submitting;
  await writeSecretKeyFile(submitted.receipt);
  return submitted;
}
