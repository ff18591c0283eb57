import { normaliseDnName } from '../contract/buildDn.js';
import type { AuthenticSources } from '../sources/AuthenticSources.js';
import type { CertificateRecord } from '../state/CertificateRecord.js';

/** The support team's verdict on a manual request: approve, or refuse with a reason for the e-mail. */
export type ManualReview = { readonly decision: 'APPROVED' } | { readonly decision: 'REFUSED'; readonly reason: string };

/**
 * What the eHealth support team checks before approving a manual request (DOMAIN.md 2.4 item 5,
 * ambulance manual step 9M: "the name must be the official name in the CBE; the identifier is
 * the NIHII number of the AMBULANCE SERVICE, not of the hospital"): the typed identifier must
 * belong to an organisation of the typed type in the authentic sources, and the typed name must
 * be its official name (French or Dutch), compared as the DN name OU is written (normaliseDnName:
 * no case, no diacritics, single spaces). A personal
 * request (SSIN) was already proven by the eID and is approved.
 */
export function reviewManualRequest(sources: AuthenticSources, r: Pick<CertificateRecord, 'entityType' | 'actor'>): ManualReview {
  if (r.entityType === 'NaturalPerson') return { decision: 'APPROVED' };
  const id = r.actor.ids[0];
  if (!id) return { decision: 'REFUSED', reason: 'the request carries no organisation identifier' };
  const typed = r.actor.name;
  const organization = sources.organization({ type: id.type, value: id.value });
  if (!organization) {
    const others = sources.organizationsWithId(id.value);
    const other = others[0];
    if (other) {
      return {
        decision: 'REFUSED',
        reason:
          `${id.value} is the ${other.type} identifier of "${other.name}", not the identifier of a ${id.type}: ` +
          `give the identifier of the organisation itself (for an ambulance service, the NIHII number of the ambulance service, not of its hospital)`,
      };
    }
    return { decision: 'REFUSED', reason: `no organisation of type ${id.type} has the identifier ${id.value} in the CBE / NIHII registers` };
  }
  const official = [organization.name, organization.nameNl].filter((n): n is string => n !== undefined);
  if (!official.some((n) => normaliseDnName(n) === normaliseDnName(typed))) {
    return { decision: 'REFUSED', reason: `the name "${typed}" is not the official name in the CBE of ${id.type} ${id.value}, "${organization.name}"` };
  }
  return { decision: 'APPROVED' };
}
