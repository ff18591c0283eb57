import { X509Certificate } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { EhealthSimulatorOptions } from './EhealthSimulator.js';
import { readCertificate } from './pki/readCertificate.js';
import { SimulatorTestBed } from './testing/SimulatorTestBed.js';
import { actor, csr, envelope, readEtk, rsaKey, sign } from './testing/TestClient.js';
import { createTestEid } from './testing/TestEid.js';

const AMBULANCE = { type: 'NIHII-AMBU_SERVICE', value: '81234530' };
const bed = new SimulatorTestBed({ seed: 'test', now: '2026-03-01T08:00:00Z', issuanceDelayMs: 60_000 });
const flow = (options: EhealthSimulatorOptions = {}) => bed.flow(options);

beforeAll(() => bed.setUp());

describe('the happy path', () => {
  it('takes a mandated ambulance service from contract to an active ETK in the depot', async () => {
    const f = await flow();
    const qualities = await f.post('/CertRa/v2', sign(envelope('p:GetActorQualitiesRequest', `<p:SSIN Type="SSIN">${bed.alice.ssin}</p:SSIN>`), bed.alice.authentication.privateKeyPem, bed.alice.authentication.chain));
    expect(qualities.errorCode).toBeUndefined();
    expect(qualities.text('NaturalPersonAuthorization')).toBe('true');
    expect(qualities.texts('Identifier')).toEqual(['81234530', '71901249']);

    const { dn, contractXml, answer } = await f.generateContract(bed.alice, AMBULANCE);
    expect(dn).toBe('CN=NIHII-AMBU_SERVICE\\=81234530,OU=eHealth-platform Belgium,OU=AMBULANCES HOPITAL SAINT-PIERRE (TEST),OU=NIHII-AMBU_SERVICE\\=81234530,O=Federal Government,C=BE');
    expect(answer.texts('Value').length).toBe(2);

    const key = rsaKey();
    const gen = await f.generateCertificate(bed.alice, contractXml, await csr(dn, key));
    expect(gen.errorCode).toBeUndefined();
    expect(gen.text('AutomaticallyValidated')).toBe('true');
    const pki = gen.text('PublicKeyIdentifier') as string;

    expect((await f.getCertificate(pki)).errorCode).toBe('CERT_NOT_YET_DELIVERED');
    await f.sim.advance(60_000);
    const got = await f.getCertificate(pki);
    expect(got.errorCode).toBeUndefined();
    const [leafB64, issuingB64] = got.texts('X509Certificate');
    const leaf = readCertificate(Buffer.from(leafB64 as string, 'base64'));
    expect(leaf.subjectDn).toBe(dn);
    expect(leaf.publicKeyIdentifier.toUpperCase()).toBe(pki);
    expect(leaf.notAfter.getTime() - leaf.notBefore.getTime()).toBe(Date.UTC(2029, 2, 1, 8, 1) - Date.UTC(2026, 2, 1, 8, 1) - 1000);
    expect(leaf.keyUsage).toMatchObject({ critical: true, digitalSignature: true, nonRepudiation: true, keyEncipherment: true, keyCertSign: false });
    const x509 = new X509Certificate(leaf.der);
    expect(x509.ca).toBe(false);
    // DOMAIN.md 4.3, in the order of the real acceptance certificate.
    expect(leaf.pkijs.extensions?.map((e) => e.extnID)).toEqual(['2.5.29.19', '2.5.29.35', '1.3.6.1.5.5.7.1.1', '2.5.29.32', '2.5.29.37', '2.5.29.31', '2.5.29.14', '2.5.29.15']);
    expect(x509.infoAccess).toContain('OCSP - URI:http://ehealth-sim.invalid/TEST-ONLY/ocsp');
    expect(x509.verify(new X509Certificate(Buffer.from(issuingB64 as string, 'base64')).publicKey)).toBe(true);
    expect(new X509Certificate(Buffer.from(issuingB64 as string, 'base64')).verify(new X509Certificate(Buffer.from(f.sim.trustAnchors()[0] as Uint8Array)).publicKey)).toBe(true);

    const chain = got.texts('X509Certificate').map((b) => Uint8Array.from(Buffer.from(b, 'base64')));
    const etk = await f.registerEtk(leafB64 as string, key.privateKey, chain);
    expect(etk.errorCode).toBeUndefined();
    expect(etk.text('ToBeActivated')).toBe('false');
    const parsed = await readEtk(etk.text('ETK') as string);
    expect(parsed.verified).toBe(true);
    expect(readCertificate(parsed.content).subjectDn).toBe(dn);
    expect(parsed.certificates.length).toBe(4);

    const depot = await f.post('/EtkDepot/v1', envelope('d:GetEtkRequest', '<d:SearchCriteria><d:Identifier><d:Type>NIHII-AMBU_SERVICE</d:Type><d:Value>81234530</d:Value></d:Identifier></d:SearchCriteria>').xml);
    expect(depot.text('ETK')).toBe(etk.text('ETK'));

    const info = await f.post('/CertRa/v2', sign(envelope('p:GetCertificateInfoForCitizenRequest', ''), bed.alice.authentication.privateKeyPem, bed.alice.authentication.chain));
    expect(info.texts('AuthenticationCertificateStatus')).toEqual(['VALID_ACTIVE']);
    expect(info.texts('ETKStatus')).toEqual(['VALID_ACTIVE']);
    expect(f.sim.mailbox.list('ambulance@example.test').map((m) => m.kind)).toEqual(['REQUEST_RECEIVED', 'CERTIFICATE_READY']);
  });
});

