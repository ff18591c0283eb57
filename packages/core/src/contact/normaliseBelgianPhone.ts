import { invalidContactData } from './invalidContactData.js';

/**
 * Normalises a Belgian phone number to E.164 (`+32` + national number without the trunk 0):
 * accepts `0x...`, `+32 x...`, `+32 (0)x...` and `0032 x...`; landlines have 8 national digits
 * (area code 1-9 but not 4), mobiles 9 starting with 4 (BIPT numbering plan).
 */
export function normaliseBelgianPhone(value: string, field = 'phone'): string {
  const compact = value.replace(/[\s./()-]/g, '');
  const national = nationalNumber(compact);
  const isMobile = /^4[5-9][0-9]{7}$/.test(national);
  const isLandline = /^[1-35-9][0-9]{7}$/.test(national);
  if (!isMobile && !isLandline) {
    throw invalidContactData(
      field,
      value,
      'phone-syntax',
      'Belgian phone number: expected 0X XXX XX XX (landline) or 04XX XX XX XX (mobile), optionally as +32 or 0032',
    );
  }
  return `+32${national}`;
}

function nationalNumber(compact: string): string {
  // "+32 (0)2 ..." keeps the trunk 0 in brackets; the brackets are already gone here.
  const international = /^(?:\+|00)32(.*)$/.exec(compact);
  if (international) return (international[1] ?? '').replace(/^0/, '');
  if (/^0[1-9]/.test(compact)) return compact.slice(1);
  return '';
}
