import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { parsePeriodDays } from '@ehealth-cert/core';
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../app/AppDeps.js';
import { problemResponses } from '../errors/problemSchema.js';
import { recordFailedSecretCheck } from '../person/SecretFailureBudget.js';
import { SECRET_ROUTE } from '../person/secretRateLimit.js';
import { passwordSchema } from '../person/secretSchemas.js';
import { findKeystore } from './findKeystore.js';
import { keystoreNameParams } from './keystoreSchemas.js';

const date = { type: 'string', format: 'date-time' } as const;

/**
 * POST /keystores/{name}/export (certificate + chain as PEM; with `exportPassword`, key + chain as
 * a separate PKCS#12) and POST /keystores/expiry-query (expiry monitoring over the folder).
 */
export function exportRoutes(app: FastifyInstance, deps: AppDeps): void {
  app.post<{ Params: { name: string }; Body: { password: string; exportPassword?: string } }>(
    '/keystores/:name/export',
    {
      config: SECRET_ROUTE,
      schema: {
        operationId: 'exportKeystoreCertificate',
        tags: ['keystores'],
        summary: 'Export the certificate and its chain (PEM) and, with exportPassword, key + chain as a separate .p12 for other software',
        description:
          'The files are also written beside the keystore (`pemFile`, `p12File`). `exportPassword` protects the .p12 only: the keystore password rules apply, and it must differ from the keystore password.',
        params: keystoreNameParams,
        body: {
          type: 'object',
          additionalProperties: false,
          required: ['password'],
          properties: { password: passwordSchema, exportPassword: { ...passwordSchema, description: 'Password of the exported .p12. Never logged or echoed.' } },
        },
        response: {
          200: {
            type: 'object',
            required: ['keystore', 'pemFile', 'pem', 'dn', 'notAfter', 'chainLength'],
            properties: {
              keystore: { type: 'string' },
              pemFile: { type: 'string' },
              pem: { type: 'string', description: 'The certificate then its chain, PEM (RFC 7468).' },
              p12File: { type: 'string' },
              p12: { type: 'string', contentEncoding: 'base64', description: 'The exported PKCS#12, base64.' },
              dn: { type: 'string' },
              notAfter: date,
              chainLength: { type: 'integer', minimum: 1 },
            },
          },
          ...problemResponses,
        },
      },
    },
    async (request) => {
      const file = await findKeystore(deps.useCases, request.params.name);
      const { password, exportPassword } = request.body;
      const exported = await deps.useCases.exportCertificate.execute({ keystorePath: file.path, password, ...(exportPassword === undefined ? {} : { exportPassword }) });
      return {
        keystore: basename(file.path),
        pemFile: basename(exported.pemFile),
        pem: await readFile(exported.pemFile, 'utf8'),
        ...(exported.p12File === undefined ? {} : { p12File: basename(exported.p12File), p12: (await readFile(exported.p12File)).toString('base64') }),
        dn: exported.dn,
        notAfter: exported.notAfter,
        chainLength: exported.chainLength,
      };
    },
  );

  app.post<{ Body: { password: string; within: string } }>(
    '/keystores/expiry-query',
    {
      config: SECRET_ROUTE,
      schema: {
        operationId: 'queryExpiringCertificates',
        tags: ['keystores'],
        summary: 'Expiry monitoring: every certificate of the keystore folder, and which expire within `within` (90d, 12w)',
        description:
          'Local, no card. One password opens every keystore; those it does not open are listed `unreadable`, and a query with such a keystore counts once toward the budget of wrong passwords. Alert on `needingRenewal > 0` (the CLI exits 7 then).',
        body: {
          type: 'object',
          additionalProperties: false,
          required: ['password', 'within'],
          properties: { password: passwordSchema, within: { type: 'string', pattern: '^[0-9]{1,5}[dwDW]?$', description: 'Days (90 or 90d) or weeks (12w).' } },
        },
        response: {
          200: {
            type: 'object',
            required: ['checkedAt', 'withinDays', 'certificates', 'needingRenewal', 'unreadable'],
            properties: {
              checkedAt: date,
              withinDays: { type: 'integer' },
              needingRenewal: { type: 'integer' },
              unreadable: { type: 'integer' },
              certificates: {
                type: 'array',
                items: {
                  type: 'object',
                  required: ['certificateName', 'keystore', 'environment', 'state'],
                  properties: {
                    certificateName: { type: 'string' },
                    keystore: { type: 'string' },
                    environment: { type: 'string', enum: ['prd', 'acc', 'sim'] },
                    state: { type: 'string', enum: ['valid', 'expiring', 'expired', 'pending', 'unreadable'] },
                    dn: { type: 'string' },
                    notAfter: date,
                    daysToExpiry: { type: 'integer' },
                    renewalWindowStart: date,
                    renewalState: { type: 'string', enum: ['too-early', 'open', 'expired'] },
                    pendingKeystore: { type: 'string' },
                    reason: { type: 'string' },
                  },
                },
              },
            },
          },
          ...problemResponses,
        },
      },
    },
    async (request) => {
      const withinDays = parsePeriodDays(request.body.within, 'body.within');
      const report = await deps.useCases.expiringCertificates.execute({ withinDays, password: request.body.password });
      // A keystore the password does not open is a failed password check, as on every route that
      // takes one (else this route would let a client guess passwords unchecked): once per query.
      if (report.certificates.some((c) => c.reason === 'KEYSTORE_PASSWORD_WRONG')) recordFailedSecretCheck('KEYSTORE_PASSWORD_WRONG');
      return {
        ...report,
        // Keystores by file name, never by the server's path.
        certificates: report.certificates.map(({ keystorePath, pendingKeystorePath, ...rest }) => ({
          ...rest,
          keystore: basename(keystorePath),
          ...(pendingKeystorePath === undefined ? {} : { pendingKeystore: basename(pendingKeystorePath) }),
        })),
      };
    },
  );
}
