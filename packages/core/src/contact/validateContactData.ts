import type { ContactData } from '../ports/CertificateRegistry.js';
import { invalidContactData } from './invalidContactData.js';
import { normaliseBelgianPhone } from './normaliseBelgianPhone.js';
import { parseEmail } from './parseEmail.js';

/** Contact data as typed by the person (manual step 10), before validation. */
export interface ContactDataInput {
  readonly emailPrivate?: string;
  readonly emailGeneral?: string;
  readonly phonePrivate?: string;
  readonly phoneGeneral?: string;
}

/**
 * Validates the contact data of a request (certra core `ContactDataType`, manual step 10):
 * private e-mail and phone required, a generic e-mail required and distinct from the private one
 * (expiry reminders go there, so they must reach the organisation, not one person), e-mail
 * syntax checked, phones normalised to E.164. Throws INVALID_CONTACT_DATA with details.field.
 */
export function validateContactData(input: ContactDataInput): ContactData {
  const emailPrivate = checkContactField('emailPrivate', input.emailPrivate, input) as string;
  const emailGeneral = checkContactField('emailGeneral', input.emailGeneral, input) as string;
  const phonePrivate = checkContactField('phonePrivate', input.phonePrivate, input) as string;
  const phoneGeneral = checkContactField('phoneGeneral', input.phoneGeneral, input);
  return { emailPrivate, emailGeneral, phonePrivate, ...(phoneGeneral ? { phoneGeneral } : {}) };
}

/**
 * One field of step 10 on its own, with the rules of validateContactData (so that a wizard checks
 * each field as it is typed and asks only the wrong one again): returns the field normalised
 * (undefined for an empty optional phone), or throws INVALID_CONTACT_DATA naming the field. The
 * generic e-mail is compared with `given.emailPrivate` when that one is valid.
 */
export function checkContactField(field: keyof ContactDataInput, value: string | undefined, given: ContactDataInput = {}): string | undefined {
  switch (field) {
    case 'emailPrivate':
      return parseEmail(required(value, 'emailPrivate', 'the private e-mail address is required'), 'emailPrivate');
    case 'emailGeneral': {
      const emailGeneral = parseEmail(
        required(value, 'emailGeneral', 'a generic e-mail address (e.g. info@...) is required: expiry reminders are sent there'),
        'emailGeneral',
      );
      const emailPrivate = validOrUndefined(() => parseEmail(given.emailPrivate ?? '', 'emailPrivate'));
      if (emailPrivate !== undefined && emailGeneral.toLowerCase() === emailPrivate.toLowerCase()) {
        throw invalidContactData(
          'emailGeneral',
          emailGeneral,
          'generic-email-distinct',
          'the generic e-mail address must differ from the private one, so that expiry reminders still arrive when that person leaves',
        );
      }
      return emailGeneral;
    }
    case 'phonePrivate':
      return parsePhone(required(value, 'phonePrivate', 'the private phone number is required'), 'phonePrivate');
    case 'phoneGeneral': {
      const general = value?.trim();
      return general ? parsePhone(general, 'phoneGeneral') : undefined;
    }
  }
}

function validOrUndefined(parse: () => string): string | undefined {
  try {
    return parse();
  } catch {
    return undefined;
  }
}

function required(value: string | undefined, field: string, explanation: string): string {
  if (value === undefined || value.trim() === '') throw invalidContactData(field, value ?? '', 'required', explanation);
  return value;
}

// Belgian numbers are normalised; a foreign number is accepted when written in international
// form (ITU-T E.164: country code and at most 15 digits), as cross-border staff may have one.
function parsePhone(value: string, field: string): string {
  const compact = value.replace(/[\s./()-]/g, '').replace(/^00/, '+');
  if (/^\+[1-9]/.test(compact) && !compact.startsWith('+32')) {
    if (/^\+[1-9][0-9]{6,14}$/.test(compact)) return compact;
    throw invalidContactData(field, value, 'phone-syntax', 'international phone number: expected + country code and 7 to 15 digits');
  }
  return normaliseBelgianPhone(value, field);
}
