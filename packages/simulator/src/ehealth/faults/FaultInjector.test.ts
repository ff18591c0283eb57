import { describe, expect, it } from 'vitest';
import { SeededRandom } from '../random/SeededRandom.js';
import { FaultInjector } from './FaultInjector.js';

describe('FaultInjector', () => {
  it('hits once by default, N times when asked, and only the named operation', () => {
    const f = new FaultInjector(new SeededRandom('x'));
    f.add({ operation: 'GetCertificate', kind: 'http500' });
    f.add({ operation: 'Revoke', kind: 'reset', times: 2 });
    expect(f.decide('GenerateContract').failure).toBeUndefined();
    expect(f.decide('GetCertificate').failure).toBe('http500');
    expect(f.decide('GetCertificate').failure).toBeUndefined();
    expect([f.decide('Revoke').failure, f.decide('Revoke').failure, f.decide('Revoke').failure]).toEqual(['reset', 'reset', undefined]);
  });

  it('draws probabilities from the seed, so two runs with one seed fail on the same requests', () => {
    const run = () => {
      const f = new FaultInjector(new SeededRandom('seed'));
      f.add({ operation: '*', kind: 'http503', probability: 0.3 });
      return Array.from({ length: 50 }, () => f.decide('GetCertificate').failure ?? '-');
    };
    const a = run();
    expect(run()).toEqual(a);
    expect(a.filter((x) => x === 'http503').length).toBeGreaterThan(5);
    expect(a.filter((x) => x === 'http503').length).toBeLessThan(30);
  });

  it('adds latency on top of a failure', () => {
    const f = new FaultInjector(new SeededRandom('x'));
    f.add({ operation: '*', kind: 'latency', latencyMs: 250 });
    f.add({ operation: '*', kind: 'noAnswer' });
    expect(f.decide('GetEtk')).toEqual({ latencyMs: 250, failure: 'noAnswer' });
  });

  it('refuses an unknown kind, naming the field', () => {
    expect(() => new FaultInjector(new SeededRandom()).add({ operation: '*', kind: 'boom' as never })).toThrow(/fault\.kind/);
  });
});
