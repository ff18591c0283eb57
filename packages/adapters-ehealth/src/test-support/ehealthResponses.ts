import { randomUUID } from 'node:crypto';

/** Test doubles of eHealth answers, written the way JAX-WS writes them (ns2/ns3 prefixes, commons core as default namespace). */
const NSDECL =
  'xmlns="urn:be:fgov:ehealth:commons:core:v2" xmlns:ns2="urn:be:fgov:ehealth:commons:protocol:v2" xmlns:ns3="urn:be:fgov:ehealth:certra:core:v2" ' +
  'xmlns:ns4="urn:be:fgov:ehealth:etee:commons:core:v2" xmlns:ns5="urn:be:fgov:ehealth:certra:protocol:v2" xmlns:ns6="urn:be:fgov:ehealth:etkra:protocol:v2"';

/** The SOAP 1.1 envelope around `payload`. */
export function soapEnvelope(payload: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body>${payload}</soap:Body></soap:Envelope>`;
}

/** The Id attribute of the request in `envelope`. */
export function requestId(envelope: string): string {
  const match = /Request[^>]*\sId="([^"]+)"/.exec(envelope);
  if (!match?.[1]) throw new Error('no request Id');
  return match[1];
}

const SUCCESS = '<Status><StatusCode Value="urn:be:fgov:ehealth:2.0:status:Success"/></Status>';

/** A successful `<prefix:Name>Response` (StatusResponseType) answering `inResponseTo`. */
export function successResponse(prefix: 'ns5' | 'ns6', name: string, inResponseTo: string, content = '', withStatus = true): string {
  return soapEnvelope(
    `<${prefix}:${name}Response ${NSDECL} Id="_${randomUUID()}" InResponseTo="${inResponseTo}" IssueInstant="2026-11-29T05:00:00.000+01:00">` +
      `${withStatus ? SUCCESS : ''}${content}</${prefix}:${name}Response>`,
  );
}

/** A failure status with one EteeStatusDetail error (etee commons core v2, unqualified children). */
export function eteeErrorResponse(
  prefix: 'ns5' | 'ns6',
  name: string,
  inResponseTo: string,
  code: string,
  message: string,
  parameters: Readonly<Record<string, string>> = { detail: 'x' },
): string {
  const params = Object.entries(parameters)
    .map(([key, value]) => `<Parameters><Name>${key}</Name><Value>${value}</Value></Parameters>`)
    .join('');
  return soapEnvelope(
    `<${prefix}:${name}Response ${NSDECL} Id="_${randomUUID()}" InResponseTo="${inResponseTo}" IssueInstant="2026-11-29T05:00:00.000+01:00">` +
      `<Status><StatusCode Value="urn:be:fgov:ehealth:2.0:status:Responder"/><StatusMessage>${message}</StatusMessage>` +
      `<StatusDetail><ns4:EteeStatusDetail><Errors><Code>${code}</Code><Message>${message}</Message>` +
      `${params}</Errors></ns4:EteeStatusDetail></StatusDetail></Status>` +
      `</${prefix}:${name}Response>`,
  );
}

/** A SOAP 1.1 Fault as eHealth's ESB sends it (HTTP 500). */
export function soapFault(code: string, message: string): string {
  return soapEnvelope(
    `<soap:Fault><faultcode>soap:Server</faultcode><faultstring>${message}</faultstring>` +
      `<detail><ns:SystemError xmlns:ns="urn:be:fgov:ehealth:errors:soa:v1" Id="_1"><Origin>Server</Origin><Code>${code}</Code><Message xml:lang="en">${message}</Message></ns:SystemError></detail></soap:Fault>`,
  );
}

/** certra core CertificateInfoType content for `publicKeyIdentifier`. */
export function certificateInfo(publicKeyIdentifier: string, automaticallyValidated = true): string {
  return (
    '<ns5:CertificateInfo><ns3:RequestedDate>2026-11-28T10:00:00Z</ns3:RequestedDate>' +
    `<ns3:PublicKeyIdentifier>${publicKeyIdentifier.toUpperCase()}</ns3:PublicKeyIdentifier>` +
    '<ns3:CertificateEntity EntityType="NaturalPerson"><ns3:CertificateIdentifier><ns3:Actor><Id Type="SSIN">71715100070</Id>' +
    '<FirstName>Alice</FirstName><Name>Test</Name></ns3:Actor></ns3:CertificateIdentifier></ns3:CertificateEntity>' +
    '<ns3:AuthenticationCertificateStatus>IN_PROGRESS</ns3:AuthenticationCertificateStatus><ns3:ETKStatus>NOT_REQUESTED</ns3:ETKStatus>' +
    `<ns3:AutomaticallyValidated>${automaticallyValidated}</ns3:AutomaticallyValidated>` +
    '<ns3:Revocable>false</ns3:Revocable><ns3:Replaceable>false</ns3:Replaceable>' +
    '<ns3:ContactData><ns3:EmailPrivate>alice@example.org</ns3:EmailPrivate><ns3:PhonePrivate>+3221234567</ns3:PhonePrivate></ns3:ContactData>' +
    '<ns3:BaseServiceUsage>tsa</ns3:BaseServiceUsage></ns5:CertificateInfo>'
  );
}

/** A certra core ContractType for the person of the tests (`ns5:Contract`). */
export const CONTRACT =
  '<ns5:Contract><ns3:DN>CN=SSIN\\=71715100070,OU=eHealth-platform Belgium,OU=ALICE TEST,OU=SSIN\\=71715100070,O=Federal Government,C=BE</ns3:DN>' +
  '<ns3:Signer><Id Type="SSIN">71715100070</Id><FirstName>Alice</FirstName><Name>Test</Name></ns3:Signer>' +
  '<ns3:Text><ns3:Value xml:lang="fr">&lt;p&gt;Contrat&lt;/p&gt;</ns3:Value><ns3:Value xml:lang="nl">&lt;p&gt;Contract&lt;/p&gt;</ns3:Value></ns3:Text></ns5:Contract>';

/** A certra core RevocationContractType (`ns5:Contract`). */
export const REVOCATION_CONTRACT =
  '<ns5:Contract><ns3:DN>CN=SSIN\\=71715100070,OU=eHealth-platform Belgium,OU=ALICE TEST,OU=SSIN\\=71715100070,O=Federal Government,C=BE</ns3:DN>' +
  '<ns3:Signer><Id Type="SSIN">71715100070</Id><FirstName>Alice</FirstName><Name>Test</Name></ns3:Signer>' +
  '<ns3:RevocationReason>keyCompromise</ns3:RevocationReason>' +
  '<ns3:Text><ns3:Value xml:lang="fr">&lt;p&gt;R&#233;vocation&lt;/p&gt;</ns3:Value></ns3:Text></ns5:Contract>';
