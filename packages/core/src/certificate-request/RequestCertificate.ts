import type { ContactDataInput } from '../contact/validateContactData.js';
import type { Actor, ManageableOrganisation } from '../ports/CertificateRegistry.js';
import type { Identifier } from '../identifiers/Identifier.js';
import { validateContactData } from '../contact/validateContactData.js';
import { parseIdentifier } from '../identifiers/parseIdentifier.js';
import { checkKeystorePassword } from '../password/checkKeystorePassword.js';
import { validateApplicationId } from '../distinguished-name/validateApplicationId.js';
import { EhealthCertError } from '../errors/EhealthCertError.js';
import {
  holderActor,
  settingsOf,
  submitCertificateRequest,
  type RequestPorts,
  type RequestSettings,
  type SubmittedCertificateRequest,
} from './submitCertificateRequest.js';
import { trackStep } from './trackStep.js';
import { MAX_ORGANISATION_NAME, validateBaseServiceUsages, validateFreeText } from '../distinguished-name/validateFreeText.js';
import { inLanguage } from '../text/inLanguage.js';

/** Whose certificate: an organisation from GetActorQualities (8A), one typed in (8M), or the holder. */
export type OrganisationChoice =
  | { readonly kind: 'listed'; readonly organisation: ManageableOrganisation }
  | { readonly kind: 'manual'; readonly identifierType: string; readonly identifierValue: string; readonly officialName: string }
  | { readonly kind: 'personal' };

/** What the person gave at manual steps 8-11, plus who approves and types the PIN. */
export interface RequestCertificateInput extends RequestSettings {
  readonly organisation: OrganisationChoice;
  readonly applicationId?: string;
  readonly contactData: ContactDataInput;
}

/**
 * Manual steps 10-15: validates everything before touching the card or eHealth, then contract,
 * key, keystore, GenerateCertificate (ARCHITECTURE.md "RequestCertificate").
 */
export class RequestCertificate {
  constructor(private readonly ports: RequestPorts) {}

  async execute(input: RequestCertificateInput): Promise<SubmittedCertificateRequest> {
    const { progress } = this.ports;
    // Everything the person typed is checked before the first card or eHealth call.
    const contactData = await trackStep(progress, '10', 'contact.validate', () => validateContactData(input.contactData));
    const applicationId = input.applicationId?.trim() ? validateApplicationId(input.applicationId) : undefined;
    // Issue 13: every free text for eHealth is checked here, before the card, a key or eHealth.
    if (input.organisation.kind !== 'personal') validateFreeText(organisationName(input.organisation), 'officialName', MAX_ORGANISATION_NAME);
    // Their syntax here, before the card; what eHealth allows for the type in submitCertificateRequest.
    const baseServiceUsages = validateBaseServiceUsages(input.baseServiceUsages);
    const chosen = chosenIdentifier(input.organisation);
    const organisationNames = input.organisation.kind === 'personal' ? [] : [organisationName(input.organisation)];
    await trackStep(progress, '11', 'password.check', () =>
      checkKeystorePassword(input.password, { identifiers: chosen ? [chosen.value] : [], names: organisationNames }),
    );

    const holder = await trackStep(progress, '5', 'card.readHolder', () => this.ports.card.readHolder());
    // The holder's names and SSIN are known only now; still before any eHealth call.
    checkKeystorePassword(input.password, {
      identifiers: [holder.ssin, ...(chosen ? [chosen.value] : [])],
      names: [holder.givenNames, holder.surname, ...organisationNames],
    });

    const identifier: Identifier = chosen ?? { type: 'SSIN', value: holder.ssin };
    const actor: Actor =
      input.organisation.kind === 'personal' ? holderActor(holder) : { ids: [identifier], name: organisationName(input.organisation) };
    return submitCertificateRequest(this.ports, {
      holder,
      actor,
      identifier,
      ...(applicationId ? { applicationId } : {}),
      contactData,
      ...settingsOf(input),
      ...(baseServiceUsages !== undefined ? { baseServiceUsages } : {}),
      renewal: false,
    });
  }
}

/** The organisation's identifier checked against its type's rule; undefined for a personal certificate. */
export function chosenIdentifier(choice: OrganisationChoice): Identifier | undefined {
  switch (choice.kind) {
    case 'listed':
      return parseIdentifier(choice.organisation.identifier.type, choice.organisation.identifier.value, 'organisation');
    case 'manual':
      if (!choice.officialName.trim()) {
        throw new EhealthCertError('INVALID_INPUT', 'The organisation\'s official name is required (manual step 9M).', { field: 'officialName' });
      }
      return parseIdentifier(choice.identifierType, choice.identifierValue, 'organisation');
    case 'personal':
      return undefined;
  }
}

/** The organisation's name as the certificate's actor carries it. */
export function organisationName(choice: Exclude<OrganisationChoice, { kind: 'personal' }>): string {
  if (choice.kind === 'manual') return choice.officialName.trim();
  return inLanguage(choice.organisation.name);
}