describe('every response', () => {
  it('validates against the XSDs, for each of the fifteen operations, refusals included', async () => {
    const f = await flow({ issuanceDelayMs: 0 });
    const issued = await f.requestToEtk(bed.alice, AMBULANCE, rsaKey(), rsaKey(), 'APP1');
    const authPem = issued.authKey.export({ format: 'pem', type: 'pkcs8' }).toString();
    await f.post('/CertRa/v2', sign(envelope('p:GetActorQualitiesRequest', `<p:SSIN Type="SSIN">${bed.alice.ssin}</p:SSIN>`), bed.alice.authentication.privateKeyPem, bed.alice.authentication.chain));
    await f.post('/CertRa/v2', envelope('p:GetGenericOrganizationTypesRequest', '').xml);
    const ids = await f.post('/CertRa/v2', envelope('p:GetExistingApplicationIdsRequest', '<p:OrganizationIdentifier Type="NIHII-AMBU_SERVICE">81234530</p:OrganizationIdentifier>').xml);
    expect(ids.texts('ApplicationId')).toEqual(['APP1']);
    const foreigner = await f.post('/CertRa/v2', envelope('p:SubmitCSRForForeignerRequest', `<p:ForeignPerson>${actor([{ type: 'SSIN', value: '85271400101' }], ['Jan'], 'Buitenland')}</p:ForeignPerson><p:ContactData><c:EmailPrivate>jan@example.test</c:EmailPrivate><c:PhonePrivate>+32</c:PhonePrivate></p:ContactData><p:CSR>AAAA</p:CSR>`).xml);
    expect(foreigner.text('ValidationUrl')).toMatch(/^https:/);
    await f.post('/CertRa/v2', sign(envelope('p:GetCertificateInfoForAuthenticationCertificateRequest', ''), authPem, issued.chain));
    await f.post('/CertRa/v2', sign(envelope('p:GetCertificateInfoForCitizenRequest', ''), bed.alice.authentication.privateKeyPem, bed.alice.authentication.chain));
    expect((await f.etkRa('ActivateETK', '', issued.authKey, issued.chain)).errorCode).toBe('NO_ETK_TO_ACTIVATE');
    const depot = (inner: string) => f.post('/EtkDepot/v1', envelope('d:GetEtkRequest', `<d:SearchCriteria><d:Identifier>${inner}</d:Identifier></d:SearchCriteria>`).xml);
    expect((await depot('<d:Type>NIHII-AMBU_SERVICE</d:Type><d:Value>81234530</d:Value>')).texts('ApplicationID')).toEqual(['APP1']);
    expect((await depot('<d:Type>NIHII-AMBU_SERVICE</d:Type><d:Value>81234530</d:Value><d:ApplicationID>APP1</d:ApplicationID>')).text('ETK')).toBe(issued.etk);
    const signer = actor([{ type: 'SSIN', value: bed.alice.ssin }], [bed.alice.givenName], bed.alice.surname);
    const rc = await f.post('/CertRa/v2', envelope('p:GenerateRevocationContractRequest', `<p:PublicKeyIdentifier>${issued.pki}</p:PublicKeyIdentifier><p:Signer>${signer}</p:Signer><p:RevocationReason>cessationOfOperation</p:RevocationReason>`).xml);
    const contract = Array.from(rc.payload.getElementsByTagName('*')).find((e) => e.localName === 'Contract');
    const inner = Array.from(contract?.childNodes ?? []).map((n) => n.toString()).join('');
    expect((await f.post('/CertRa/v2', sign(envelope('p:RevokeRequest', `<p:PublicKeyIdentifier>${issued.pki}</p:PublicKeyIdentifier><p:Contract>${inner}</p:Contract>`), bed.alice.signature.privateKeyPem, bed.alice.signature.chain))).errorCode).toBeUndefined();
    expect((await f.getCertificate('00'.repeat(20))).errorCode).toBe('UNKNOWN_PUBLIC_KEY_IDENTIFIER');
    expect(new Set(f.responsesChecked)).toEqual(
      new Set([
        'GetActorQualitiesResponse',
        'GetGenericOrganizationTypesResponse',
        'GetExistingApplicationIdsResponse',
        'GenerateContractResponse',
        'GenerateCertificateResponse',
        'GetCertificateResponse',
        'GenerateRevocationContractResponse',
        'RevokeResponse',
        'GetCertificateInfoForCitizenResponse',
        'GetCertificateInfoForAuthenticationCertificateResponse',
        'SubmitCSRForForeignerResponse',
        'StartETKRegistrationResponse',
        'CompleteETKRegistrationResponse',
        'ActivateETKResponse',
        'GetEtkResponse',
      ]),
    );
  });
});

