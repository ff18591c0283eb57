import { describe, expect, it } from 'vitest';
import { ERROR_CODES, EhealthCertError } from './EhealthCertError.js';

describe('EhealthCertError', () => {
  it('has a closed set of stable codes: renaming or removing one breaks the front ends\' tables and scripts', () => {
    // Adding a code is fine (add it here too); changing one is a breaking change for CLI exit
    // statuses, HTTP statuses and every script that reads `code`.
    expect(ERROR_CODES).toEqual([
      'INVALID_INPUT',
      'INVALID_IDENTIFIER',
      'INVALID_CONTACT_DATA',
      'WEAK_PASSWORD',
      'TERMS_NOT_ACCEPTED',
      'CANCELLED',
      'PKCS11_MODULE_NOT_FOUND',
      'CARD_ABSENT',
      'CARD_AMBIGUOUS',
      'CARD_REMOVED',
      'CARD_ERROR',
      'PIN_INCORRECT',
      'PIN_BLOCKED',
      'PIN_UNAVAILABLE',
      'KEYSTORE_NOT_FOUND',
      'KEYSTORE_PASSWORD_WRONG',
      'KEYSTORE_CORRUPT',
      'KEYSTORE_WRITE_FAILED',
      'KEYSTORE_MISMATCH',
      'KEYSTORE_NOT_EHEALTH',
      'KEYSTORE_FOLDER_MISSING',
      'EHEALTH_REJECTED',
      'EHEALTH_UNAVAILABLE',
      'EHEALTH_RESPONSE_INVALID',
      'RENEWAL_NOT_ALLOWED',
      'REQUEST_NOT_FOUND',
      'REQUEST_UNFINISHED',
      'CERTIFICATE_NOT_ACTIVE',
      'INTERNAL',
    ]);
    expect(ERROR_CODES.every((code) => /^[A-Z][A-Z0-9_]*$/.test(code))).toBe(true);
  });

  it('carries its code, message, details and cause, and is an Error', () => {
    const cause = new Error('socket hang up');
    const error = new EhealthCertError('EHEALTH_UNAVAILABLE', 'eHealth did not answer.', { operation: 'GetCertificate' }, { cause });
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({ name: 'EhealthCertError', code: 'EHEALTH_UNAVAILABLE', message: 'eHealth did not answer.' });
    expect(error.details).toEqual({ operation: 'GetCertificate' });
    expect(error.cause).toBe(cause);
    expect(new EhealthCertError('INTERNAL', 'x').details).toEqual({});
  });

  it('tells its instances apart, by code when asked', () => {
    const error = new EhealthCertError('PIN_INCORRECT', 'Wrong PIN.', { triesLeft: 2 });
    expect(EhealthCertError.is(error)).toBe(true);
    expect(EhealthCertError.is(error, 'PIN_INCORRECT')).toBe(true);
    expect(EhealthCertError.is(error, 'PIN_BLOCKED')).toBe(false);
    expect(EhealthCertError.is(new Error('Wrong PIN.'))).toBe(false);
    expect(EhealthCertError.is({ code: 'PIN_INCORRECT', message: 'look-alike' })).toBe(false);
    expect(EhealthCertError.is(undefined)).toBe(false);
  });
});
