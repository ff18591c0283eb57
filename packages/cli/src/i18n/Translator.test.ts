import { describe, expect, it } from 'vitest';
import { en } from './en.js';
import { fr } from './fr.js';
import { nl } from './nl.js';
import { detectLanguage, fill } from './Translator.js';

function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keys(v, `${prefix}.${k}`));
}

describe('texts', () => {
  it('has every English text in French and Dutch too', () => {
    expect(keys(fr)).toEqual(keys(en));
    expect(keys(nl)).toEqual(keys(en));
  });

  it('names every manual step in each language, with the manual\'s words in French', () => {
    expect(fr.steps['14']).toBe('Étape 14 : introduisez votre code PIN');
    expect(fr.steps['8M']).toContain('Une autre organisation pour laquelle je peux gérer des certificats');
    expect(nl.steps['15']).toMatch(/^Stap 15/);
  });
});

describe('detectLanguage', () => {
  it('reads LC_ALL before LANG, and falls back to English', () => {
    expect(detectLanguage(undefined, { LC_ALL: 'nl_BE.UTF-8', LANG: 'fr_BE.UTF-8' })).toBe('nl');
    expect(detectLanguage(undefined, { LANG: 'fr_FR.UTF-8' })).toBe('fr');
    expect(detectLanguage(undefined, { LANG: 'de_DE.UTF-8' })).toBe('en');
    expect(detectLanguage(undefined, {})).toBe('en');
    expect(detectLanguage('NL', {})).toBe('nl');
    expect(detectLanguage('de', {})).toBeUndefined();
  });

  it('fills placeholders and leaves unknown ones', () => {
    expect(fill('a {x} {y}', { x: 1 })).toBe('a 1 {y}');
  });
});
