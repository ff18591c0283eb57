import { afterEach, describe, expect, it, vi } from 'vitest';
import { EhealthCertError } from '@ehealth-cert/core';
import { ehealthEndpoints, endpointsFor, endpointsFromBase } from './EhealthEndpoints.js';

describe('ehealthEndpoints (DOMAIN.md 1.1)', () => {
  it('gives the acceptance endpoints', () => {
    expect(ehealthEndpoints('acc', undefined)).toEqual({
      certRa: 'https://services-acpt.ehealth.fgov.be/CertRa/v2',
      etkRa: 'https://services-acpt.ehealth.fgov.be/EtkRa/v2',
      etkDepot: 'https://services-acpt.ehealth.fgov.be/EtkDepot/v1',
    });
  });

  it('gives the production endpoints', () => {
    expect(ehealthEndpoints('prd', '')).toEqual({
      certRa: 'https://services.ehealth.fgov.be/CertRa/v2',
      etkRa: 'https://services.ehealth.fgov.be/EtkRa/v2',
      etkDepot: 'https://services.ehealth.fgov.be/EtkDepot/v1',
    });
  });

  it('serves every service under the override base (EHEALTH_CERT_ENDPOINT_BASE)', () => {
    expect(ehealthEndpoints('prd', 'http://127.0.0.1:8080/')).toEqual({
      certRa: 'http://127.0.0.1:8080/CertRa/v2',
      etkRa: 'http://127.0.0.1:8080/EtkRa/v2',
      etkDepot: 'http://127.0.0.1:8080/EtkDepot/v1',
    });
  });

  it('refuses a base that is not an http(s) URL, naming it', () => {
    expect(() => endpointsFromBase('127.0.0.1:8080')).toThrowError(EhealthCertError);
    expect(() => endpointsFromBase('ftp://x')).toThrowError(/ftp:\/\/x/);
  });
});

describe('endpointsFor (the front ends)', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('calls the published hosts of prd and acc, and acc\'s for sim without a simulator base', () => {
    expect(endpointsFor('prd', undefined).certRa).toBe('https://services.ehealth.fgov.be/CertRa/v2');
    expect(endpointsFor('acc', undefined).etkRa).toBe('https://services-acpt.ehealth.fgov.be/EtkRa/v2');
    expect(endpointsFor('sim', undefined).etkDepot).toBe('https://services-acpt.ehealth.fgov.be/EtkDepot/v1');
  });

  it('serves every service under the base, whatever the environment', () => {
    expect(endpointsFor('prd', 'http://127.0.0.1:9/')).toEqual(endpointsFromBase('http://127.0.0.1:9'));
    expect(endpointsFor('sim', 'http://127.0.0.1:9').certRa).toBe('http://127.0.0.1:9/CertRa/v2');
  });

  it('does not read EHEALTH_CERT_ENDPOINT_BASE again: the front ends have turned it into the base', () => {
    vi.stubEnv('EHEALTH_CERT_ENDPOINT_BASE', 'http://127.0.0.1:9');
    expect(endpointsFor('prd', undefined).certRa).toBe('https://services.ehealth.fgov.be/CertRa/v2');
  });
});
