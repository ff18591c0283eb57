import { EhealthCertError } from '../errors/EhealthCertError.js';

/** Upper-cases an application id and checks it against `[0-9A-Z-_]{1,30}` (DOMAIN.md 2.4 item 6). */
export function validateApplicationId(value: string, field = 'applicationId'): string {
  const id = value.trim().toUpperCase();
  if (!/^[0-9A-Z_-]{1,30}$/.test(id)) {
    throw new EhealthCertError(
      'INVALID_INPUT',
      `${field}: "${value}" is not valid: application id: 1 to 30 characters among A-Z, 0-9, - and _`,
      { field, value, rule: 'application-id' },
    );
  }
  return id;
}
