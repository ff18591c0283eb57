import { describe, expect, it } from 'vitest';
import { dutchWords } from './dutchWords.js';
import { foreignWords } from './screenWords.js';

describe('dutchWords (the Dutch screen check)', () => {
  const dictionary = dutchWords();
  const words = (screen: string) => foreignWords(screen, { dictionary, allow: new Set(['eHealth', 'ETK', 'keystore']), data: [] }).map((f) => `${f.rule}:${f.word}`);

  it('knows Dutch words and compounds, not English words that split into Dutch ones', () => {
    expect(words('Stap 11: kies een sterk wachtwoord voor de keystore en de certificaataanvraag')).toEqual([]);
    expect(words('De versleutelingssleutel van de ETK, het herroepingscontract, uw privésleutel')).toEqual([]);
    expect(words('Status: pending, waiting for eHealth')).toEqual(['not-in-dictionary:pending', 'not-in-dictionary:waiting', 'not-in-dictionary:for']);
    expect(words('eHealth: GetActorQualities')).toEqual(['soap-operation:GetActorQualities']);
  });
});
