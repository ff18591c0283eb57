import type { NameAttribute } from './buildName.js';

/** Organisation of every fake CA: says loudly that it is a test PKI. */
export const FAKE_PKI_ORGANISATION = 'ehealth-cert simulator — NOT FOR PRODUCTION';

/** Subject of a fake root CA ("TEST Belgium Root CA4" for RSA, "TEST Belgium Root CA6" for EC, DOMAIN.md 6). */
export function fakeRootName(generation: 'rsa' | 'ec'): NameAttribute[] {
  return [
    { type: 'C', value: 'BE' },
    { type: 'O', value: FAKE_PKI_ORGANISATION },
    { type: 'CN', value: `TEST Belgium Root ${generation === 'rsa' ? 'CA4' : 'CA6'}` },
  ];
}

/** Subject of a fake Citizen CA (serialNumber 201709 under CA4, 202002 under CA6, as the real ones). */
export function fakeCitizenCaName(generation: 'rsa' | 'ec'): NameAttribute[] {
  return [
    { type: 'C', value: 'BE' },
    { type: 'O', value: FAKE_PKI_ORGANISATION },
    { type: 'CN', value: 'TEST Citizen CA' },
    { type: 'serialNumber', value: generation === 'rsa' ? '201709' : '202002' },
  ];
}
