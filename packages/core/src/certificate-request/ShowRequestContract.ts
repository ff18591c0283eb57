import type { ContactDataInput } from '../contact/validateContactData.js';
import type { Actor, LocalizedText } from '../ports/CertificateRegistry.js';
import type { Identifier } from '../identifiers/Identifier.js';
import type { UseCasePorts } from '../ports/UseCasePorts.js';
import { validateContactData } from '../contact/validateContactData.js';
import { validateApplicationId } from '../distinguished-name/validateApplicationId.js';
import { certificateName } from '../distinguished-name/certificateName.js';
import { htmlToText } from '../contract/htmlToText.js';
import { chosenIdentifier, organisationName, type OrganisationChoice } from './RequestCertificate.js';
import { holderActor } from './submitCertificateRequest.js';
import { trackStep } from './trackStep.js';

/** What a contract is asked for: the same organisation, application id and contact data as the request. */
export interface ShowRequestContractInput {
  readonly organisation: OrganisationChoice;
  readonly applicationId?: string;
  readonly contactData: ContactDataInput;
}

/** The terms eHealth asks the person to accept before a request is sent (manual steps 4 and 12). */
export interface RequestContract {
  /** The DN the certificate will carry. */
  readonly dn: string;
  readonly certificateName: string;
  /** The contract as eHealth wrote it: HTML per language (FR/NL, sometimes EN/DE). */
  readonly html: LocalizedText;
  /** The same as plain text (paragraphs, list dashes), for a client that does not render HTML. */
  readonly text: LocalizedText;
}

/**
 * GenerateContract without sending anything (DOMAIN.md 2.3, 2.4 item 7): checks the input like
 * RequestCertificate, reads the holder from the card (no PIN), and returns the terms to show before
 * the person accepts them (`acceptTerms: true`, `--accept-terms`). No key, no keystore, no record.
 */
export class ShowRequestContract {
  constructor(private readonly ports: Pick<UseCasePorts, 'card' | 'registry' | 'progress'>) {}

  async execute(input: ShowRequestContractInput): Promise<RequestContract> {
    const { progress } = this.ports;
    const contactData = await trackStep(progress, '10', 'contact.validate', () => validateContactData(input.contactData));
    const applicationId = input.applicationId?.trim() ? validateApplicationId(input.applicationId) : undefined;
    const chosen = chosenIdentifier(input.organisation);
    const holder = await trackStep(progress, '5', 'card.readHolder', () => this.ports.card.readHolder());
    const identifier: Identifier = chosen ?? { type: 'SSIN', value: holder.ssin };
    const actor: Actor =
      input.organisation.kind === 'personal' ? holderActor(holder) : { ids: [identifier], name: organisationName(input.organisation) };
    const contract = await trackStep(progress, '12', 'ehealth.GenerateContract', () =>
      this.ports.registry.generateContract({
        contactData,
        signer: holderActor(holder),
        certificateIdentifier: { actor, ...(applicationId ? { applicationId } : {}) },
      }),
    );
    const text = Object.fromEntries(Object.entries(contract.text).flatMap(([language, html]) => (html ? [[language, htmlToText(html)]] : []))) as LocalizedText;
    return { dn: contract.dn, certificateName: certificateName(identifier, applicationId), html: contract.text, text };
  }
}
