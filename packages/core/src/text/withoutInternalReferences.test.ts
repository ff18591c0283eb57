import { describe, expect, it } from 'vitest';
import { withoutInternalReferences } from './withoutInternalReferences.js';

describe('withoutInternalReferences', () => {
  it.each([
    ['not an eHealth DN (CN must be TYPE=ID[, APPID], DOMAIN.md 4.1).', 'not an eHealth DN (CN must be TYPE=ID[, APPID]).'],
    ['locked by the simulator (issue 3)', 'locked by the simulator'],
    ['has no "authentication" key entry with a certificate (DOMAIN.md 3).', 'has no "authentication" key entry with a certificate.'],
    ['decides on a manual request (DOMAIN.md 2.4 item 5).', 'decides on a manual request.'],
    ['a keystore name (TYPE=ID[,APPID] yyyyMMdd-HHmmss.p12, DOMAIN.md 3)', 'a keystore name (TYPE=ID[,APPID] yyyyMMdd-HHmmss.p12)'],
    ['the rule, see ARCHITECTURE.md', 'the rule,'],
    ['No reference to anything internal.', 'No reference to anything internal.'],
  ])('%s', (message, expected) => {
    expect(withoutInternalReferences(message)).toBe(expected);
  });
});
