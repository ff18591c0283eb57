import { NS } from './namespaces.js';

/** Wraps a payload in a SOAP 1.1 envelope (DOMAIN.md 1.1: CertRA/EtkRA are SOAP 1.1). */
export function soapEnvelope(payload: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?><soapenv:Envelope xmlns:soapenv="${NS.soap}"><soapenv:Body>${payload}</soapenv:Body></soapenv:Envelope>`;
}

/** A SOAP 1.1 Fault (sent with HTTP 500), for messages that cannot be processed at all. */
export function soapFault(code: 'soapenv:Client' | 'soapenv:Server', message: string): string {
  const esc = message.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return soapEnvelope(`<soapenv:Fault><faultcode>${code}</faultcode><faultstring>${esc}</faultstring></soapenv:Fault>`);
}
