import { CompleteCertificate } from './certificate-completion/CompleteCertificate.js';
import { ActivateEtk } from './certificate-management/ActivateEtk.js';
import { ChangeKeystorePassword } from './certificate-management/ChangeKeystorePassword.js';
import { CheckIdentifier } from './certificate-management/CheckIdentifier.js';
import { InspectKeystore } from './certificate-management/InspectKeystore.js';
import { ExportCertificate } from './certificate-management/ExportCertificate.js';
import { ExpiringCertificates } from './certificate-management/ExpiringCertificates.js';
import { RenewCertificate } from './certificate-management/RenewCertificate.js';
import { RevokeCertificate } from './certificate-management/RevokeCertificate.js';
import { ShowCertificateStatus } from './certificate-management/ShowCertificateStatus.js';
import { ListManageableOrganisations } from './certificate-request/ListManageableOrganisations.js';
import { ListOrganisationTypes } from './certificate-request/ListOrganisationTypes.js';
import { ReadCardHolder } from './certificate-request/ReadCardHolder.js';
import { RequestCertificate } from './certificate-request/RequestCertificate.js';
import { ListCards, ShowCardStatus } from './certificate-request/ShowCardStatus.js';
import { ShowRequestContract } from './certificate-request/ShowRequestContract.js';
import type { UseCasePorts } from './ports/UseCasePorts.js';
import { FindCertificateRequest, ListCertificateRequests } from './records/ListCertificateRequests.js';
import { FindKeystore, ListKeystores } from './records/ListKeystores.js';
import { WriteKeystoreCompanion } from './records/WriteKeystoreCompanion.js';

/** Every use case a front end offers, each built once over the same ports (ARCHITECTURE.md "Core: the use cases"). */
export interface UseCases {
  readonly readCardHolder: ReadCardHolder;
  readonly showCardStatus: ShowCardStatus;
  readonly listCards: ListCards;
  readonly listManageableOrganisations: ListManageableOrganisations;
  readonly listOrganisationTypes: ListOrganisationTypes;
  readonly showRequestContract: ShowRequestContract;
  readonly requestCertificate: RequestCertificate;
  readonly completeCertificate: CompleteCertificate;
  readonly showCertificateStatus: ShowCertificateStatus;
  readonly renewCertificate: RenewCertificate;
  readonly revokeCertificate: RevokeCertificate;
  readonly activateEtk: ActivateEtk;
  readonly changeKeystorePassword: ChangeKeystorePassword;
  readonly inspectKeystore: InspectKeystore;
  readonly exportCertificate: ExportCertificate;
  readonly expiringCertificates: ExpiringCertificates;
  readonly checkIdentifier: CheckIdentifier;
  readonly listCertificateRequests: ListCertificateRequests;
  readonly findCertificateRequest: FindCertificateRequest;
  readonly listKeystores: ListKeystores;
  readonly findKeystore: FindKeystore;
  readonly writeKeystoreCompanion: WriteKeystoreCompanion;
}

/**
 * The use cases over `ports`: what a composition root calls once, after adding its own
 * person-facing adapters (Progress here; PIN entry and review come with each call's input).
 */
export function createUseCases(ports: UseCasePorts): UseCases {
  return {
    readCardHolder: new ReadCardHolder(ports),
    showCardStatus: new ShowCardStatus(ports),
    listCards: new ListCards(ports),
    listManageableOrganisations: new ListManageableOrganisations(ports),
    listOrganisationTypes: new ListOrganisationTypes(ports),
    showRequestContract: new ShowRequestContract(ports),
    requestCertificate: new RequestCertificate(ports),
    completeCertificate: new CompleteCertificate(ports),
    showCertificateStatus: new ShowCertificateStatus(ports),
    renewCertificate: new RenewCertificate(ports),
    revokeCertificate: new RevokeCertificate(ports),
    activateEtk: new ActivateEtk(ports),
    changeKeystorePassword: new ChangeKeystorePassword(ports),
    inspectKeystore: new InspectKeystore(ports),
    exportCertificate: new ExportCertificate(ports),
    expiringCertificates: new ExpiringCertificates(ports),
    checkIdentifier: new CheckIdentifier(),
    listCertificateRequests: new ListCertificateRequests(ports),
    findCertificateRequest: new FindCertificateRequest(ports),
    listKeystores: new ListKeystores(ports),
    findKeystore: new FindKeystore(ports),
    writeKeystoreCompanion: new WriteKeystoreCompanion(ports),
  };
}
