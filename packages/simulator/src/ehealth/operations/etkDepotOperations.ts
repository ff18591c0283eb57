import type { Element } from '@xmldom/xmldom';
import { NS } from '../xml/namespaces.js';
import { childText, children } from '../xml/parseSoapRequest.js';
import { el } from '../xml/XmlElement.js';
import type { XmlElement } from '../xml/XmlElement.js';
import { certificateStatus } from './certificateStatus.js';
import type { Operation } from './Operation.js';

const D = NS.etkdepot;

interface Criterion {
  type: string;
  value: string;
  applicationId?: string;
}

function read(e: Element): Criterion {
  return { type: childText(e, D, 'Type') ?? '', value: childText(e, D, 'Value') ?? '', applicationId: childText(e, D, 'ApplicationID') };
}

function criterionElement(name: string, c: Criterion): XmlElement {
  return el(D, name, [el(D, 'Type', c.type), el(D, 'Value', c.value), c.applicationId ? el(D, 'ApplicationID', c.applicationId) : undefined]);
}

/** ETKDepot v1 GetEtk: the active ETK of an identifier (DOMAIN.md 2.6). */
export const etkDepotOperations: Operation[] = [
  {
    name: 'GetEtk',
    service: '/EtkDepot/v1',
    ns: D,
    response: 'depot',
    async run(ctx, request) {
      await ctx.tick();
      const criteria = children(request.payload.getElementsByTagNameNS(D, 'SearchCriteria')[0] as Element, D, 'Identifier').map(read);
      const now = ctx.clock.now();
      const given = el(D, 'GivenSearchCriteria', criteria.map((c) => criterionElement('Identifier', c)));
      // One identifier per search in practice; the first one decides.
      const c = criteria[0] as Criterion;
      const active = [...ctx.records.values()]
        .filter((r) => r.actor.ids.some((i) => i.type === c.type && i.value === c.value) && certificateStatus(r, now) === 'VALID_ACTIVE')
        .flatMap((r) => r.etks.filter((e) => e.status === 'VALID_ACTIVE').map((e) => ({ r, e })))
        .sort((a, b) => a.e.registeredAt.localeCompare(b.e.registeredAt));
      const wanted = (c.applicationId ?? '').toUpperCase();
      const exact = active.filter((x) => (x.r.applicationId ?? '') === wanted).at(-1);
      if (exact) return [given, el(D, 'ETK', exact.e.etk)];
      const appIds = [...new Set(active.map((x) => x.r.applicationId).filter((a): a is string => !!a))];
      if (!c.applicationId && appIds.length > 0) {
        // Without ApplicationID but only application-specific ETKs: list them (XSD MatchingEtk).
        return [given, ...appIds.map((a) => el(D, 'MatchingEtk', [criterionElement('Identifier', { ...c, applicationId: a })]))];
      }
      return [given, el(D, 'Error', [el(D, 'Code', 'NOT_FOUND'), el(D, 'Message', `no active ETK for ${c.type}=${c.value}${c.applicationId ? ` (${c.applicationId})` : ''}`)])];
    },
  },
];
