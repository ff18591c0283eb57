import { EhealthCertError } from '@ehealth-cert/core';
import { describe, expect, it } from 'vitest';
import { Translator } from '../i18n/Translator.js';
import { withoutInternalReferences } from '@ehealth-cert/core';
import { describeError, errorDetail } from './describeError.js';
import { inChosenLanguage } from './inChosenLanguage.js';

describe('describeError', () => {
  it('says what happened, the precise rule and what to do, in one line of the chosen language', () => {
    const error = new EhealthCertError('PIN_INCORRECT', 'The eID PIN is incorrect.', { triesLeft: 2 });
    const described = describeError(error, new Translator('nl'));
    expect(described.exitCode).toBe(4);
    expect(described.line).toBe('Foute pincode: Nog 2 pogingen voor de kaart geblokkeerd wordt. Probeer opnieuw met de juiste pincode; na 3 foute pincodes wordt de kaart geblokkeerd.');
    expect(described.line).not.toContain('\n');
    // Core's English text stays for --verbose and --json.
    expect(described.message).toBe('The eID PIN is incorrect.');
  });

  it('builds the French line from the code and details, never from core\'s English message', () => {
    const error = new EhealthCertError('INVALID_IDENTIFIER', 'organisation: "12345679" is not valid: check digits: expected 97, got 12', {
      field: 'organisation',
      value: '12345679',
      rule: 'check-digits',
      expected: 97,
      actual: 12,
    });
    expect(describeError(error, new Translator('fr')).line).toBe(
      "Identifiant incorrect : identifiant de l'organisation « 12345679 », chiffres de contrôle erronés, attendu 97, reçu 12. Vérifiez l'identifiant (type et numéro) et recommencez.",
    );
  });

  it('says the words core puts in an expected value in the chosen language', () => {
    const error = new EhealthCertError('INVALID_IDENTIFIER', 'SSIN: bad check digits', {
      field: 'SSIN',
      value: '85071400253',
      rule: 'check-digits',
      expected: '54 (born before 2000) or 83 (born in or after 2000)',
      actual: '53',
    });
    expect(errorDetail(error, new Translator('fr'))).toContain('attendu 54 (né avant 2000) ou 83 (né en 2000 ou après), reçu 53');
  });

  it('names the password rule, the keystore file and eHealth\'s own words (not its code) in the chosen language', () => {
    const fr = new Translator('fr');
    expect(errorDetail(new EhealthCertError('WEAK_PASSWORD', 'keystore password: too short', { field: 'password', rule: 'length' }), fr)).toContain('trop court : au moins 12 caractères');
    expect(errorDetail(new EhealthCertError('KEYSTORE_PASSWORD_WRONG', 'Wrong password for /k/a.p12.', { path: '/k/a.p12' }), fr)).toBe('fichier /k/a.p12');
    expect(errorDetail(new EhealthCertError('EHEALTH_REJECTED', 'eHealth refused: X', { ehealthCode: 'NOT_AUTHORIZED', ehealthMessage: 'pas de mandat' }), new Translator('nl'))).toBe(
      'antwoord van eHealth: "pas de mandat"',
    );
  });

  it('says the eHealth step, dates and ETK states in words: no SOAP operation, ISO date or protocol value', () => {
    const fr = new Translator('fr');
    const unreachable = errorDetail(new EhealthCertError('EHEALTH_UNAVAILABLE', 'eHealth unreachable (GenerateCertificate)', { operation: 'GenerateCertificate' }), fr);
    expect(unreachable).toBe('à l\'étape « eHealth : envoi de la demande de certificat »');
    const early = errorDetail(new EhealthCertError('RENEWAL_NOT_ALLOWED', 'too early', { windowStart: '2029-09-03T10:00:00.000Z' }), fr);
    expect(early).toBe('renouvellement possible à partir du 3 septembre 2029');
    const etk = errorDetail(new EhealthCertError('CERTIFICATE_NOT_ACTIVE', 'ETK state', { etkStatus: 'WAIT_FOR_ACTIVATION' }), fr);
    expect(etk).toContain("en attente d'activation");
    expect(etk).not.toContain('WAIT_FOR_ACTIVATION');
  });

  it('says eHealth\'s refusals in words in English too, without the SOAP operation or the service', () => {
    const refused = new EhealthCertError('EHEALTH_REJECTED', 'eHealth refused GetCertificate: no such request', { operation: 'GetCertificate', ehealthCode: 'UNKNOWN', ehealthMessage: 'no such request' });
    expect(describeError(refused, new Translator('en')).line).toBe('eHealth refused: eHealth says: "no such request". ' + new Translator('en').m.errors.what.EHEALTH_REJECTED);
    const etk = new EhealthCertError('EHEALTH_RESPONSE_INVALID', 'the EtkRA challenge does not decrypt', { operation: 'StartETKRegistration' });
    expect(describeError(etk, new Translator('en')).line).not.toMatch(/EtkRA|StartETKRegistration/u);
  });

  it('keeps core\'s message in English and the CLI\'s own message when it is already in the chosen language', () => {
    const error = new EhealthCertError('PIN_INCORRECT', 'The eID PIN is incorrect. 2 tries left.', { triesLeft: 2 });
    expect(describeError(error, new Translator('en')).line).toContain('Wrong PIN: The eID PIN is incorrect. 2 tries left.');
    const own = inChosenLanguage(new EhealthCertError('INVALID_INPUT', '--org-index 9 ne figure pas dans la liste (1 à 2)', { flag: '--org-index', max: 2 }));
    expect(describeError(own, new Translator('fr')).line).toContain('--org-index 9 ne figure pas dans la liste (1 à 2).');
  });

  it('treats anything that is not an EhealthCertError as INTERNAL (exit 1), its text only under --verbose', () => {
    const described = describeError(new TypeError('boom'), new Translator('fr'));
    expect(described).toMatchObject({ code: 'INTERNAL', exitCode: 1, message: 'boom' });
    expect(described.line).toMatch(/^Erreur inattendue\. /);
    expect(described.line).not.toContain('boom');
  });

  it('says what happened once when core\'s English message starts with it', () => {
    const en = new Translator('en');
    const absent = describeError(new EhealthCertError('CARD_ABSENT', 'No eID card found: connect the card reader and insert the card (no token labelled BELPIC).'), en);
    expect(absent.line).toBe('No eID card found: connect the card reader and insert the card (no token labelled BELPIC). Insert your eID in the reader and try again.');
    const refused = describeError(
      new EhealthCertError('EHEALTH_REJECTED', 'eHealth refused GetCertificate: UNKNOWN_PUBLIC_KEY_IDENTIFIER', { operation: 'GetCertificate', ehealthCode: 'UNKNOWN_PUBLIC_KEY_IDENTIFIER' }),
      en,
    );
    // eHealth's code and the SOAP operation are for --verbose; the step is said as the screen said it.
    expect(refused.line).toMatch(/^eHealth refused: at the step "eHealth: is the certificate ready\?"\. /u);
    expect(refused.line).not.toMatch(/GetCertificate|UNKNOWN_PUBLIC_KEY_IDENTIFIER/u);
    expect(refused.line.match(/eHealth refused/g)).toHaveLength(1);
  });

  it('shows no developer references (DOMAIN.md sections, issues) to the person', () => {
    const unknownType = new EhealthCertError('INVALID_IDENTIFIER', 'identifier type: "FOO" is not valid: unknown identifier type (see DOMAIN.md 4.2)', {
      field: 'identifier type',
      value: 'FOO',
      rule: 'unknown-type',
    });
    const en = describeError(unknownType, new Translator('en')).line;
    expect(en).not.toMatch(/DOMAIN|\.md/);
    expect(en).toContain('unknown identifier type. Check the identifier');
    expect(withoutInternalReferences('not an eHealth DN (CN must be TYPE=ID[, APPID], DOMAIN.md 4.1).')).toBe('not an eHealth DN (CN must be TYPE=ID[, APPID]).');
    expect(withoutInternalReferences('locked by the simulator (issue 3)')).toBe('locked by the simulator');
    // French and Dutch name the field in their language too.
    expect(describeError(unknownType, new Translator('fr')).line).toBe(
      "Identifiant incorrect : type d'identifiant « FOO », type d'identifiant inconnu. Vérifiez l'identifiant (type et numéro) et recommencez.",
    );
    expect(describeError(unknownType, new Translator('nl')).line).toContain('type identificatie "FOO"');
  });

  it('has its own words for a keystore folder gone mid-run (exit 1) and a PKCS#12 that is not an eHealth keystore (exit 2), in each language', () => {
    const gone = new EhealthCertError('KEYSTORE_FOLDER_MISSING', 'The keystore folder /srv/ks was there earlier in this run and is gone now', { folder: '/srv/ks' });
    expect(describeError(gone, new Translator('fr'))).toMatchObject({ exitCode: 1, line: expect.stringMatching(/^Le dossier des keystores a disparu.*n'est pas recréé vide/) });
    expect(describeError(gone, new Translator('nl')).line).toMatch(/^De keystoremap is verdwenen/);
    const other = new EhealthCertError('KEYSTORE_NOT_EHEALTH', '/srv/x.p12 is a readable PKCS#12 file but not an eHealth keystore (DOMAIN.md 3)', { path: '/srv/x.p12', aliases: ['tomcat'] });
    const en = describeError(other, new Translator('en'));
    expect(en.exitCode).toBe(2);
    expect(en.line).toMatch(/^Not an eHealth keystore: .*it has no "authentication" key: it is not an eHealth keystore/);
    expect(en.line).not.toMatch(/[Dd]amaged|DOMAIN/);
    expect(describeError(other, new Translator('fr')).line).toMatch(/^Ce n'est pas un keystore eHealth : fichier \/srv\/x\.p12/);
  });
});
