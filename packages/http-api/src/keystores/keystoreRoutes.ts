import { basename } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../app/AppDeps.js';
import { problemResponses } from '../errors/problemSchema.js';
import { SECRET_ROUTE } from '../person/secretRateLimit.js';
import { passwordSchema } from '../person/secretSchemas.js';
import { findKeystore, keystoreView } from './findKeystore.js';
import { keystoreNameParams } from './keystoreSchemas.js';

/** GET /keystores, GET /keystores/{name}, POST .../inspection, POST .../password: local, no card. */
export function keystoreRoutes(app: FastifyInstance, deps: AppDeps): void {
  app.get(
    '/keystores',
    {
      schema: {
        operationId: 'listKeystores',
        tags: ['keystores'],
        summary: 'The keystores in the keystore folder',
        description:
          'Every keystore file of the server\'s keystore folder, by file name (the name other routes take), with its environment and certificate name (`baseName`). Local, no password.',
        response: {
          200: { type: 'object', required: ['keystores'], properties: { keystores: { type: 'array', items: { $ref: 'KeystoreFile#' } } } },
          ...problemResponses,
        },
      },
    },
    async () => ({ keystores: (await deps.useCases.listKeystores.execute()).map(keystoreView) }),
  );

  app.get<{ Params: { name: string } }>(
    '/keystores/:name',
    {
      schema: {
        operationId: 'getKeystore',
        tags: ['keystores'],
        summary: 'One keystore file (no password needed; POST .../inspection shows its content)',
        description:
          'The file\'s name, environment, certificate name and time of writing; 404 KEYSTORE_NOT_FOUND when no such file is in the folder. Local, no password.',
        params: keystoreNameParams,
        response: { 200: { $ref: 'KeystoreFile#' }, ...problemResponses },
      },
    },
    async (request) => keystoreView(await findKeystore(deps.useCases, request.params.name)),
  );

  app.post<{ Params: { name: string }; Body: { password: string } }>(
    '/keystores/:name/inspection',
    {
      config: SECRET_ROUTE,
      schema: {
        operationId: 'inspectKeystore',
        tags: ['keystores'],
        summary: 'What a keystore holds: entries, DN, validity, renewal window, ETK serials (local)',
        description:
          'Opens the keystore with its password and lists its entries (the `authentication` key and chain, ETK keys), the DN, validity and renewal window. Local, nothing is sent to eHealth. Counts toward the client\'s budget of wrong PINs and passwords (429 RATE_LIMITED with `retryAfter` in seconds when it runs out); a right one costs nothing.',
        params: keystoreNameParams,
        body: { type: 'object', additionalProperties: false, required: ['password'], properties: { password: passwordSchema } },
        response: { 200: { $ref: 'KeystoreInspection#' }, ...problemResponses },
      },
    },
    async (request) => {
      const file = await findKeystore(deps.useCases, request.params.name);
      const inspection = await deps.useCases.inspectKeystore.execute({ keystorePath: file.path, password: request.body.password });
      const { keystorePath, ...rest } = inspection;
      return { keystore: basename(keystorePath), ...rest };
    },
  );

  app.post<{ Params: { name: string }; Body: { password: string; newPassword: string } }>(
    '/keystores/:name/password',
    {
      config: SECRET_ROUTE,
      schema: {
        operationId: 'changeKeystorePassword',
        tags: ['keystores'],
        summary: 'Change the keystore password: writes a new file under the new password, keeps the old file',
        description:
          'The new password follows the rules of manual step 11. The old file is kept as it was, so that nothing is lost if the new one is not what was wanted. Counts toward the client\'s budget of wrong PINs and passwords (429 RATE_LIMITED with `retryAfter` in seconds when it runs out); a right one costs nothing.',
        params: keystoreNameParams,
        body: {
          type: 'object',
          additionalProperties: false,
          required: ['password', 'newPassword'],
          properties: {
            password: { ...passwordSchema, description: 'The current password.' },
            newPassword: { ...passwordSchema, description: 'The new password (rules of manual step 11).' },
          },
        },
        response: {
          200: {
            type: 'object',
            required: ['keystore', 'previousKeystore'],
            properties: { keystore: { type: 'string' }, previousKeystore: { type: 'string' } },
          },
          ...problemResponses,
        },
      },
    },
    async (request) => {
      const file = await findKeystore(deps.useCases, request.params.name);
      const changed = await deps.useCases.changeKeystorePassword.execute({
        keystorePath: file.path,
        oldPassword: request.body.password,
        newPassword: request.body.newPassword,
      });
      return { keystore: basename(changed.keystorePath), previousKeystore: basename(changed.previousKeystorePath) };
    },
  );
}
