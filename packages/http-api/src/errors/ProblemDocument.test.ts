import type { FastifySchemaValidationError } from 'fastify';
import { describe, expect, it } from 'vitest';
import { EhealthCertError } from '@ehealth-cert/core';
import { problemFromError } from './ProblemDocument.js';

function validationError(first: FastifySchemaValidationError, context = 'body') {
  return Object.assign(new Error(`${context} ${first.message ?? ''}`), { validation: [first], validationContext: context, statusCode: 400 });
}

describe('problemFromError of a schema violation', () => {
  it('names an unknown property in field and detail, with the rule', () => {
    const error = validationError({
      keyword: 'additionalProperties',
      instancePath: '/contactData',
      schemaPath: '#/properties/contactData/additionalProperties',
      params: { additionalProperty: 'emailPrivat' },
      message: 'must NOT have additional properties',
    });
    const { document } = problemFromError(error);
    expect(document).toMatchObject({ status: 400, code: 'INVALID_INPUT', details: { field: 'body.contactData.emailPrivat', rule: 'additionalProperties' } });
    expect(document.detail).toBe(
      'Unknown property body.contactData.emailPrivat: body.contactData must NOT have additional properties (rule additionalProperties; check its spelling).',
    );
  });

  it('bounds the length of an echoed property name', () => {
    const error = validationError({ keyword: 'additionalProperties', instancePath: '', schemaPath: '#/additionalProperties', params: { additionalProperty: 'p'.repeat(500) } });
    expect(problemFromError(error).document.details.field).toBe(`body.${'p'.repeat(64)}`);
  });

  it('names a missing property', () => {
    const error = validationError({ keyword: 'required', instancePath: '', schemaPath: '#/required', params: { missingProperty: 'password' }, message: "must have required property 'password'" });
    expect(problemFromError(error).document).toMatchObject({ details: { field: 'body.password', rule: 'required' } });
  });

  it('makes a missing Idempotency-Key its own code', () => {
    const error = validationError({ keyword: 'required', instancePath: '', schemaPath: '#/required', params: { missingProperty: 'idempotency-key' } }, 'headers');
    expect(problemFromError(error).document).toMatchObject({ code: 'IDEMPOTENCY_KEY_MISSING', details: { field: 'headers.idempotency-key' } });
  });
});

describe('problemFromError of a domain error', () => {
  it('says no internal document or issue to the client (issue 15), and keeps code and details', () => {
    const error = new EhealthCertError('KEYSTORE_CORRUPT', 'The keystore /srv/keys/A.p12 has no "authentication" key entry with a certificate (DOMAIN.md 3).', {
      keystorePath: '/srv/keys/A.p12',
    });
    const { document } = problemFromError(error);
    expect(document.detail).toBe('The keystore A.p12 has no "authentication" key entry with a certificate.');
    expect(document).toMatchObject({ code: 'KEYSTORE_CORRUPT', details: { keystore: 'A.p12' } });
  });
});
