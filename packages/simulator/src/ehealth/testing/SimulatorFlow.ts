import type { KeyObject } from 'node:crypto';
import { DOMParser } from '@xmldom/xmldom';
import type { Element } from '@xmldom/xmldom';
import type { EhealthSimulator } from '../EhealthSimulator.js';
import { NS } from '../xml/namespaces.js';
import { parseSoapRequest } from '../xml/parseSoapRequest.js';
import type { XsdValidator } from '../xml/XsdValidator.js';
import { actor, csr, encryptionCertificate, envelope, rsaKey, sign, solveChallenge } from './TestClient.js';
import type { TestEid } from './TestEid.js';

/** A parsed answer: HTTP status, the Body payload, and the EteeStatusDetail error code if any. */
export interface Answer {
  readonly status: number;
  readonly payload: Element;
  readonly errorCode?: string;
  readonly text: (localName: string) => string | undefined;
  readonly texts: (localName: string) => string[];
}

/** Drives a simulator in-process with hand-built requests; optionally checks every answer against the XSDs. */
export class SimulatorFlow {
  readonly responsesChecked: string[] = [];

  constructor(
    readonly sim: EhealthSimulator,
    private readonly validator?: XsdValidator,
  ) {}

  /** Posts a SOAP request to a service path and parses the answer (throws on non-XML answers). */
  async post(path: string, xml: string, soapAction?: string): Promise<Answer> {
    const reply = await this.sim.handle({ path, body: xml, soapAction });
    if (reply.kind !== 'http') throw new Error(`no HTTP answer: ${reply.kind}`);
    const { payload, payloadXml } = parseSoapRequest(reply.body);
    if (this.validator && payload.localName !== 'Fault') {
      const r = await this.validator.validate(payloadXml);
      if (!r.valid) throw new Error(`response ${payload.localName} is not XSD-valid: ${r.errors.join('; ')}\n${payloadXml}`);
      this.responsesChecked.push(payload.localName ?? '');
    }
    const all = (name: string) => Array.from(payload.getElementsByTagName('*')).filter((e) => e.localName === name);
    const text = (name: string) => all(name)[0]?.textContent ?? undefined;
    const code = Array.from(payload.getElementsByTagNameNS(NS.etee, 'EteeStatusDetail'))[0];
    return {
      status: reply.status,
      payload,
      errorCode: code ? (Array.from(code.getElementsByTagName('Code'))[0]?.textContent ?? undefined) : undefined,
      text,
      texts: (name) => all(name).map((e) => e.textContent ?? ''),
    };
  }

  /** GenerateContract (unsigned) for an organisation or (type SSIN) the holder; returns the Contract element XML and DN. */
  async generateContract(eid: TestEid, id: { type: string; value: string }, opts: { name?: string; applicationId?: string; email?: string } = {}): Promise<{ dn: string; contractXml: string; answer: Answer }> {
    const signer = actor([{ type: 'SSIN', value: eid.ssin }], [eid.givenName], eid.surname);
    const actorXml = id.type === 'SSIN' ? signer : actor([id], [], opts.name ?? 'Unknown organisation');
    const req = envelope(
      'p:GenerateContractRequest',
      `<p:ContactData><c:EmailPrivate>${opts.email ?? 'alice@example.test'}</c:EmailPrivate><c:EmailGeneral>ambulance@example.test</c:EmailGeneral><c:PhonePrivate>+3220000000</c:PhonePrivate></p:ContactData>` +
        `<p:Signer>${signer}</p:Signer><p:CertificateIdentifier><c:Actor>${actorXml}</c:Actor>${opts.applicationId ? `<c:ApplicationId>${opts.applicationId}</c:ApplicationId>` : ''}</p:CertificateIdentifier>`,
    );
    const answer = await this.post('/CertRa/v2', req.xml, 'urn:be:fgov:ehealth:certra:protocol:v2:generateContract');
    const contract = Array.from(answer.payload.getElementsByTagNameNS(NS.certra, 'Contract'))[0];
    const inner = contract ? Array.from(contract.childNodes).map((n) => n.toString()).join('') : '';
    return { dn: answer.text('DN') ?? '', contractXml: inner, answer };
  }

