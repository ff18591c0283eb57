import { EhealthCertError } from '@ehealth-cert/core';
import { describe, expect, it } from 'vitest';
import { Translator } from '../i18n/Translator.js';
import { describeError } from './describeError.js';

describe('describeError', () => {
  it('says what happened, the precise rule and what to do, in one line of the chosen language', () => {
    const error = new EhealthCertError('PIN_INCORRECT', 'The eID PIN is incorrect.', { triesLeft: 2 });
    const described = describeError(error, new Translator('nl'));
    expect(described.exitCode).toBe(4);
    expect(described.line).toBe('Foute pincode: The eID PIN is incorrect. Nog 2 poging(en) voor de kaart geblokkeerd wordt. Probeer opnieuw met de juiste pincode; na 3 foute pincodes wordt de kaart geblokkeerd.');
    expect(described.line).not.toContain('\n');
  });

  it('treats anything that is not an EhealthCertError as INTERNAL (exit 1)', () => {
    const described = describeError(new TypeError('boom'), new Translator('fr'));
    expect(described).toMatchObject({ code: 'INTERNAL', exitCode: 1 });
    expect(described.line).toContain('Erreur inattendue: boom.');
  });
});
