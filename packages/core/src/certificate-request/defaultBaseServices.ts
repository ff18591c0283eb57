import type { CertificateRegistry, OrganisationType } from '../ports/CertificateRegistry.js';

/**
 * The base services a request uses when the person names none: those eHealth lists for the
 * organisation's type (GetGenericOrganizationTypes' `AvailableBaseService`, DOMAIN.md 2.3: "only
 * services listed here will be accepted for this organization type"). The manual never asks them,
 * so pressing Enter, or leaving them out of a script or an API call, gives this list; a personal
 * certificate (SSIN) has no organisation type and gets none.
 */
export function defaultBaseServices(types: readonly OrganisationType[], identifierType: string): string[] {
  return [...(types.find((t) => t.identifierType === identifierType)?.availableBaseServices ?? [])];
}

/** The default of `defaultBaseServices`, asking eHealth for the types (unsigned, no PIN) only for an organisation. */
export async function defaultBaseServicesFor(registry: CertificateRegistry, identifierType: string): Promise<string[]> {
  if (identifierType === 'SSIN') return [];
  return defaultBaseServices(await registry.getGenericOrganizationTypes(), identifierType);
}
