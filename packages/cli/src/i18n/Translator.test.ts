import { describe, expect, it } from 'vitest';
import { en } from './en.js';
import { fr } from './fr.js';
import { nl } from './nl.js';
import { detectLanguage, fill, Translator } from './Translator.js';

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

describe('plurals through ICU MessageFormat (intl-messageformat)', () => {
  it('follows each language\'s plural rules: no "essai(s)", no "1 heures"', () => {
    const fr = new Translator('fr');
    expect(fr.t((m) => m.wizard.pinTriesLeft, { n: 1 })).toBe('Encore 1 essai avant le blocage de la carte.');
    expect(fr.t((m) => m.wizard.pinTriesLeft, { n: '2' })).toBe('Encore 2 essais avant le blocage de la carte.');
    expect(fr.t((m) => m.demo.clock, { hours: 1 })).toContain('1 heure,');
    expect(fr.t((m) => m.demo.clock, { hours: 25 })).toContain('25 heures,');
    expect(new Translator('nl').t((m) => m.wizard.pinTriesLeft, { n: 1 })).toBe('Nog 1 poging voor de kaart geblokkeerd wordt.');
    expect(new Translator('en').t((m) => m.wizard.pinTriesLeft, { n: 2 })).toBe('2 tries left before the card is blocked.');
    expect(new Translator('en').t((m) => m.expiry.valid, { name: 'X', date: '2029-01-01', days: 1 })).toBe('X: valid until 2029-01-01 (1 day left)');
  });

  it('leaves no "(s)" or "(en)" plural placeholder in any catalogue', async () => {
    const { fr } = await import('./fr.js');
    const { nl } = await import('./nl.js');
    const { en } = await import('./en.js');
    const texts = (value: unknown): string[] => (typeof value === 'string' ? [value] : Object.values(value as object).flatMap(texts));
    for (const text of [...texts(fr), ...texts(nl), ...texts(en)]) {
      expect(text).not.toMatch(/\w\((?:s|en|e)\)(?!\w)/);
    }
  });
});
