import type { CertificateRecord } from '../state/CertificateRecord.js';
import { el } from '../xml/XmlElement.js';
import type { XmlElement } from '../xml/XmlElement.js';
import { NS } from '../xml/namespaces.js';
import { certificateStatus, etkStatus, replacementPeriodStart } from './certificateStatus.js';
import { actorElement, contactElement, xsDateTime } from './writeMessage.js';

/** A certra core CertificateInfoType for one record at `now` (DOMAIN.md 2.3). */
export function certificateInfo(ns: string, r: CertificateRecord, now: Date, issuerDn: string): XmlElement {
  const C = NS.certraCore;
  const status = certificateStatus(r, now);
  const start = r.notAfter ? replacementPeriodStart(new Date(r.notAfter)) : undefined;
  const replaceable = status === 'VALID_ACTIVE' && start !== undefined && start <= now;
  return el(ns, 'CertificateInfo', [
    el(C, 'RequestedDate', xsDateTime(new Date(r.requestedAt))),
    el(C, 'PublicKeyIdentifier', r.publicKeyIdentifier.toUpperCase()),
    el(C, 'CertificateEntity', [el(C, 'CertificateIdentifier', [actorElement(C, 'Actor', r.actor), r.applicationId ? el(C, 'ApplicationId', r.applicationId) : undefined])], {
      EntityType: r.entityType,
    }),
    el(C, 'AuthenticationCertificateStatus', status),
    el(C, 'ETKStatus', etkStatus(r, now)),
    el(C, 'AutomaticallyValidated', String(r.automaticallyValidated)),
    r.certificate && r.notBefore && r.notAfter && r.serialHex
      ? el(C, 'AuthenticationCertificateDetails', [
          el(C, 'SerialNumber', BigInt(`0x${r.serialHex}`).toString(10)),
          el(C, 'DN', r.dn),
          el(C, 'IssuerDN', issuerDn),
          el(C, 'ValidNotBefore', xsDateTime(new Date(r.notBefore))),
          el(C, 'ValidNotAfter', xsDateTime(new Date(r.notAfter))),
        ])
      : undefined,
    el(C, 'Revocable', String(status === 'VALID_ACTIVE')),
    el(C, 'Replaceable', String(replaceable)),
    start && status === 'VALID_ACTIVE' ? el(C, 'ReplacementPeriodStartDate', xsDateTime(start)) : undefined,
    contactElement(C, 'ContactData', r.contactData),
    ...r.baseServiceUsage.map((u) => el(C, 'BaseServiceUsage', u)),
  ]);
}
