import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { ERROR_CODES } from '@ehealth-cert/core';
import { API_ERROR_CODES } from './ApiErrorCode.js';
import { localizeProblem, problemLanguageOf } from './problemLanguage.js';
import { problemType } from './ProblemDocument.js';
import { authorized } from '../testing/authorized.js';
import { fakeApp } from '../testing/fakeApp.js';

describe('problemLanguageOf', () => {
  it.each([
    [undefined, 'en'],
    ['fr', 'fr'],
    ['fr-BE,fr;q=0.9,en;q=0.5', 'fr'],
    ['de-DE, nl;q=0.8, fr;q=0.5', 'nl'],
    ['en;q=0.2, fr;q=0.9', 'fr'],
    ['nl;q=0, fr', 'fr'],
    ['de', 'en'],
    ['*', 'en'],
  ])('%s → %s', (header, language) => {
    expect(problemLanguageOf(header)).toBe(language);
  });
});

describe('localizeProblem', () => {
  it('has a French and a Dutch sentence for every code, none in English', () => {
    for (const code of [...ERROR_CODES, ...API_ERROR_CODES]) {
      const document = { type: problemType(code), title: code, status: 400, detail: 'English text', code, details: { field: 'body.pin', rule: 'required' } };
      for (const language of ['fr', 'nl'] as const) {
        const detail = localizeProblem(document, language).detail;
        expect(detail, `${code} ${language}`).not.toBe('English text');
        expect(detail.length, `${code} ${language}`).toBeGreaterThan(10);
        // In the client's language (issue 15): no English word, no French word in Dutch, no internal document.
        expect(detail, `${code} ${language}`).not.toMatch(/\b(the|not|with|and|must|cannot|should|retry)\b/i);
        if (language === 'nl') expect(detail, code).not.toMatch(/\b(le|la|les|est|pas|doit|avec|une)\b/i);
        expect(detail, `${code} ${language}`).not.toMatch(/\.md\b|DOMAIN|ARCHITECTURE|\bissue \d/);
      }
    }
  });

  it('names the field and the rule, the retry delay, and uses French typography', () => {
    const document = { type: 'x', title: 't', status: 429, detail: 'd', code: 'RATE_LIMITED' as const, details: { retryAfter: 42, limit: 10 } };
    expect(localizeProblem(document, 'fr').detail).toBe('Trop de codes PIN ou de mots de passe erronés ; patientez avant de réessayer. Réessayez dans 42\u00a0s.');
    const invalid = { ...document, code: 'INVALID_INPUT' as const, details: { field: 'body.contactData.emailGeneral', rule: 'format' } };
    expect(localizeProblem(invalid, 'nl').detail).toBe('Een verzonden gegeven voldoet niet aan de regels. Veld: body.contactData.emailGeneral (regel: format).');
    expect(localizeProblem(invalid, 'fr').detail).toContain('Champ\u00a0: body.contactData.emailGeneral (règle\u00a0: format).');
  });
});

describe('Accept-Language over HTTP', () => {
  let app: FastifyInstance;
  afterEach(() => app.close());

  it('chooses the language of detail; code, title and details stay the same', async () => {
    ({ app } = await fakeApp());
    const ask = (language?: string) =>
      app.inject({ method: 'POST', url: '/organisations/query', headers: authorized(language === undefined ? {} : { 'accept-language': language }), payload: { pin: '0000' } });
    const english = await ask();
    const french = await ask('fr-BE, en;q=0.5');
    // A third wrong PIN would block the card: Dutch is checked on a missing PIN.
    const dutch = await app.inject({ method: 'POST', url: '/organisations/query', headers: authorized({ 'accept-language': 'nl' }), payload: {} });
    expect(english.json().code).toBe('PIN_INCORRECT');
    expect(french.json()).toMatchObject({ code: 'PIN_INCORRECT', title: english.json().title, detail: 'Le code PIN est incorrect.' });
    expect(french.headers['content-language']).toBe('fr');
    expect(dutch.json().detail).toBe('De pincode is nodig: stuur ze in het veld "pin". Veld: body.pin.');
    expect(english.headers['content-language']).toBe('en');
  });

  it('applies to the token check, unknown routes and the problem of a failed job', async () => {
    ({ app } = await fakeApp());
    const unauthorized = await app.inject({ url: '/keystores', headers: { 'accept-language': 'fr' } });
    expect(unauthorized.statusCode).toBe(401);
    expect(unauthorized.json().detail).toMatch(/^Le jeton d’accès/);
    const missing = await app.inject({ url: '/nowhere', headers: authorized({ 'accept-language': 'nl' }) });
    expect(missing.json().detail).toBe('Dit adres bestaat niet in de API.');

    const body = {
      organisation: { kind: 'personal' },
      contactData: { emailPrivate: 'a@example.be', phonePrivate: '+3221234567', emailGeneral: 'info@example.be' },
      password: 'Correct-Horse-Battery-9',
      pin: '0000',
      acceptTerms: true,
    };
    const started = await app.inject({ method: 'POST', url: '/requests', headers: authorized({ 'idempotency-key': 'k' }), payload: body });
    const job = await app.inject({ url: started.headers.location as string, headers: authorized({ 'accept-language': 'fr', prefer: 'wait=10' }) });
    expect(job.json()).toMatchObject({ status: 'failed', problem: { code: 'PIN_INCORRECT' } });
    // The keystore kept on disk for this request is named (its file name, never the server path).
    expect(job.json().problem.detail).toMatch(/^Le code PIN est incorrect\. Keystore\u00a0: SSIN=\d{11} [\d-]+\.acc-p12\.$/);
  });
});
