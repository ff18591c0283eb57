import { describe, expect, it } from 'vitest';
import { checkKeystorePassword } from './checkKeystorePassword.js';

const context = { identifiers: ['NIHII-AMBU_SERVICE=27456344', '85073003328', 'CBE=0809394427'], names: ['Jean-François Van den Brûle', "Service d'ambulance Saint-Léger"] };

describe('checkKeystorePassword', () => {
  it.each([
    'vK9#mQ2!xT7p',
    'Tr0ub4dor&3-horse',
    'correct horse battery staple',
    'kat muis boom ster',
    'zon-maan-wolk-vis',
    'Mon chien mange 3 pommes',
    'Ĳsberg-Ölfäß-2847-qz',
  ])('accepts %s', (password) => {
    expect(() => checkKeystorePassword(password, context)).not.toThrow();
  });

  it.each([
    ['short1!', 'length'],
    ['Ab3$efG7*k1', 'length'],
    ['ab cd ef', 'length'],
    ['aa aa bb cc', 'length'],
    ['xZ27456344kq!', 'identifier'],
    ['pw-85.07.30-033.28', 'identifier'],
    ['my809394427pass', 'identifier'],
    ['xq-DUPONT-brule-77', 'name'],
    ['jeanfrancois2024!', 'name'],
    ['saint leger ambu 12', 'name'],
    ['motdepasse2024!', 'common'],
    ['P@ssw0rd2024!', 'common'],
    ['Wachtwoord123456', 'common'],
    ['123456789012', 'common'],
    ['azertyuiop123', 'common'],
    ['poiuytreza!!', 'common'],
    ['aaaaaaaaaaaa', 'common'],
    ['abcabcabcabc', 'common'],
    ['Bruxelles1000', 'common'],
    ['!!!!!!!!!!!!!!', 'common'],
  ])('rejects %s (rule %s) without echoing it', (password, rule) => {
    expect(() => checkKeystorePassword(password, { ...context, names: ['Dupont Brûle', ...context.names] })).toThrow(
      expect.objectContaining({
        code: 'WEAK_PASSWORD',
        details: expect.objectContaining({ field: 'password', rule }),
        message: expect.not.stringContaining(password),
      }),
    );
  });

  it('ignores surname particles and identifiers too short to matter', () => {
    expect(() => checkKeystorePassword('caravan denver kite', { names: ['Van Den Berg'] })).not.toThrow();
    expect(() => checkKeystorePassword('x7Qw-0123-zzLp', { identifiers: ['SITE=0123'] })).toThrow(expect.objectContaining({ details: expect.objectContaining({ rule: 'identifier' }) }));
    expect(() => checkKeystorePassword('x7Qw-123-zzLpk', { identifiers: ['SITE=0012'] })).not.toThrow();
  });
});
