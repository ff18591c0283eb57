import { describe, expect, it } from 'vitest';
import { Translator } from '../i18n/Translator.js';
import { describeParseError, optionName } from './describeParseError.js';

describe('describeParseError', () => {
  it('names an option without the value glued to it', () => {
    expect(optionName('--pin=1234')).toBe('--pin');
    expect(optionName('--password=a=b')).toBe('--password');
    expect(optionName('-p1234')).toBe('-p');
    expect(optionName('--bogus')).toBe('--bogus');
  });

  it('says where a PIN or a password comes from instead of echoing commander\'s message', () => {
    const en = new Translator('en');
    const pin = describeParseError({ code: 'commander.unknownOption', message: "error: unknown option '--pin=1234'" }, en, 'ehealth-cert request');
    expect(pin).toContain('--pin');
    expect(pin).toContain('EHEALTH_CERT_PIN');
    expect(pin).not.toContain('1234');
    const password = describeParseError({ code: 'commander.unknownOption', message: "error: unknown option '--keystore-password=s3cret'" }, new Translator('nl'), 'ehealth-cert');
    expect(password).toContain('EHEALTH_CERT_KEYSTORE_PASSWORD');
    expect(password).not.toContain('s3cret');
  });

  it('falls back to a generic line in the chosen language for an error it does not know', () => {
    expect(describeParseError({ code: 'commander.conflictingOption', message: 'error: x' }, new Translator('fr'), 'ehealth-cert')).toBe(
      'Ligne de commande incorrecte : voir ehealth-cert --help.',
    );
  });
});
