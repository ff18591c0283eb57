import { FAKE_TOKEN } from './fakeApp.js';

/** Headers with fakeApp's bearer token, plus `extra`. */
export function authorized(extra: Record<string, string> = {}): Record<string, string> {
  return { authorization: `Bearer ${FAKE_TOKEN}`, ...extra };
}
