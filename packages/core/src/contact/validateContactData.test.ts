import { describe, expect, it } from 'vitest';
import { normaliseBelgianPhone } from './normaliseBelgianPhone.js';
import { checkContactField, validateContactData } from './validateContactData.js';

const good = {
  emailPrivate: 'jean.dupont@ambulance-sx.be',
  emailGeneral: 'info@ambulance-sx.be',
  phonePrivate: '0475 12 34 56',
};

describe('normaliseBelgianPhone', () => {
  it.each([
    ['0475 12 34 56', '+32475123456'],
    ['0475/12.34.56', '+32475123456'],
    ['+32 475 12 34 56', '+32475123456'],
    ['0032 475 12 34 56', '+32475123456'],
    ['+32 (0)475 12 34 56', '+32475123456'],
    ['02 123 45 67', '+3221234567'],
    ['+32 2 123 45 67', '+3221234567'],
    ['065 12 34 56', '+3265123456'],
    ['0800 12 345', '+3280012345'],
    ['(09) 123-45-67', '+3291234567'],
  ])('normalises %s to %s', (input, e164) => {
    expect(normaliseBelgianPhone(input)).toBe(e164);
  });

  it.each(['0475 12 34 5', '0475 12 34 567', '475 12 34 56', '02 123 45 6', '0412345678', '+33 1 23 45 67 89', 'phone', '', '04751234a6'])(
    'rejects %j',
    (input) => {
      expect(() => normaliseBelgianPhone(input, 'phonePrivate')).toThrow(
        expect.objectContaining({
          code: 'INVALID_CONTACT_DATA',
          details: expect.objectContaining({ field: 'phonePrivate', value: input, rule: 'phone-syntax' }),
          message: expect.stringContaining('phonePrivate: '),
        }),
      );
    },
  );
});

describe('validateContactData', () => {
  it('returns the contact data with normalised phones and trimmed e-mails', () => {
    expect(validateContactData({ ...good, emailGeneral: ' info@Ambulance-SX.be ', phoneGeneral: '+32 (0)65 12 34 56' })).toEqual({
      emailPrivate: 'jean.dupont@ambulance-sx.be',
      emailGeneral: 'info@ambulance-sx.be',
      phonePrivate: '+32475123456',
      phoneGeneral: '+3265123456',
    });
  });

  it('leaves the generic phone out when none is given', () => {
    expect(validateContactData({ ...good, phoneGeneral: '  ' })).not.toHaveProperty('phoneGeneral');
  });

  it('accepts a foreign number in international form', () => {
    expect(validateContactData({ ...good, phonePrivate: '0033 6 12 34 56 78' }).phonePrivate).toBe('+33612345678');
  });

  it.each([
    [{ emailPrivate: undefined }, 'emailPrivate', 'required'],
    [{ emailPrivate: '  ' }, 'emailPrivate', 'required'],
    [{ emailGeneral: undefined }, 'emailGeneral', 'required'],
    [{ phonePrivate: '' }, 'phonePrivate', 'required'],
    [{ emailGeneral: 'JEAN.DUPONT@ambulance-sx.be' }, 'emailGeneral', 'generic-email-distinct'],
    [{ emailPrivate: 'jean.dupont' }, 'emailPrivate', 'email-syntax'],
    [{ emailPrivate: 'jean dupont@ambulance-sx.be' }, 'emailPrivate', 'email-syntax'],
    [{ emailGeneral: 'info@ambulance-sx' }, 'emailGeneral', 'email-syntax'],
    [{ emailGeneral: 'info@@ambulance-sx.be' }, 'emailGeneral', 'email-syntax'],
    [{ emailGeneral: 'info.@ambulance-sx.be' }, 'emailGeneral', 'email-syntax'],
    [{ emailGeneral: 'info@-ambulance.be' }, 'emailGeneral', 'email-syntax'],
    [{ phonePrivate: '12345' }, 'phonePrivate', 'phone-syntax'],
    [{ phoneGeneral: '+1 23' }, 'phoneGeneral', 'phone-syntax'],
  ])('rejects %j (%s, rule %s)', (change, field, rule) => {
    expect(() => validateContactData({ ...good, ...change })).toThrow(
      expect.objectContaining({
        code: 'INVALID_CONTACT_DATA',
        details: expect.objectContaining({ field, rule }),
        message: expect.stringMatching(new RegExp(`^${field}: `)),
      }),
    );
  });

  it('explains that expiry reminders go to the generic address', () => {
    expect(() => validateContactData({ ...good, emailGeneral: '' })).toThrow('expiry reminders');
  });
});

describe('checkContactField (step 10, one field at a time)', () => {
  it('checks one field with the rules of validateContactData and names it', () => {
    expect(checkContactField('emailPrivate', 'alice@Example.ORG')).toBe('alice@example.org');
    expect(() => checkContactField('emailPrivate', 'paarden-staan-op-stal-42')).toThrow(expect.objectContaining({ code: 'INVALID_CONTACT_DATA', details: expect.objectContaining({ field: 'emailPrivate', rule: 'email-syntax' }) }));
    expect(() => checkContactField('phonePrivate', '  ')).toThrow(expect.objectContaining({ details: expect.objectContaining({ field: 'phonePrivate', rule: 'required' }) }));
    expect(checkContactField('phoneGeneral', '')).toBeUndefined();
    expect(() => checkContactField('emailGeneral', 'ALICE@example.org', { emailPrivate: 'alice@example.org' })).toThrow(
      expect.objectContaining({ details: expect.objectContaining({ field: 'emailGeneral', rule: 'generic-email-distinct' }) }),
    );
    // A private e-mail not valid yet is no reason to refuse the generic one.
    expect(checkContactField('emailGeneral', 'info@example.org', { emailPrivate: 'not-an-email' })).toBe('info@example.org');
  });
});
