import { describe, expect, it } from 'vitest';
import { passwordStrength } from './passwordStrength.js';

const context = { identifiers: ['NIHII-AMBU_SERVICE=17123468'], names: ['Alice Geldigekaart', 'AMBULANCES DE LA SENNE'] };

describe('passwordStrength', () => {
  it('names the broken rule of step 11 and rates the password too weak', () => {
    expect(passwordStrength('azerty123', context)).toEqual({ brokenRule: 'length', level: 0 });
    expect(passwordStrength('Senne-ambulances-2024!', context)).toEqual({ brokenRule: 'name', level: 0 });
    expect(passwordStrength('x17123468-Horloge!', context)).toEqual({ brokenRule: 'identifier', level: 0 });
    expect(passwordStrength('P@ssw0rd2024!', context)).toEqual({ brokenRule: 'common', level: 0 });
  });

  it('rates a password that keeps the rules by its length first, then its mix of character kinds', () => {
    expect(passwordStrength('lkjhgfdsqmpo', context).level).toBe(1);
    expect(passwordStrength('tulipehorloge', context).level).toBe(1);
    expect(passwordStrength('Tulipehorloge', context).level).toBe(1);
    expect(passwordStrength('Tulipe-horloge', context).level).toBe(2);
    expect(passwordStrength('Tulipe-Horloge-42', context).level).toBe(3);
    expect(passwordStrength('tulipehorlogenuagepont', context).level).toBe(3);
    expect(passwordStrength('Tulipe-Horloge-Brouillard-42', context).level).toBe(3);
  });

  it('accepts a passphrase of four words', () => {
    expect(passwordStrength('tulipe horloge nuage pont', context).brokenRule).toBeUndefined();
  });
});
