import { describe, expect, it } from 'vitest';
import { Translator } from '../i18n/Translator.js';
import { organisationNameProblem } from './WizardAnswers.js';

// Step 8M in the wizard: the organisation's official name is checked as it is typed, with core's
// rule for free text sent to eHealth, and the wizard asks it again saying why (issue 13, issue 15).
describe('organisationNameProblem', () => {
  const fr = new Translator('fr');

  it('accepts an official name as the BCE writes it', () => {
    expect(organisationNameProblem('Ambulances du Canal SPRL', fr)).toBe(true);
  });

  it('refuses a name longer than 200 characters, saying the limit in French', () => {
    const problem = organisationNameProblem('A'.repeat(201), fr);
    expect(problem).not.toBe(true);
    expect(problem).toMatch(/200/);
    expect(problem).not.toMatch(/characters long|officialName/);
  });

  it('refuses a bidi override (pasted) and a control character, naming the field and the rule', () => {
    expect(organisationNameProblem('Ambulances \u202Eosac', fr)).toMatch(/nom officiel.*caractère de contrôle ou invisible/);
    expect(organisationNameProblem('Ambulances\u0007Canal', fr)).toMatch(/nom officiel.*caractère de contrôle ou invisible/);
  });

  it('asks again for an empty name', () => {
    expect(organisationNameProblem('   ', fr)).toBe(fr.m.wizard.orgName);
  });
});
