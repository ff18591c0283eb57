import { X509Certificate } from 'node:crypto';
import { EhealthRefusal } from '../EhealthRefusal.js';
import { buildEtk } from '../etk/buildEtk.js';
import { etkChallenge, readEncryptionKey } from '../etk/etkChallenge.js';
import { readCertificate } from '../pki/readCertificate.js';
import type { CertificateFacts } from '../pki/readCertificate.js';
import { NS } from '../xml/namespaces.js';
import { childText } from '../xml/parseSoapRequest.js';
import { el } from '../xml/XmlElement.js';
import { certificateStatus } from './certificateStatus.js';
import type { Operation } from './Operation.js';
import { requireEhealthSigner } from './requireSigner.js';

const E = NS.etkra;

function op(name: string, soapAction: string, run: Operation['run']): Operation {
  return { name, service: '/EtkRa/v2', ns: E, soapAction, response: 'status', run };
}

const stripZeros = (hex: string) => hex.replace(/^(00)+/, '') || '0';

function refuse(message: string): never {
  throw new EhealthRefusal('INVALID_ENCRYPTION_CERTIFICATE', message);
}

/** The EtkRA v2 operations (DOMAIN.md 2.5). */
export const etkRaOperations: Operation[] = [
  op('StartETKRegistration', 'urn:be:fgov:ehealth:etee:etkra:protocol:v2:startETKRegistration', async (ctx, request) => {
    await ctx.tick();
    const r = requireEhealthSigner(ctx, request, { mustBeActive: true });
    const spki = Buffer.from(childText(request.payload, E, 'PublicEncryptionKey') ?? '', 'base64');
    const key = readEncryptionKey(spki);
    const serial = ctx.random.bytes(16);
    r.pendingEtk = { serialHex: serial.toString('hex'), spki: spki.toString('base64') };
    return [el(E, 'Challenge', etkChallenge(key, serial).toString('base64'))];
  }),

  op('CompleteETKRegistration', 'urn:be:fgov:ehealth:etee:etkra:protocol:v2:completeETKregistration', async (ctx, request) => {
    await ctx.tick();
    const r = requireEhealthSigner(ctx, request, { mustBeActive: true });
    const pending = r.pendingEtk;
    if (!pending) throw new EhealthRefusal('NO_PENDING_REGISTRATION', 'call StartETKRegistration with this authentication certificate first');
    const der = Buffer.from(childText(request.payload, E, 'ToBeRegistered') ?? '', 'base64');
    let enc: CertificateFacts;
    try {
      enc = readCertificate(der);
    } catch {
      refuse('ToBeRegistered is not a DER X.509 certificate');
    }
    // The encryption certificate of DOMAIN.md 2.5, as the connector's CertificateUtils.generateCert builds it.
    const auth = readCertificate(Buffer.from(r.certificate as string, 'base64'));
    if (enc.subjectDn !== auth.subjectDn || enc.issuerDn !== auth.subjectDn) refuse(`issuer and subject must both be "${auth.subjectDn}", got "${enc.issuerDn}" / "${enc.subjectDn}"`);
    if (stripZeros(enc.serialHex) !== stripZeros(pending.serialHex)) refuse('the serial number is not the one of the challenge');
    if (enc.notBefore.getTime() !== auth.notBefore.getTime() || enc.notAfter.getTime() !== auth.notAfter.getTime()) refuse('the validity must be the one of the authentication certificate');
    if (!enc.keyUsage?.critical || !enc.keyUsage.keyEncipherment || !enc.keyUsage.dataEncipherment) refuse('KeyUsage must be critical keyEncipherment + dataEncipherment');
    const spki = Buffer.from(enc.pkijs.subjectPublicKeyInfo.toSchema().toBER(false));
    if (!spki.equals(Buffer.from(pending.spki, 'base64'))) refuse('the public key is not the one sent to StartETKRegistration');
    if (!enc.x509.verify(new X509Certificate(auth.der).publicKey)) refuse('it must be signed with the authentication key');
    const now = ctx.clock.now();
    const replaced = r.replaces ? ctx.records.get(r.replaces) : undefined;
    // ToBeActivated when the new ETK replaces one still valid (DOMAIN.md 2.5).
    const stillValid = (x: typeof r | undefined) => x !== undefined && certificateStatus(x, now) === 'VALID_ACTIVE' && x.etks.some((e) => e.status === 'VALID_ACTIVE');
    const toBeActivated = stillValid(r) || stillValid(replaced);
    const etk = await buildEtk(der, ctx.ca.etkRaDer, ctx.ca.etkRaKey, [auth.der, ctx.ca.issuingDer, ctx.ca.rootDer], now);
    r.etks.forEach((e) => {
      if (e.status === 'WAIT_FOR_ACTIVATION') e.status = 'REVOKED';
    });
    r.etks.push({ serialHex: enc.serialHex, etk: Buffer.from(etk).toString('base64'), status: toBeActivated ? 'WAIT_FOR_ACTIVATION' : 'VALID_ACTIVE', registeredAt: now.toISOString() });
    r.pendingEtk = undefined;
    return [el(E, 'ETK', Buffer.from(etk).toString('base64')), el(E, 'ToBeActivated', String(toBeActivated))];
  }),

  op('ActivateETK', 'urn:be:fgov:ehealth:etee:etkra:protocol:v2:activateETK', async (ctx, request) => {
    await ctx.tick();
    const r = requireEhealthSigner(ctx, request, { mustBeActive: true });
    const waiting = r.etks.find((e) => e.status === 'WAIT_FOR_ACTIVATION');
    if (!waiting) throw new EhealthRefusal('NO_ETK_TO_ACTIVATE', `certificate ${r.publicKeyIdentifier.toUpperCase()} has no ETK waiting for activation`);
    r.etks.forEach((e) => {
      if (e !== waiting && e.status === 'VALID_ACTIVE') e.status = 'REVOKED';
    });
    waiting.status = 'VALID_ACTIVE';
    return [];
  }),
];
