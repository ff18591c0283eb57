import { parseIdentifier } from '@ehealth-cert/core';
import * as pkijs from 'pkijs';
import { buildDn } from '../contract/buildDn.js';
import { contractFingerprint } from '../contract/contractFingerprint.js';
import { escapeValueEquals, unescapeValueEquals } from '../contract/dnForms.js';
import { contractText, revocationText } from '../contract/contractText.js';
import { EhealthRefusal } from '../EhealthRefusal.js';
import { engine } from '../pki/cryptoEngine.js';
import { formatRfc2253 } from '../pki/formatRfc2253.js';
import { publicKeyIdentifierOf, readCertificate } from '../pki/readCertificate.js';
import { organizationTypes } from '../sources/organizationTypes.js';
import type { Actor, CertificateRecord } from '../state/CertificateRecord.js';
import { NS } from '../xml/namespaces.js';
import { childText, children } from '../xml/parseSoapRequest.js';
import { el } from '../xml/XmlElement.js';
import { certificateInfo } from './certificateInfo.js';
import { certificateStatus, replacementPeriodStart } from './certificateStatus.js';
import type { Operation } from './Operation.js';
import { readActor, readContactData, readText, req } from './readMessage.js';
import { requireEhealthSigner, requireEidSigner, requireSignerMatches } from './requireSigner.js';
import type { SimulatorContext } from './SimulatorContext.js';
import { actorElement, textElement, xsDateTime } from './writeMessage.js';

const P = NS.certra;
const C = NS.certraCore;
const BASE_SERVICES = new Set(['tsa', 'consultrn', 'codage', 'other']);

function op(name: string, soapAction: string, run: Operation['run'], response: Operation['response'] = 'status'): Operation {
  return { name, service: '/CertRa/v2', ns: P, soapAction, response, run };
}

function record(ctx: SimulatorContext, pkiHex: string): CertificateRecord {
  const r = ctx.records.get(pkiHex.toLowerCase());
  if (!r) throw new EhealthRefusal('UNKNOWN_PUBLIC_KEY_IDENTIFIER', `no certificate request has PublicKeyIdentifier ${pkiHex}`);
  return r;
}

function signerName(a: Actor): string {
  return [...a.firstNames, a.name].join(' ');
}

/** May `ssin` manage the certificate of `r` (own personal certificate, or mandated for the organisation)? */
function mayManage(ctx: SimulatorContext, ssin: string, r: CertificateRecord): boolean {
  if (r.entityType === 'NaturalPerson') return r.actor.ids.some((i) => i.type === 'SSIN' && i.value === ssin);
  const id = r.actor.ids[0];
  return r.signerSsin === ssin || (id !== undefined && ctx.sources.mayManage(ssin, { type: id.type, value: id.value }));
}

function mail(ctx: SimulatorContext, r: CertificateRecord, kind: Parameters<SimulatorContext['mailbox']['send']>[0]['kind'], subject: string, body: string): void {
  ctx.mailbox.sendAbout(r, ctx.clock.now(), kind, subject, body);
}

