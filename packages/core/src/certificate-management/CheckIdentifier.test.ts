import { describe, expect, it } from 'vitest';
import { CheckIdentifier } from './CheckIdentifier.js';

describe('CheckIdentifier', () => {
  it('accepts a valid ambulance service number and names its type', () => {
    const report = new CheckIdentifier().execute({ identifier: 'nihii-ambu_service=910.001.53' });
    expect(report).toMatchObject({ valid: true, identifier: { type: 'NIHII-AMBU_SERVICE', value: '91000153' }, definition: { length: 8 } });
  });

  it('reports wrong check digits as an outcome, with the rule broken', () => {
    const report = new CheckIdentifier().execute({ identifier: 'NIHII-AMBU_SERVICE=91000154' });
    expect(report.valid).toBe(false);
    if (report.valid) return;
    expect(report.error.code).toBe('INVALID_IDENTIFIER');
  });
});
