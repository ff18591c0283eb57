import type { CertificateRegistry, OrganisationType } from '../ports/CertificateRegistry.js';
import type { Progress } from '../ports/Progress.js';
import { EhealthCertError } from '../errors/EhealthCertError.js';
import { validateBaseServiceUsages } from '../distinguished-name/validateFreeText.js';
import { trackStep } from './trackStep.js';

/**
 * Issue 13: the base services (BaseServiceUsage) of a request are checked, for every front end and
 * before a key is made or GenerateContract is sent, against what eHealth allows for the
 * certificate's organisation type: GetGenericOrganizationTypes' `AvailableBaseService` of that
 * type (DOMAIN.md 2.3: "allowed values per org type come from AvailableBaseService"). A personal
 * certificate (SSIN) has no organisation type there: any service some type allows is accepted.
 * No base service, no eHealth call; a syntax error (validateBaseServiceUsages), no eHealth call.
 * Returns the trimmed values.
 */
export async function checkBaseServices(
  ports: { readonly registry: CertificateRegistry; readonly progress: Progress },
  identifierType: string,
  values: readonly string[],
): Promise<string[]> {
  const services = validateBaseServiceUsages(values);
  services.forEach((service, index) => {
    if (services.indexOf(service) !== index) {
      throw new EhealthCertError('INVALID_INPUT', `baseServiceUsages[${index}] "${service}" is given twice`, {
        field: `baseServiceUsages[${index}]`,
        value: service,
        rule: 'unique',
      });
    }
  });
  if (services.length === 0) return services;
  const types = await trackStep(ports.progress, '10', 'ehealth.GetGenericOrganizationTypes', () => ports.registry.getGenericOrganizationTypes());
  const type = types.find((t) => t.identifierType === identifierType);
  const allowed = type === undefined ? anyTypeAllows(types) : [...type.availableBaseServices];
  services.forEach((service, index) => {
    if (allowed.includes(service)) return;
    const whose = type === undefined ? 'any organisation type' : `organisation type ${identifierType}`;
    throw new EhealthCertError(
      'INVALID_INPUT',
      `baseServiceUsages[${index}] "${service}" is not a base service eHealth allows for ${whose} (allowed: ${allowed.length === 0 ? 'none' : allowed.join(', ')})`,
      { field: `baseServiceUsages[${index}]`, value: service, rule: 'available-base-service', allowed, organisationType: identifierType },
    );
  });
  return services;
}

function anyTypeAllows(types: readonly OrganisationType[]): string[] {
  return [...new Set(types.flatMap((t) => t.availableBaseServices))];
}