  /** GenerateCertificate signed with `signingKey` (default the eID Signature key). */
  async generateCertificate(eid: TestEid, contractXml: string, csrB64: string, signingKey = eid.signature, usages: string[] = ['tsa']): Promise<Answer> {
    const req = envelope(
      'p:GenerateCertificateRequest',
      `<p:EHealthCSR><c:ContactData><c:EmailPrivate>alice@example.test</c:EmailPrivate><c:EmailGeneral>ambulance@example.test</c:EmailGeneral><c:PhonePrivate>+3220000000</c:PhonePrivate></c:ContactData><c:CSR>${csrB64}</c:CSR><c:Contract>${contractXml}</c:Contract>${usages.map((u) => `<c:BaseServiceUsage>${u}</c:BaseServiceUsage>`).join('')}</p:EHealthCSR>`,
    );
    return this.post('/CertRa/v2', sign(req, signingKey.privateKeyPem, signingKey.chain), 'urn:be:fgov:ehealth:etee:certra:protocol:v2:generatecertificate');
  }

  /** GetCertificate (unsigned). */
  getCertificate(pki: string): Promise<Answer> {
    return this.post('/CertRa/v2', envelope('p:GetCertificateRequest', `<p:PublicKeyIdentifier>${pki}</p:PublicKeyIdentifier>`).xml);
  }

  /** An EtkRA request signed with the eHealth authentication key. */
  etkRa(name: 'StartETKRegistration' | 'CompleteETKRegistration' | 'ActivateETK', inner: string, key: KeyObject, chain: readonly Uint8Array[]): Promise<Answer> {
    const pem = key.export({ format: 'pem', type: 'pkcs8' }).toString();
    return this.post('/EtkRa/v2', sign(envelope(`e:${name}Request`, inner), pem, chain));
  }

  /** StartETKRegistration + CompleteETKRegistration with a fresh encryption key. */
  async registerEtk(authCertB64: string, authKey: KeyObject, chain: readonly Uint8Array[], encKey = rsaKey()): Promise<Answer> {
    const spki = encKey.publicKey.export({ format: 'der', type: 'spki' }).toString('base64');
    const start = await this.etkRa('StartETKRegistration', `<e:PublicEncryptionKey>${spki}</e:PublicEncryptionKey>`, authKey, chain);
    if (start.errorCode) return start;
    const serial = solveChallenge(start.text('Challenge') ?? '', encKey.privateKey);
    const cert = await encryptionCertificate(authCertB64, authKey, encKey.publicKey, serial);
    return this.etkRa('CompleteETKRegistration', `<e:ToBeRegistered>${cert}</e:ToBeRegistered>`, authKey, chain);
  }

  /**
   * The whole flow for an organisation: contract, CSR, GenerateCertificate, wait for delivery
   * (advancing the clock), GetCertificate, ETK registration. Returns what a client keeps.
   */
  async requestToEtk(
    eid: TestEid,
    id: { type: string; value: string },
    key = rsaKey(),
    encKey = rsaKey(),
    applicationId?: string,
  ): Promise<{ pki: string; chain: Uint8Array[]; etk: string; authKey: KeyObject }> {
    const { dn, contractXml } = await this.generateContract(eid, id, { applicationId });
    const gen = await this.generateCertificate(eid, contractXml, await csr(dn, key));
    if (gen.errorCode) throw new Error(`GenerateCertificate refused: ${gen.errorCode}`);
    const pki = gen.text('PublicKeyIdentifier') as string;
    let got = await this.getCertificate(pki);
    if (got.errorCode === 'CERT_NOT_YET_DELIVERED') {
      await this.sim.advance(this.sim.timings.issuanceDelayMs);
      got = await this.getCertificate(pki);
    }
    if (got.errorCode) throw new Error(`GetCertificate refused: ${got.errorCode}`);
    const chain = got.texts('X509Certificate').map((b) => Uint8Array.from(Buffer.from(b, 'base64')));
    const etk = await this.registerEtk(got.texts('X509Certificate')[0] as string, key.privateKey, chain, encKey);
    if (etk.errorCode) throw new Error(`ETK registration refused: ${etk.errorCode}`);
    return { pki, chain, etk: etk.text('ETK') as string, authKey: key.privateKey };
  }
}

/** Parses an XML string (tests). */
export function parseXml(xml: string): Element {
  return new DOMParser().parseFromString(xml, 'text/xml').documentElement as unknown as Element;
}
