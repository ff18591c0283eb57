import { describe, expect, it } from 'vitest';
import { inLanguage } from './inLanguage.js';

describe('inLanguage', () => {
  it('takes the chosen language, else French, Dutch, English, German, else nothing', () => {
    expect(inLanguage({ fr: 'Ambulance', nl: 'Ziekenwagen' }, 'nl')).toBe('Ziekenwagen');
    expect(inLanguage({ fr: 'Ambulance', nl: 'Ziekenwagen' }, 'en')).toBe('Ambulance');
    expect(inLanguage({ nl: 'Ziekenwagen', en: 'Ambulance service' })).toBe('Ziekenwagen');
    expect(inLanguage({ en: 'Ambulance service', de: 'Rettungsdienst' })).toBe('Ambulance service');
    expect(inLanguage({ de: 'Rettungsdienst' }, 'fr')).toBe('Rettungsdienst');
    expect(inLanguage({})).toBe('');
  });
});
