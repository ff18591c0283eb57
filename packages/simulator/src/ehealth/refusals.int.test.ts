import { beforeAll, describe, expect, it } from 'vitest';
import { EhealthSimulator } from './EhealthSimulator.js';
import type { EhealthSimulatorOptions } from './EhealthSimulator.js';
import { SimulatorFlow } from './testing/SimulatorFlow.js';
import { SimulatorTestBed } from './testing/SimulatorTestBed.js';
import { actor, csr, envelope, rsaKey, sign } from './testing/TestClient.js';
import { createTestEid, createUntrustedCa } from './testing/TestEid.js';
import type { TestEid } from './testing/TestEid.js';

const AMBULANCE = { type: 'NIHII-AMBU_SERVICE', value: '81234530' };
const DAY = 86_400_000;
const bed = new SimulatorTestBed({ seed: 'refusals', now: '2026-03-01T08:00:00Z', issuanceDelayMs: 0 });
const flow = (options: EhealthSimulatorOptions = {}) => bed.flow(options);

function qualities(f: SimulatorFlow, eid: TestEid, key = eid.authentication, ssin = eid.ssin) {
  return f.post('/CertRa/v2', sign(envelope('p:GetActorQualitiesRequest', `<p:SSIN Type="SSIN">${ssin}</p:SSIN>`), key.privateKeyPem, key.chain));
}

beforeAll(() => bed.setUp());

describe('signature checks', () => {
  it('refuses a request changed after signing (bad signature)', async () => {
    const f = await flow();
    const signed = sign(envelope('p:GetActorQualitiesRequest', `<p:SSIN Type="SSIN">${bed.alice.ssin}</p:SSIN>`), bed.alice.authentication.privateKeyPem, bed.alice.authentication.chain);
    const a = await f.post('/CertRa/v2', signed.replace(`>${bed.alice.ssin}<`, '>79031504521<'));
    expect(a.status).toBe(200);
    expect(a.errorCode).toBe('INVALID_SIGNATURE');
  });

  it('refuses an unsigned request that must be signed', async () => {
    const f = await flow();
    const a = await f.post('/CertRa/v2', envelope('p:GetCertificateInfoForCitizenRequest', '').xml);
    expect(a.status).toBe(500);
    expect(a.payload.localName).toBe('Fault');
  });

  it('refuses GetActorQualities signed with the eID Signature key (wrong key)', async () => {
    expect((await qualities(await flow(), bed.alice, bed.alice.signature)).errorCode).toBe('WRONG_KEY');
  });

  it('refuses GenerateCertificate signed with the eID Authentication key (wrong key)', async () => {
    const f = await flow();
    const { dn, contractXml } = await f.generateContract(bed.alice, AMBULANCE);
    expect((await f.generateCertificate(bed.alice, contractXml, await csr(dn, rsaKey()), bed.alice.authentication)).errorCode).toBe('WRONG_KEY');
  });

  it('refuses an EtkRA request signed with the eID (wrong key)', async () => {
    const f = await flow();
    const spki = rsaKey().publicKey.export({ format: 'der', type: 'spki' }).toString('base64');
    const a = await f.post('/EtkRa/v2', sign(envelope('e:StartETKRegistrationRequest', `<e:PublicEncryptionKey>${spki}</e:PublicEncryptionKey>`), bed.alice.authentication.privateKeyPem, bed.alice.authentication.chain));
    expect(a.errorCode).toBe('WRONG_KEY');
  });

  it('refuses an eID whose chain does not lead to the Belgian roots', async () => {
    const rogue = await createTestEid({ issuer: await createUntrustedCa() });
    expect((await qualities(await flow(), rogue)).errorCode).toBe('UNTRUSTED_CERTIFICATE');
  });

  it('refuses GetActorQualities for another SSIN than the card holder (wrong SSIN)', async () => {
    expect((await qualities(await flow(), bed.alice, bed.alice.authentication, '79031504521')).errorCode).toBe('SIGNER_MISMATCH');
  });

  it('refuses GenerateCertificate when the contract Signer is not the card holder (wrong SSIN)', async () => {
    const f = await flow();
    const bruno = { ...bed.alice, ssin: '79031504521', givenName: 'Bruno', surname: 'Dupont-Lefèvre' };
    const { dn, contractXml } = await f.generateContract(bruno, { type: 'NIHII-PHARMACY', value: '71072492' });
    expect((await f.generateCertificate(bed.alice, contractXml, await csr(dn, rsaKey()))).errorCode).toBe('SIGNER_MISMATCH');
  });

  it('refuses GenerateCertificate when the contract Signer has the SSIN of the card but another name (wrong name)', async () => {
    const f = await flow();
    const renamed = { ...bed.alice, surname: 'Anderekaart' };
    const { dn, contractXml } = await f.generateContract(renamed, AMBULANCE);
    const answer = await f.generateCertificate(bed.alice, contractXml, await csr(dn, rsaKey()));
    expect(answer.errorCode).toBe('SIGNER_MISMATCH');
    expect(answer.text('StatusMessage')).toBe('Signer Name "Anderekaart" is not the surname on the eID "Geldigekaart"');
  });

  it('accepts an EC (applet 1.8) card signing with ecdsa-sha384 and raw r||s', async () => {
    const ec = await createTestEid({ generation: 'ecp384' });
    const a = await qualities(await flow(), ec);
    expect(a.errorCode).toBeUndefined();
    expect(a.text('NaturalPersonAuthorization')).toBe('true');
  });
});

