import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { foreignWords } from './screenWords.js';

const dictionary = new Set((createRequire(import.meta.url)('an-array-of-french-words') as string[]).map((w) => w.toLowerCase()));
const rules = { dictionary, allow: new Set(['eHealth', 'ETK', 'keystore', 'ehealth-cert']), data: ['Alice Geldigekaart'] };
const words = (screen: string) => foreignWords(screen, rules).map((f) => `${f.rule}:${f.word}`);

describe('foreignWords (the French screen check)', () => {
  it('finds protocol names, identifiers and English words', () => {
    expect(words('✓ eHealth : GetActorQualities (0,6 s)')).toEqual(['soap-operation:GetActorQualities']);
    expect(words('Statut : VALID_ACTIVE')).toEqual(['upper-snake:VALID_ACTIVE']);
    expect(words('motif : cessationOfOperation')).toEqual(['camel-case:cessationOfOperation']);
    expect(words('Certificat NIHII-AMBU_SERVICE=71901249')).toEqual(['upper-snake:NIHII-AMBU_SERVICE']);
    expect(words('service tsa/consultrn indisponible')).toEqual(['soap-operation:tsa/consultrn']);
    expect(words('… ehealth.GenerateCertificate')).toContain('dotted-name:ehealth.GenerateCertificate');
    expect(words('Statut : pending, waiting for eHealth')).toEqual(['not-in-dictionary:pending', 'not-in-dictionary:waiting']);
  });

  it('passes French sentences, elisions, compounds, and what the person typed or must copy', () => {
    expect(words("Étape 11 : utilisez un mot de passe sûr pour le keystore et sauvegardez-le bien")).toEqual([]);
    expect(words("Code PIN d'Alice Geldigekaart (clé d'authentification) ; l'ETK d'eHealth")).toEqual([]);
    expect(words('Keystore : /tmp/x/NIHII-AMBU_SERVICE=71901249 20261203-085515.sim-p12')).toEqual([]);
    expect(words('    ehealth-cert complete --env sim --keystore "/tmp/a b/c.sim-p12"')).toEqual([]);
    expect(words('relancez « ehealth-cert complete » (ou ajoutez --wait), alice@example.org, +3225550123')).toEqual([]);
    expect(words('Votre clé secrète : 36390eb80df0d70e40b03a47b7fa03e6483242db')).toEqual([]);
  });
});