describe('time and randomness', () => {
  it('answers byte for byte the same with the same seed and a fixed clock', async () => {
    const body = envelope('p:GetGenericOrganizationTypesRequest', '').xml;
    const run = async () => (await flow({ seed: 'same' })).sim.handle({ path: '/CertRa/v2', body });
    const [a, b] = [await run(), await run()];
    expect(a).toEqual(b);
  });

  it('approves a manual validation by itself after the configured delay, then issues after the issuance delay', async () => {
    const f = await flow({ manualValidationDelayMs: 86_400_000, issuanceDelayMs: 3_600_000 });
    const chloe = await createTestEid({ ssin: '92022821023', givenName: 'Chloé', surname: 'Van den Broeck' });
    const { dn, contractXml } = await f.generateContract(chloe, { type: 'NIHII-AMBU_SERVICE', value: '61111186' }, { name: 'Ambulancedienst Kempen (TEST)' });
    const pki = (await f.generateCertificate(chloe, contractXml, await csr(dn, rsaKey()))).text('PublicKeyIdentifier') as string;
    await f.sim.advance(86_400_000);
    expect((await f.getCertificate(pki)).errorCode).toBe('CERT_NOT_YET_DELIVERED');
    await f.sim.advance(3_600_000);
    expect((await f.getCertificate(pki)).texts('X509Certificate')).toHaveLength(2);
  });
});

describe('GetGenericOrganizationTypes', () => {
  it('lists the DOMAIN.md 4.2 types with regexes, check digit algorithms and base services', async () => {
    const f = await flow();
    const a = await f.post('/CertRa/v2', envelope('p:GetGenericOrganizationTypesRequest', '').xml);
    expect(a.texts('IdentifierType')).toContain('NIHII-AMBU_SERVICE');
    expect(a.texts('ValidationRegEx')).toContain('^[0-9]{8}$');
    expect(a.texts('AvailableBaseService')).toContain('consultrn');
  });
});