describe('GenerateCertificate checks', () => {
  it('refuses a CSR whose subject is not the contract DN', async () => {
    const f = await flow();
    const { contractXml } = await f.generateContract(bed.alice, AMBULANCE);
    const other = 'CN=NIHII-AMBU_SERVICE\\=71901249,OU=eHealth-platform Belgium,OU=X,OU=NIHII-AMBU_SERVICE\\=71901249,O=Federal Government,C=BE';
    expect((await f.generateCertificate(bed.alice, contractXml, await csr(other, rsaKey()))).errorCode).toBe('CSR_DN_MISMATCH');
  });

  it('fixture contractDn: unescaped writes CN=TYPE=ID; both forms come back as the same contract, and the CSR subject must be the DN sent back byte for byte (issue 12)', async () => {
    const f = await flow({ fixture: { contractDn: 'unescaped' } });
    const { dn, contractXml } = await f.generateContract(bed.alice, AMBULANCE);
    expect(dn).toMatch(/^CN=NIHII-AMBU_SERVICE=\d{8},OU=eHealth-platform Belgium,/);
    expect(dn).not.toContain('\\=');
    const escaped = dn.replaceAll('=', '\\=').replace(/(^|,)(\w+)\\=/g, '$1$2=');
    // Sent back unchanged (unescaped): the CSR built from it prints escaped, which is not the DN sent.
    expect((await f.generateCertificate(bed.alice, contractXml, await csr(dn, rsaKey()))).errorCode).toBe('CSR_DN_MISMATCH');
    // Sent back escaped, as the connector does: the same contract, and the CSR subject equals it.
    const answer = await f.generateCertificate(bed.alice, contractXml.replace(`>${dn}<`, `>${escaped}<`), await csr(escaped, rsaKey()));
    expect(answer.errorCode).toBeUndefined();
  });

  it('refuses an RSA key under 2048 bits (weak key)', async () => {
    const f = await flow();
    const { dn, contractXml } = await f.generateContract(bed.alice, AMBULANCE);
    expect((await f.generateCertificate(bed.alice, contractXml, await csr(dn, rsaKey(1024)))).errorCode).toBe('WEAK_KEY');
  });

  it('refuses a contract that was changed', async () => {
    const f = await flow();
    const { dn, contractXml } = await f.generateContract(bed.alice, AMBULANCE);
    const edited = contractXml.replace('Je m', 'Je ne m');
    expect((await f.generateCertificate(bed.alice, edited, await csr(dn, rsaKey()))).errorCode).toBe('CONTRACT_MODIFIED');
  });

  it('refuses a second certificate for a DN with an active one (duplicate active certificate)', async () => {
    const f = await flow();
    await f.requestToEtk(bed.alice, AMBULANCE);
    const { dn, contractXml } = await f.generateContract(bed.alice, AMBULANCE);
    const a = await f.generateCertificate(bed.alice, contractXml, await csr(dn, rsaKey()));
    expect(a.errorCode).toBe('ACTIVE_CERTIFICATE_EXISTS');
    expect(a.texts('Name')).toContain('ReplacementPeriodStartDate');
  });

  it('refuses a renewal before the replacement window, accepts it inside, and overlaps the ETKs', async () => {
    const f = await flow();
    const first = await f.requestToEtk(bed.alice, AMBULANCE);
    await f.sim.advance((365 * 3 - 120) * DAY);
    let { dn, contractXml } = await f.generateContract(bed.alice, AMBULANCE);
    expect((await f.generateCertificate(bed.alice, contractXml, await csr(dn, rsaKey()))).errorCode).toBe('ACTIVE_CERTIFICATE_EXISTS');
    await f.sim.advance(60 * DAY);
    expect(f.sim.mailbox.list().some((m) => m.kind === 'EXPIRY_REMINDER' && m.to.includes('ambulance@example.test'))).toBe(true);
    ({ dn, contractXml } = await f.generateContract(bed.alice, AMBULANCE));
    const key = rsaKey();
    const renewal = await f.generateCertificate(bed.alice, contractXml, await csr(dn, key));
    expect(renewal.errorCode).toBeUndefined();
    expect(renewal.text('ReplacesCertificate')).toBe(first.pki);
    const pki = renewal.text('PublicKeyIdentifier') as string;
    const got = await f.getCertificate(pki);
    const chain = got.texts('X509Certificate').map((b) => Uint8Array.from(Buffer.from(b, 'base64')));
    const etk = await f.registerEtk(got.texts('X509Certificate')[0] as string, key.privateKey, chain);
    expect(etk.text('ToBeActivated')).toBe('true');
    const depotQuery = envelope('d:GetEtkRequest', '<d:SearchCriteria><d:Identifier><d:Type>NIHII-AMBU_SERVICE</d:Type><d:Value>81234530</d:Value></d:Identifier></d:SearchCriteria>').xml;
    expect((await f.post('/EtkDepot/v1', depotQuery)).text('ETK')).toBe(first.etk);
    expect((await f.etkRa('ActivateETK', '', key.privateKey, chain)).errorCode).toBeUndefined();
    expect((await f.post('/EtkDepot/v1', depotQuery)).text('ETK')).toBe(etk.text('ETK'));
  });

  it('sends an organisation without mandate to manual validation, then delivers after approval', async () => {
    const f = await flow();
    const chloe = await createTestEid({ ssin: '92022821023', givenName: 'Chloé', surname: 'Van den Broeck' });
    // Typed as the manual says (official name), here in other case and without the accents/spacing care.
    const { dn, contractXml } = await f.generateContract(chloe, { type: 'NIHII-AMBU_SERVICE', value: '61111186' }, { name: 'AMBULANCEDIENST  kempen (test)' });
    const gen = await f.generateCertificate(chloe, contractXml, await csr(dn, rsaKey()));
    expect(gen.text('AutomaticallyValidated')).toBe('false');
    const pki = gen.text('PublicKeyIdentifier') as string;
    await f.sim.advance(30 * DAY);
    expect((await f.getCertificate(pki)).errorCode).toBe('CERT_NOT_YET_DELIVERED');
    expect(f.sim.pendingValidations().map((r) => r.publicKeyIdentifier.toUpperCase())).toEqual([pki]);
    expect(await f.sim.approve(pki)).toEqual({ decision: 'APPROVED' });
    expect((await f.getCertificate(pki)).texts('X509Certificate')).toHaveLength(2);
    expect(f.sim.mailbox.list().map((m) => m.kind)).toEqual(['REQUEST_RECEIVED', 'MANUAL_VALIDATION_NEEDED', 'CERTIFICATE_READY']);
  });

  it('answers REQUEST_REFUSED once the support team refused the request', async () => {
    const f = await flow();
    const chloe = await createTestEid({ ssin: '92022821023', givenName: 'Chloé', surname: 'Van den Broeck' });
    const { dn, contractXml } = await f.generateContract(chloe, { type: 'NIHII-LABO', value: '71072591' });
    const pki = (await f.generateCertificate(chloe, contractXml, await csr(dn, rsaKey()))).text('PublicKeyIdentifier') as string;
    f.sim.refuse(pki);
    expect((await f.getCertificate(pki)).errorCode).toBe('REQUEST_REFUSED');
  });
});

