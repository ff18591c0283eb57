import { describe, expect, it } from 'vitest';
import { keystoreFileName, parseKeystoreFileName } from './keystoreFileName.js';

// Local-time dates, so the tests hold in any time zone (the stamp is local time, DOMAIN.md 3).
const savedAt = new Date(2025, 10, 17, 12, 24, 25);

describe('keystoreFileName', () => {
  it.each([
    ['SSIN=85073003328', 'acc', 'SSIN=85073003328 20251117-122425.acc-p12'],
    ['NIHII-HOSPITAL=71000436,MYAPP', 'prd', 'NIHII-HOSPITAL=71000436,MYAPP 20251117-122425.p12'],
    ['NIHII-AMBU_SERVICE=27456344', 'sim', 'NIHII-AMBU_SERVICE=27456344 20251117-122425.sim-p12'],
  ] as const)('names %s in %s as %s', (name, environment, fileName) => {
    expect(keystoreFileName(name, savedAt, environment)).toBe(fileName);
    expect(parseKeystoreFileName(fileName)).toEqual({ certificateName: name, savedAt, environment });
  });

  it('pads single-digit months, days and times', () => {
    expect(keystoreFileName('SSIN=1', new Date(2024, 0, 2, 3, 4, 5), 'prd')).toBe('SSIN=1 20240102-030405.p12');
  });
});

describe('parseKeystoreFileName', () => {
  it.each([
    ['SSIN=85073003328-20230823-085751.acc.p12', 'SSIN=85073003328', 'acc', new Date(2023, 7, 23, 8, 57, 51)],
    ['/home/x/ehealth/keystore/SSIN=85073003328 20230823-085751.ACC-P12', 'SSIN=85073003328', 'acc', new Date(2023, 7, 23, 8, 57, 51)],
    ['C:\\Users\\x\\ehealth\\keystore\\CBE=0809394427,KGSS-20240101-120000.p12', 'CBE=0809394427,KGSS', 'prd', new Date(2024, 0, 1, 12)],
    ['CBE=0809394427,MY-APP 20240101-120000.sim.p12', 'CBE=0809394427,MY-APP', 'sim', new Date(2024, 0, 1, 12)],
  ])('reads %s', (fileName, certificateName, environment, date) => {
    expect(parseKeystoreFileName(fileName)).toEqual({ certificateName, environment, savedAt: date });
  });

  it.each([
    'SSIN=85073003328.p12',
    'SSIN=85073003328 20230823-085751.p12.bak',
    'SSIN=85073003328 20231323-085751.p12',
    'SSIN=85073003328 20230431-085751.p12',
    'SSIN=85073003328 20230823-256000.p12',
    'SSIN=85073003328 20230823-085760.p12',
    'SSIN=85073003328 20230823-085751.jks',
    'keystore.p12',
    'SSIN=85073003328 20230823-085751.prd-p12',
  ])('ignores %s', (fileName) => {
    expect(parseKeystoreFileName(fileName)).toBeUndefined();
  });
});
