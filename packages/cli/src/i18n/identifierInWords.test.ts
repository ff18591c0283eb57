import { describe, expect, it } from 'vitest';
import { certificateNameInWords, dnInWords, identifierInWords } from './identifierInWords.js';
import { Translator } from './Translator.js';

const fr = new Translator('fr');
const nl = new Translator('nl');
const plain = (text: string) => text.replace(/\u00a0/gu, ' ');

describe('identifiers in words', () => {
  it('say the type and the number as the manual does, not eHealth\'s spelling', () => {
    expect(plain(identifierInWords({ type: 'NIHII-AMBU_SERVICE', value: '71901249' }, fr))).toBe('Service ambulancier, n° INAMI 71901249');
    expect(plain(identifierInWords({ type: 'NIHII-AMBU_SERVICE', value: '71901249' }, nl))).toBe('Ambulancedienst, RIZIV-nummer 71901249');
    expect(plain(identifierInWords({ type: 'CBE', value: '0809394427' }, fr))).toBe('Entreprise (numéro BCE), n° BCE 0809394427');
    expect(plain(identifierInWords({ type: 'SSIN', value: '85071400254' }, fr))).toBe('certificat personnel, NISS 85071400254');
  });

  it('name a certificate by its identifier and application', () => {
    expect(plain(certificateNameInWords('NIHII-AMBU_SERVICE=71901249,monlogiciel', fr))).toBe('Service ambulancier, n° INAMI 71901249, application monlogiciel');
    expect(certificateNameInWords('pas un nom', fr)).toBe('pas un nom');
  });

  it('read a subject DN as the holder and the identifier', () => {
    const dn = 'CN=NIHII-AMBU_SERVICE\\=71901249,OU=eHealth-platform Belgium,OU=AMBULANCES SUD-LUXEMBOURG,OU=NIHII-AMBU_SERVICE\\=71901249,O=Federal Government,C=BE';
    expect(plain(dnInWords(dn, fr))).toBe('AMBULANCES SUD-LUXEMBOURG, Service ambulancier, n° INAMI 71901249');
    expect(dnInWords('CN=Quelque chose,C=BE', fr)).toBe('CN=Quelque chose,C=BE');
  });
});