describe('the support team checks a manual request against the authentic sources (manual step 9M)', () => {
  async function manualRequest(f: SimulatorFlow, id: { type: string; value: string }, name: string): Promise<string> {
    const chloe = await createTestEid({ ssin: '92022821023', givenName: 'Chloé', surname: 'Van den Broeck' });
    const { dn, contractXml } = await f.generateContract(chloe, id, { name });
    const gen = await f.generateCertificate(chloe, contractXml, await csr(dn, rsaKey()));
    expect(gen.text('AutomaticallyValidated')).toBe('false');
    return gen.text('PublicKeyIdentifier') as string;
  }

  const mailsAbout = (f: SimulatorFlow, pki: string) => f.sim.mailbox.list().filter((m) => m.publicKeyIdentifier === pki.toLowerCase());

  it("refuses the hospital's NIHII number typed as an ambulance service's, with the reason in GetCertificate and a refusal e-mail", async () => {
    const f = await flow();
    const pki = await manualRequest(f, { type: 'NIHII-AMBU_SERVICE', value: '71072393' }, 'Centre Hospitalier Universitaire Saint-Pierre (TEST)');
    const review = await f.sim.approve(pki);
    expect(review).toMatchObject({ decision: 'REFUSED' });
    expect(review.decision === 'REFUSED' && review.reason).toContain('71072393 is the NIHII-HOSPITAL identifier of "Centre Hospitalier Universitaire Saint-Pierre (TEST)"');
    const answer = await f.getCertificate(pki);
    expect(answer.errorCode).toBe('REQUEST_REFUSED');
    expect(answer.text('StatusMessage')).toContain('not the identifier of a NIHII-AMBU_SERVICE');
    const refusal = mailsAbout(f, pki).find((m) => m.kind === 'REQUEST_REFUSED');
    expect(refusal?.to).toEqual(['alice@example.test', 'ambulance@example.test']);
    expect(refusal?.body).toContain('not of its hospital');
  });

  it('refuses an identifier no organisation of that type has', async () => {
    const f = await flow();
    const pki = await manualRequest(f, { type: 'NIHII-AMBU_SERVICE', value: '17198791' }, 'Ambulances du Canal');
    expect(await f.sim.approve(pki)).toEqual({ decision: 'REFUSED', reason: 'no organisation of type NIHII-AMBU_SERVICE has the identifier 17198791 in the CBE / NIHII registers' });
  });

  it('refuses a name that is not the official name in the CBE', async () => {
    const f = await flow();
    const pki = await manualRequest(f, { type: 'NIHII-AMBU_SERVICE', value: '61111186' }, 'Ambulances Kempen');
    expect(await f.sim.approve(pki)).toEqual({
      decision: 'REFUSED',
      reason: 'the name "Ambulances Kempen" is not the official name in the CBE of NIHII-AMBU_SERVICE 61111186, "Ambulancedienst Kempen (TEST)"',
    });
    expect(f.sim.certificates()[0]).toMatchObject({ validation: 'REFUSED', refusalReason: expect.stringContaining('official name') });
  });

  it('approves by force what the check would refuse (a support team mistake)', async () => {
    const f = await flow();
    const pki = await manualRequest(f, { type: 'NIHII-AMBU_SERVICE', value: '61111186' }, 'Ambulances Kempen');
    expect(await f.sim.approve(pki, { force: true })).toEqual({ decision: 'APPROVED' });
    expect((await f.getCertificate(pki)).texts('X509Certificate')).toHaveLength(2);
  });

  it('decides by itself after the configured delay: approves the correct request (Dutch official name, no accents), refuses the wrong one', async () => {
    const f = new SimulatorFlow(await EhealthSimulator.create({ ca: bed.ca, seed: 'manual', now: '2026-03-01T08:00:00Z', issuanceDelayMs: 0, manualValidationDelayMs: 2 * DAY }), bed.validator);
    const good = await manualRequest(f, { type: 'NIHII-PHARMACY', value: '71072492' }, 'apotheek centrum (test)');
    const bad = await manualRequest(f, { type: 'NIHII-AMBU_SERVICE', value: '71072393' }, 'Ambulances Saint-Pierre');
    await f.sim.advance(DAY);
    expect(f.sim.pendingValidations()).toHaveLength(2);
    await f.sim.advance(DAY);
    expect(f.sim.pendingValidations()).toHaveLength(0);
    expect((await f.getCertificate(good)).texts('X509Certificate')).toHaveLength(2);
    expect((await f.getCertificate(bad)).errorCode).toBe('REQUEST_REFUSED');
    expect(mailsAbout(f, good).map((m) => m.kind)).toEqual(['REQUEST_RECEIVED', 'MANUAL_VALIDATION_NEEDED', 'CERTIFICATE_READY']);
    expect(mailsAbout(f, bad).map((m) => m.kind)).toEqual(['REQUEST_RECEIVED', 'MANUAL_VALIDATION_NEEDED', 'REQUEST_REFUSED']);
  });
});

