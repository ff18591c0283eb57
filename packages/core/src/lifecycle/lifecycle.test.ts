import { describe, expect, it } from 'vitest';
import { addMonthsClamped } from './addMonthsClamped.js';
import { CERTIFICATE_VALIDITY_YEARS, certificateNotAfter } from './certificateNotAfter.js';
import { daysUntil } from './daysUntil.js';
import { renewalState, renewalWindowStart } from './renewalState.js';

const at = (iso: string) => new Date(iso);

describe('certificateNotAfter', () => {
  it('ends 3 years minus one second after notBefore, as the real ACC certificate (DOMAIN.md 4.3)', () => {
    expect(CERTIFICATE_VALIDITY_YEARS).toBe(3);
    expect(certificateNotAfter(at('2023-08-23T06:47:52Z'))).toEqual(at('2026-08-23T06:47:51Z'));
  });

  it.each([
    ['2024-02-29T10:00:00Z', '2027-02-28T09:59:59Z'],
    ['2025-01-01T00:00:00Z', '2027-12-31T23:59:59Z'],
    ['2023-12-31T23:59:59.500Z', '2026-12-31T23:59:58.500Z'],
  ])('from %s ends at %s', (notBefore, notAfter) => {
    expect(certificateNotAfter(at(notBefore))).toEqual(at(notAfter));
  });
});

describe('renewalWindowStart', () => {
  it.each([
    ['2026-08-23T06:47:51Z', '2026-05-23T06:47:51Z'],
    ['2026-05-31T12:00:00Z', '2026-02-28T12:00:00Z'],
    ['2028-05-31T12:00:00Z', '2028-02-29T12:00:00Z'],
    ['2027-02-15T08:00:00Z', '2026-11-15T08:00:00Z'],
  ])('opens 3 months before %s, at %s', (notAfter, start) => {
    expect(renewalWindowStart(at(notAfter))).toEqual(at(start));
  });
});

describe('renewalState', () => {
  const notAfter = at('2026-08-23T06:47:51Z');

  it.each([
    ['2023-08-23T06:47:52Z', 'too-early'],
    ['2026-05-23T06:47:50.999Z', 'too-early'],
    ['2026-05-23T06:47:51Z', 'open'],
    ['2026-07-01T00:00:00Z', 'open'],
    ['2026-08-23T06:47:51Z', 'open'],
    ['2026-08-23T06:47:51.001Z', 'expired'],
    ['2026-08-23T06:47:52Z', 'expired'],
    ['2030-01-01T00:00:00Z', 'expired'],
  ])('at %s is %s', (now, state) => {
    expect(renewalState(notAfter, at(now))).toBe(state);
  });
});

describe('daysUntil', () => {
  it.each([
    ['2026-08-23T06:47:51Z', '2026-05-23T06:47:51Z', 92],
    ['2026-08-23T06:47:51Z', '2026-08-22T06:47:51Z', 1],
    ['2026-08-23T06:47:51Z', '2026-08-22T06:47:52Z', 0],
    ['2026-08-23T06:47:51Z', '2026-08-23T06:47:51Z', 0],
    ['2026-08-23T06:47:51Z', '2026-08-23T06:47:52Z', -1],
    ['2026-08-23T06:47:51Z', '2026-08-25T06:47:51Z', -2],
  ])('counts whole days to %s from %s: %i', (date, now, days) => {
    expect(daysUntil(at(date), at(now))).toBe(days);
  });
});

describe('addMonthsClamped', () => {
  it('keeps the time of day and crosses years both ways', () => {
    expect(addMonthsClamped(at('2026-01-31T23:30:00.250Z'), -2)).toEqual(at('2025-11-30T23:30:00.250Z'));
    expect(addMonthsClamped(at('2025-11-30T01:02:03Z'), 3)).toEqual(at('2026-02-28T01:02:03Z'));
  });
});
