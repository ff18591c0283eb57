import { delimiter } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EhealthCertError } from '@ehealth-cert/core';
import { resolveTrustAnchors, trustAnchorsFor, TRUST_ANCHORS_VARIABLE } from './trustAnchors.js';

describe('trustAnchorsFor', () => {
  it('splits EHEALTH_CERT_TRUST_ANCHORS on the path delimiter and drops empty parts', () => {
    expect(trustAnchorsFor('acc', { [TRUST_ANCHORS_VARIABLE]: ['/a/root.pem', '', ' /b/issuing.pem '].join(delimiter) })).toEqual({
      environment: 'acc',
      trustAnchorFiles: ['/a/root.pem', '/b/issuing.pem'],
    });
  });

  it('names no file when the variable is unset or blank', () => {
    expect(trustAnchorsFor('prd', {})).toEqual({ environment: 'prd' });
    expect(trustAnchorsFor('acc', { [TRUST_ANCHORS_VARIABLE]: ' ' })).toEqual({ environment: 'acc' });
  });
});

describe('resolveTrustAnchors without files', () => {
  it('gives the two embedded production roots for prd (and by default)', async () => {
    expect(await resolveTrustAnchors({ environment: 'prd' })).toHaveLength(2);
    expect(await resolveTrustAnchors({})).toHaveLength(2);
  });

  it('refuses acc without configured anchors, naming the variable', async () => {
    const error = await resolveTrustAnchors({ environment: 'acc' }).catch((e: unknown) => e);
    expect(EhealthCertError.is(error, 'INVALID_INPUT')).toBe(true);
    expect((error as EhealthCertError).message).toContain(TRUST_ANCHORS_VARIABLE);
    expect((error as EhealthCertError).message).toContain('acceptance');
    expect((error as EhealthCertError).details).toMatchObject({ field: TRUST_ANCHORS_VARIABLE, environment: 'acc' });
  });

  it('refuses an empty replacement list too', async () => {
    await expect(resolveTrustAnchors({ environment: 'prd', trustAnchors: [] })).rejects.toThrowError(TRUST_ANCHORS_VARIABLE);
  });
});
