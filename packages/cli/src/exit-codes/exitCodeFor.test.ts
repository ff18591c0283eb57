import { ERROR_CODES } from '@ehealth-cert/core';
import { describe, expect, it } from 'vitest';
import { EXIT, exitCodeFor } from './exitCodeFor.js';

describe('exitCodeFor', () => {
  it('maps every error code of core to one of the documented statuses', () => {
    const documented = new Set(Object.values(EXIT));
    for (const code of ERROR_CODES) expect(documented.has(exitCodeFor(code) as never), code).toBe(true);
  });

  it('gives the table of the README', () => {
    expect(exitCodeFor('WEAK_PASSWORD')).toBe(2);
    expect(exitCodeFor('PIN_INCORRECT')).toBe(4);
    expect(exitCodeFor('PIN_BLOCKED')).toBe(4);
    expect(exitCodeFor('EHEALTH_REJECTED')).toBe(5);
    expect(exitCodeFor('EHEALTH_UNAVAILABLE')).toBe(6);
    expect(exitCodeFor('INTERNAL')).toBe(1);
    expect(exitCodeFor('SOMETHING_NEW')).toBe(1);
  });
});
