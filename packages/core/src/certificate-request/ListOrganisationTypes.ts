import type { CertificateRegistry, OrganisationType } from '../ports/CertificateRegistry.js';
import type { ManualStep, Progress } from '../ports/Progress.js';
import { EhealthCertError } from '../errors/EhealthCertError.js';
import { ORGANISATION_IDENTIFIER_TYPES } from '../identifiers/ORGANISATION_IDENTIFIER_TYPES.js';
import { trackStep } from './trackStep.js';

/** The organisation types, and whether they come from eHealth or from the local table. */
export type OrganisationTypes =
  | { readonly source: 'ehealth'; readonly types: readonly OrganisationType[] }
  | { readonly source: 'local'; readonly types: readonly OrganisationType[]; readonly reason: string };

/**
 * Manual steps 8M-9M: GetGenericOrganizationTypes (authoritative, DOMAIN.md 4.2); when eHealth is
 * unavailable, the local table of DOMAIN.md 4.2 so that the person can still type an identifier.
 */
export class ListOrganisationTypes {
  constructor(private readonly ports: { readonly registry: CertificateRegistry; readonly progress: Progress }) {}

  /** `step`: the manual step it serves (8M; 10 when the wizard needs a listed organisation's base services). */
  async execute(input: { readonly step?: ManualStep } = {}): Promise<OrganisationTypes> {
    try {
      const types = await trackStep(this.ports.progress, input.step ?? '8M', 'ehealth.GetGenericOrganizationTypes', () =>
        this.ports.registry.getGenericOrganizationTypes(),
      );
      return { source: 'ehealth', types };
    } catch (error) {
      if (!EhealthCertError.is(error, 'EHEALTH_UNAVAILABLE')) throw error;
      const types = ORGANISATION_IDENTIFIER_TYPES.filter((t) => t.type !== 'SSIN').map(
        (t): OrganisationType => ({
          name: t.description,
          identifierType: t.type,
          validationRegEx: `[0-9]{${t.length}}`,
          checkDigitAlgorithms: [],
          availableBaseServices: [],
        }),
      );
      return { source: 'local', types, reason: error.message };
    }
  }
}