describe('revocation and expiry', () => {
  it('revokes the certificate and its ETK, then refuses to use or revoke it again', async () => {
    const f = await flow();
    const issued = await f.requestToEtk(bed.alice, AMBULANCE);
    const signer = actor([{ type: 'SSIN', value: bed.alice.ssin }], [bed.alice.givenName], bed.alice.surname);
    const rc = await f.post('/CertRa/v2', envelope('p:GenerateRevocationContractRequest', `<p:PublicKeyIdentifier>${issued.pki}</p:PublicKeyIdentifier><p:Signer>${signer}</p:Signer><p:RevocationReason>keyCompromise</p:RevocationReason>`).xml);
    expect(rc.errorCode).toBeUndefined();
    const contract = Array.from(rc.payload.getElementsByTagName('*')).find((e) => e.localName === 'Contract');
    const inner = Array.from(contract?.childNodes ?? []).map((n) => n.toString()).join('');
    const revoke = await f.post('/CertRa/v2', sign(envelope('p:RevokeRequest', `<p:PublicKeyIdentifier>${issued.pki}</p:PublicKeyIdentifier><p:Contract>${inner}</p:Contract>`), bed.alice.signature.privateKeyPem, bed.alice.signature.chain));
    expect(revoke.errorCode).toBeUndefined();
    const info = await f.post('/CertRa/v2', sign(envelope('p:GetCertificateInfoForCitizenRequest', ''), bed.alice.authentication.privateKeyPem, bed.alice.authentication.chain));
    expect(info.texts('AuthenticationCertificateStatus')).toEqual(['REVOKED']);
    expect(info.texts('ETKStatus')).toEqual(['REVOKED']);
    const spki = rsaKey().publicKey.export({ format: 'der', type: 'spki' }).toString('base64');
    expect((await f.etkRa('StartETKRegistration', `<e:PublicEncryptionKey>${spki}</e:PublicEncryptionKey>`, issued.authKey, issued.chain)).errorCode).toBe('CERTIFICATE_REVOKED');
    const again = await f.post('/CertRa/v2', envelope('p:GenerateRevocationContractRequest', `<p:PublicKeyIdentifier>${issued.pki}</p:PublicKeyIdentifier><p:Signer>${signer}</p:Signer><p:RevocationReason>superseded</p:RevocationReason>`).xml);
    expect(again.errorCode).toBe('CERTIFICATE_REVOKED');
    const depot = await f.post('/EtkDepot/v1', envelope('d:GetEtkRequest', '<d:SearchCriteria><d:Identifier><d:Type>NIHII-AMBU_SERVICE</d:Type><d:Value>81234530</d:Value></d:Identifier></d:SearchCriteria>').xml);
    expect(depot.texts('Code')).toContain('NOT_FOUND');
  });

  it('reports EXPIRED after three years on the simulated clock, signed with the expired eHealth key', async () => {
    const f = await flow();
    const issued = await f.requestToEtk(bed.alice, AMBULANCE);
    await f.sim.advance(3 * 366 * DAY);
    const a = await f.post('/CertRa/v2', sign(envelope('p:GetCertificateInfoForAuthenticationCertificateRequest', ''), issued.authKey.export({ format: 'pem', type: 'pkcs8' }).toString(), issued.chain));
    expect(a.texts('AuthenticationCertificateStatus')).toEqual(['EXPIRED']);
    expect(a.texts('ETKStatus')).toEqual(['EXPIRED']);
  });
});

describe('malformed requests', () => {
  it('answers a SOAP Client fault to a request that breaks the XSD', async () => {
    const a = await (await flow()).post('/CertRa/v2', envelope('p:GetCertificateRequest', '<p:PublicKeyIdentifier>zz</p:PublicKeyIdentifier>').xml);
    expect(a.status).toBe(500);
    expect(a.text('faultstring')).toMatch(/XSD/);
  });

  it('answers a SOAP Client fault to XML that is not well-formed', async () => {
    const reply = await (await flow()).sim.handle({ path: '/CertRa/v2', body: '<soapenv:Envelope' });
    expect(reply).toMatchObject({ kind: 'http', status: 500 });
  });

  it('answers a SOAP fault when the SOAPAction names another operation', async () => {
    const a = await (await flow()).post('/CertRa/v2', envelope('p:GetGenericOrganizationTypesRequest', '').xml, 'urn:be:fgov:ehealth:certra:protocol:v2:getActorQualities');
    expect(a.status).toBe(500);
  });
});
