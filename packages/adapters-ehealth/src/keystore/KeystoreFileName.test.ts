import { describe, expect, it } from 'vitest';
import { keystoreFileName, parseKeystoreFileName } from './KeystoreFileName.js';

describe('keystore file names (DOMAIN.md 3)', () => {
  const at = new Date(2025, 10, 17, 12, 24, 25);

  it('names files TYPE=ID[,APPID] yyyyMMdd-HHmmss with the environment extension', () => {
    expect(keystoreFileName('SSIN=85073003328', at, 'acc')).toBe('SSIN=85073003328 20251117-122425.acc-p12');
    expect(keystoreFileName('NIHII-HOSPITAL=71000436,MYAPP', at, 'prd')).toBe('NIHII-HOSPITAL=71000436,MYAPP 20251117-122425.p12');
    expect(keystoreFileName('SSIN=1', at, 'prd', 2)).toBe('SSIN=1 20251117-122425-2.p12');
  });

  it('parses our names and the dash/dot variants', () => {
    expect(parseKeystoreFileName('SSIN=85073003328 20251117-122425.acc-p12')).toEqual({
      certificateName: 'SSIN=85073003328', timestamp: '20251117-122425', sequence: 1, environment: 'acc',
    });
    expect(parseKeystoreFileName('SSIN=85073003328-20230823-085751.acc.p12')).toMatchObject({ certificateName: 'SSIN=85073003328', environment: 'acc' });
    expect(parseKeystoreFileName('NIHII-HOSPITAL=71000436,MYAPP 20240101-120000-3.p12')).toMatchObject({
      certificateName: 'NIHII-HOSPITAL=71000436,MYAPP', sequence: 3, environment: 'prd',
    });
  });

  it('ignores files that are not keystores', () => {
    expect(parseKeystoreFileName('pending-requests.json')).toBeUndefined();
    expect(parseKeystoreFileName('SSIN=1 20240101-120000.p12.old-20240102-000000')).toBeUndefined();
    expect(parseKeystoreFileName('.SSIN=1 20240101-120000.p12.tmp-abcdef')).toBeUndefined();
  });
});