/** The CertRA v2 operations (DOMAIN.md 2.3). */
export const certRaOperations: Operation[] = [
  op('GetActorQualities', 'urn:be:fgov:ehealth:certra:protocol:v2:getActorQualities', async (ctx, request) => {
    const eid = requireEidSigner(ctx, request, 'authentication');
    const ssin = childText(request.payload, P, 'SSIN') ?? '';
    if (ssin !== eid.ssin) throw new EhealthRefusal('SIGNER_MISMATCH', `SSIN "${ssin}" is not the SSIN of the signing eID "${eid.ssin}"`);
    const person = ctx.sources.person(ssin);
    return [
      el(P, 'NaturalPersonAuthorization', String(person?.healthcareProfessional === true)),
      ...ctx.sources.mandatedOrganizations(ssin).map((o) =>
        el(P, 'OrganizationAuthorization', [textElement(C, 'Name', { fr: o.name, nl: o.nameNl ?? o.name }), el(C, 'Identifier', o.id, { Type: o.type })]),
      ),
    ];
  }),

  op('GetGenericOrganizationTypes', 'urn:be:fgov:ehealth:certra:protocol:v2:getGenericOrganizationTypes', async () =>
    organizationTypes.map((t) =>
      el(P, 'OrganizationType', [
        textElement(C, 'Name', { fr: t.names.fr, nl: t.names.nl, en: t.names.en }),
        el(C, 'IdentifierType', t.identifierType),
        el(C, 'ValidationRegEx', t.validationRegEx),
        ...t.checkDigitAlgorithms.map((a) => el(C, 'CheckDigitAlgorithm', a)),
        ...t.availableBaseServices.map((s) => el(C, 'AvailableBaseService', s)),
      ]),
    ),
  ),

  op(
    'GetExistingApplicationIds',
    'urn:be:fgov:ehealth:etee:certra:protocol:v2:getexistingapplicationids',
    async (ctx, request) => {
      const idEl = req(request.payload, P, 'OrganizationIdentifier');
      const type = idEl.getAttribute('Type') ?? '';
      const value = (idEl.textContent ?? '').trim();
      const now = ctx.clock.now();
      const ids = [...ctx.records.values()]
        .filter((r) => r.entityType === 'Organization' && r.actor.ids.some((i) => i.type === type && i.value === value))
        .filter((r) => ['IN_PROGRESS', 'VALID_ACTIVE'].includes(certificateStatus(r, now)))
        .map((r) => r.applicationId);
      return [...new Set(ids)].map((a) => (a === undefined ? el(P, 'ApplicationId', '', { 'xsi:nil': 'true' }) : el(P, 'ApplicationId', a)));
    },
    'plain',
  ),

  op('GenerateContract', 'urn:be:fgov:ehealth:certra:protocol:v2:generateContract', async (ctx, request) => {
    const contact = readContactData(req(request.payload, P, 'ContactData'));
    const signer = readActor(req(request.payload, P, 'Signer'));
    const certId = req(request.payload, P, 'CertificateIdentifier');
    const actor = readActor(req(certId, C, 'Actor'));
    const applicationIdRaw = childText(certId, C, 'ApplicationId');
    if (!contact.emailPrivate.includes('@')) throw new EhealthRefusal('INVALID_CONTACT_DATA', `EmailPrivate "${contact.emailPrivate}" is not an e-mail address`);
    const signerSsin = signer.ids.find((i) => i.type === 'SSIN')?.value;
    if (!signerSsin) throw new EhealthRefusal('INVALID_SIGNER', 'Signer must carry an Id of Type SSIN');
    const id = actor.ids[0] as { type: string; value: string };
    let identifier;
    try {
      identifier = parseIdentifier(id.type, id.value, 'CertificateIdentifier/Actor/Id');
    } catch (e) {
      throw new EhealthRefusal('INVALID_IDENTIFIER', (e as Error).message);
    }
    const entityType = identifier.type === 'SSIN' ? 'NaturalPerson' : 'Organization';
    let name: string;
    let applicationId: string | undefined;
    if (entityType === 'NaturalPerson') {
      if (identifier.value !== signerSsin) throw new EhealthRefusal('NOT_AUTHORIZED', `a personal certificate can only be requested by its holder: Actor SSIN ${identifier.value} is not Signer SSIN ${signerSsin}`);
      if (applicationIdRaw !== undefined) throw new EhealthRefusal('INVALID_APPLICATION_ID', 'ApplicationId is only for organisations (DOMAIN.md 2.3)');
      name = signerName(signer);
    } else {
      if (!organizationTypes.some((t) => t.identifierType === identifier.type)) throw new EhealthRefusal('INVALID_IDENTIFIER', `"${identifier.type}" is not an organisation type`);
      // Known organisations get their official name; the "manual" path takes the typed one (DOMAIN.md 2.4 item 5).
      name = ctx.sources.organization(identifier)?.name ?? actor.name;
      if (applicationIdRaw !== undefined) {
        applicationId = applicationIdRaw.toUpperCase();
        if (!/^[0-9A-Z_-]{1,30}$/.test(applicationId)) throw new EhealthRefusal('INVALID_APPLICATION_ID', `ApplicationId "${applicationIdRaw}" must match [0-9A-Z-_]{1,30} after upper-casing (DOMAIN.md 2.4 item 6)`);
      }
    }
    const dn = buildDn(identifier.type, identifier.value, name, applicationId);
    const texts = contractText(dn, signerName(signer), xsDateTime(ctx.clock.now()));
    const storedActor: Actor = { ids: [{ type: identifier.type, value: identifier.value }], firstNames: actor.firstNames, name: actor.name };
    ctx.contracts.set(contractFingerprint({ dn, signer, texts }), { kind: 'certificate', entityType, actor: storedActor, applicationId });
    // The fixture switch `contractDn: unescaped` writes `CN=SSIN=...` (issue 12 point 2); the fingerprint keeps the escaped form.
    const written = ctx.sources.contractDn === 'unescaped' ? unescapeValueEquals(dn) : dn;
    return [el(P, 'Contract', [el(C, 'DN', written), actorElement(C, 'Signer', signer), textElement(C, 'Text', texts)])];
  }),

  op('GenerateCertificate', 'urn:be:fgov:ehealth:etee:certra:protocol:v2:generatecertificate', async (ctx, request) => {
    const eid = requireEidSigner(ctx, request, 'signature');
    const csrEl = req(request.payload, P, 'EHealthCSR');
    const contractEl = req(csrEl, C, 'Contract');
    // Either form of the DN is the same contract; the CSR subject must be the DN as sent back, byte for byte.
    const sentDn = childText(contractEl, C, 'DN') ?? '';
    const dn = escapeValueEquals(sentDn);
    const signer = readActor(req(contractEl, C, 'Signer'));
    const contract = ctx.contracts.get(contractFingerprint({ dn, signer, texts: readText(req(contractEl, C, 'Text')) }));
    if (!contract || contract.kind !== 'certificate') throw new EhealthRefusal('CONTRACT_MODIFIED', 'the Contract is not one GenerateContract returned, or it was changed');
    requireSignerMatches(signer, eid);
    let csr: pkijs.CertificationRequest;
    try {
      csr = pkijs.CertificationRequest.fromBER(Uint8Array.from(Buffer.from(childText(csrEl, C, 'CSR') ?? '', 'base64')));
    } catch {
      throw new EhealthRefusal('INVALID_CSR', 'CSR is not a DER PKCS#10 request');
    }
    if (!(await csr.verify(engine).catch(() => false))) throw new EhealthRefusal('INVALID_CSR', 'the CSR signature does not verify');
    const alg = csr.subjectPublicKeyInfo.algorithm.algorithmId;
    const key = csr.subjectPublicKeyInfo.parsedKey;
    const bits = alg === '1.2.840.113549.1.1.1' && key instanceof pkijs.RSAPublicKey ? modulusBits(key) : 0;
    if (bits < 2048) throw new EhealthRefusal('WEAK_KEY', `the CSR key must be RSA of at least 2048 bits (DOMAIN.md 2.4 item 8), got ${alg === '1.2.840.113549.1.1.1' ? `RSA ${bits}` : alg}`);
    const subject = formatRfc2253(csr.subject);
    if (subject !== sentDn) throw new EhealthRefusal('CSR_DN_MISMATCH', `CSR subject "${subject}" is not the contract DN "${sentDn}" byte for byte`);
    const pki = publicKeyIdentifierOf(csr.subjectPublicKeyInfo);
    if (ctx.records.has(pki)) throw new EhealthRefusal('DUPLICATE_PUBLIC_KEY', `a request with PublicKeyIdentifier ${pki.toUpperCase()} already exists`);
    const usages = children(csrEl, C, 'BaseServiceUsage').map((u) => (u.textContent ?? '').trim());
    const badUsage = usages.find((u) => !BASE_SERVICES.has(u));
    if (badUsage) throw new EhealthRefusal('INVALID_BASE_SERVICE', `BaseServiceUsage "${badUsage}" is not one of tsa, consultrn, codage, other`);
    const now = ctx.clock.now();
    await ctx.tick();
    // One active certificate per DN, except inside the replacement period (DOMAIN.md 2.3, 4.3).
    const active = [...ctx.records.values()].filter((r) => r.dn === dn && certificateStatus(r, now) === 'VALID_ACTIVE');
    let replaces: string | undefined;
    for (const a of active) {
      const start = replacementPeriodStart(new Date(a.notAfter as string));
      if (start > now) {
        throw new EhealthRefusal('ACTIVE_CERTIFICATE_EXISTS', `an active certificate exists for "${dn}" (${a.publicKeyIdentifier.toUpperCase()}); it can be replaced from ${xsDateTime(start)}`, {
          ReplacementPeriodStartDate: xsDateTime(start),
        });
      }
      replaces = a.publicKeyIdentifier;
    }
    const orgId = contract.actor.ids[0] as { type: string; value: string };
    const automaticallyValidated =
      contract.entityType === 'NaturalPerson' ? ctx.sources.person(eid.ssin)?.healthcareProfessional === true : ctx.sources.mayManage(eid.ssin, orgId);
    const { issuanceDelayMs, manualValidationDelayMs } = ctx.timings;
    const r: CertificateRecord = {
      publicKeyIdentifier: pki,
      dn,
      entityType: contract.entityType,
      actor: contract.actor,
      applicationId: contract.applicationId,
      signerSsin: eid.ssin,
      contactData: readContactData(req(csrEl, C, 'ContactData')),
      baseServiceUsage: usages,
      csr: Buffer.from(csr.toSchema().toBER(false)).toString('base64'),
      requestedAt: now.toISOString(),
      automaticallyValidated,
      validation: automaticallyValidated ? 'AUTOMATIC' : 'PENDING',
      deliverableAt: automaticallyValidated ? new Date(now.getTime() + issuanceDelayMs).toISOString() : undefined,
      autoApproveAt: !automaticallyValidated && manualValidationDelayMs !== null ? new Date(now.getTime() + manualValidationDelayMs).toISOString() : undefined,
      replaces,
      etks: [],
    };
    ctx.records.set(pki, r);
    mail(ctx, r, 'REQUEST_RECEIVED', 'eHealth: demande de certificat reçue / aanvraag ontvangen', `Request ${pki.toUpperCase()} for ${dn} received.`);
    if (!automaticallyValidated) mail(ctx, r, 'MANUAL_VALIDATION_NEEDED', 'eHealth: validation manuelle / manuele validatie', `Request ${pki.toUpperCase()} for ${dn} waits for a manual check by the eHealth support team.`);
    return [el(P, 'PublicKeyIdentifier', pki.toUpperCase()), el(P, 'AutomaticallyValidated', String(automaticallyValidated)), replaces ? el(P, 'ReplacesCertificate', replaces.toUpperCase()) : undefined];
  }),

  op('GetCertificate', 'urn:be:fgov:ehealth:etee:certra:protocol:v2:getcertificate', async (ctx, request) => {
    await ctx.tick();
    const r = record(ctx, childText(request.payload, P, 'PublicKeyIdentifier') ?? '');
    if (r.validation === 'REFUSED') throw new EhealthRefusal('REQUEST_REFUSED', `request ${r.publicKeyIdentifier.toUpperCase()} was refused by the eHealth support team: ${r.refusalReason ?? 'no reason given'}`);
    if (!r.certificate) {
      // No parameter: eHealth documents none for this error (no delivery date in the XSDs, none read
      // by the connector), so the simulator invents none (DOMAIN.md 2.3).
      throw new EhealthRefusal('CERT_NOT_YET_DELIVERED', `certificate ${r.publicKeyIdentifier.toUpperCase()} is not yet delivered`);
    }
    return [el(P, 'X509Certificate', r.certificate), el(P, 'X509Certificate', Buffer.from(ctx.ca.issuingDer).toString('base64'))];
  }),

  op('GenerateRevocationContract', 'urn:be:fgov:ehealth:certra:protocol:v2:generateRevocationContract', async (ctx, request) => {
    await ctx.tick();
    const r = record(ctx, childText(request.payload, P, 'PublicKeyIdentifier') ?? '');
    const signer = readActor(req(request.payload, P, 'Signer'));
    const reason = childText(request.payload, P, 'RevocationReason') ?? '';
    const status = certificateStatus(r, ctx.clock.now());
    if (status !== 'VALID_ACTIVE') throw new EhealthRefusal(status === 'REVOKED' ? 'CERTIFICATE_REVOKED' : 'NOT_REVOCABLE', `certificate ${r.publicKeyIdentifier.toUpperCase()} is ${status} and cannot be revoked`);
    const ssin = signer.ids.find((i) => i.type === 'SSIN')?.value ?? '';
    if (!mayManage(ctx, ssin, r)) throw new EhealthRefusal('NOT_AUTHORIZED', `SSIN ${ssin} may not manage certificate ${r.publicKeyIdentifier.toUpperCase()}`);
    const texts = revocationText(r.dn, signerName(signer), reason, xsDateTime(ctx.clock.now()));
    ctx.contracts.set(contractFingerprint({ dn: r.dn, signer, texts, reason }), { kind: 'revocation', entityType: r.entityType, actor: r.actor, publicKeyIdentifier: r.publicKeyIdentifier });
    return [el(P, 'Contract', [el(C, 'DN', r.dn), actorElement(C, 'Signer', signer), el(C, 'RevocationReason', reason), textElement(C, 'Text', texts)])];
  }),

  op('Revoke', 'urn:be:fgov:ehealth:etee:certra:protocol:v2:revoke', async (ctx, request) => {
    const eid = requireEidSigner(ctx, request, 'signature');
    await ctx.tick();
    const r = record(ctx, childText(request.payload, P, 'PublicKeyIdentifier') ?? '');
    const c = req(request.payload, P, 'Contract');
    const signer = readActor(req(c, C, 'Signer'));
    const fp = contractFingerprint({ dn: childText(c, C, 'DN') ?? '', signer, texts: readText(req(c, C, 'Text')), reason: childText(c, C, 'RevocationReason') });
    const contract = ctx.contracts.get(fp);
    if (!contract || contract.kind !== 'revocation' || contract.publicKeyIdentifier !== r.publicKeyIdentifier) {
      throw new EhealthRefusal('CONTRACT_MODIFIED', 'the Contract is not one GenerateRevocationContract returned for this certificate, or it was changed');
    }
    requireSignerMatches(signer, eid);
    const status = certificateStatus(r, ctx.clock.now());
    if (status !== 'VALID_ACTIVE') throw new EhealthRefusal(status === 'REVOKED' ? 'CERTIFICATE_REVOKED' : 'NOT_REVOCABLE', `certificate ${r.publicKeyIdentifier.toUpperCase()} is ${status} and cannot be revoked`);
    if (!mayManage(ctx, eid.ssin, r)) throw new EhealthRefusal('NOT_AUTHORIZED', `SSIN ${eid.ssin} may not manage certificate ${r.publicKeyIdentifier.toUpperCase()}`);
    // Revoking the certificate also revokes its ETK (DOMAIN.md 2.3).
    r.revokedAt = ctx.clock.now().toISOString();
    r.pendingEtk = undefined;
    r.etks.forEach((e) => (e.status = 'REVOKED'));
    ctx.contracts.delete(fp);
    mail(ctx, r, 'CERTIFICATE_REVOKED', 'eHealth: certificat révoqué / certificaat herroepen', `Certificate ${r.publicKeyIdentifier.toUpperCase()} for ${r.dn} and its ETK are revoked.`);
    return [];
  }),

  op('GetCertificateInfoForCitizen', 'urn:be:fgov:ehealth:certra:protocol:v2:getCertificateInfoForCitizen', async (ctx, request) => {
    const eid = requireEidSigner(ctx, request, 'authentication');
    await ctx.tick();
    const now = ctx.clock.now();
    const issuer = readCertificate(ctx.ca.issuingDer).subjectDn;
    return [...ctx.records.values()].filter((r) => mayManage(ctx, eid.ssin, r)).map((r) => certificateInfo(P, r, now, issuer));
  }),

  op('GetCertificateInfoForAuthenticationCertificate', 'urn:be:fgov:ehealth:etee:certra:protocol:v2:getCertificateInfoForAuthenticationCertificate', async (ctx, request) => {
    await ctx.tick();
    const r = requireEhealthSigner(ctx, request, { mustBeActive: false });
    return [certificateInfo(P, r, ctx.clock.now(), readCertificate(ctx.ca.issuingDer).subjectDn)];
  }),

  op('SubmitCSRForForeigner', 'urn:be:fgov:ehealth:certra:protocol:v2:submitCSRForForeigner', async (ctx, request) => {
    const person = readActor(req(request.payload, P, 'ForeignPerson'));
    const ssin = person.ids.find((i) => i.type === 'SSIN')?.value ?? '';
    const month = Number(ssin.slice(2, 4));
    if (!/^\d{11}$/.test(ssin) || !((month >= 20 && month <= 32) || (month >= 40 && month <= 52))) {
      throw new EhealthRefusal('INVALID_IDENTIFIER', `ForeignPerson SSIN "${ssin}" must be a BIS number (month + 20 or + 40, DOMAIN.md 5)`);
    }
    const expires = new Date(ctx.clock.now().getTime() + 30 * 24 * 3600_000);
    return [el(P, 'ValidationUrl', `https://ehealth-sim.invalid/validate/${ctx.random.id().slice(1)}`), el(P, 'ExpirationDate', xsDateTime(expires))];
  }),
];

function modulusBits(key: pkijs.RSAPublicKey): number {
  const m = key.modulus.valueBlock.valueHexView;
  let i = 0;
  while (i < m.length && m[i] === 0) i++;
  return (m.length - i) * 8 - Math.clz32(m[i] ?? 0) + 24;
}
