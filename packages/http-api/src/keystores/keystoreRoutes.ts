import { basename, dirname, relative } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../app/AppDeps.js';
import { problemResponses } from '../errors/problemSchema.js';
import { SECRET_ROUTE } from '../person/secretRateLimit.js';
import { passwordSchema } from '../person/secretSchemas.js';
import { findKeystore, keystoreView } from './findKeystore.js';
import { keystoreFormatSchema } from './keystoreFormatSchema.js';
import { keystoreNameParams } from './keystoreSchemas.js';

/** GET /keystores, GET /keystores/{name}, POST .../inspection, POST .../password: local, no card. */
export function keystoreRoutes(app: FastifyInstance, deps: AppDeps): void {
  app.get(
    '/keystores',
    {
      schema: {
        operationId: 'listKeystores',
        tags: ['keystores'],
        summary: 'The keystores in the keystore folder, the current one of each certificate marked',
        description:
          'Every keystore file of the server\'s keystore folder, by file name (the name other routes take), with its environment and certificate name (`baseName`). Local, no password. Each certificate (TYPE=ID[,APPID] and environment) has one `current` keystore, the newest, which tools pick; older ones are `superseded`. Completion and password changes move the files they replace to the `superseded/` subfolder (never deleted); `includeSuperseded=true` lists those too, named `superseded/<file name>`.',
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: { includeSuperseded: { type: 'string', enum: ['true', 'false'], description: '`true`: also the files of the superseded/ subfolder.' } },
        },
        response: {
          200: { type: 'object', required: ['keystores'], properties: { keystores: { type: 'array', items: { $ref: 'KeystoreFile#' } } } },
          ...problemResponses,
        },
      },
    },
    async (request) => {
      const { includeSuperseded } = request.query as { includeSuperseded?: 'true' | 'false' };
      return { keystores: (await deps.useCases.listKeystores.execute({ includeSuperseded: includeSuperseded === 'true' })).map(keystoreView) };
    },
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
    async (request) => {
      const file = await findKeystore(deps.useCases, request.params.name);
      // Its state among the keystores of its certificate (an older file of the folder is superseded).
      const listed = (await deps.useCases.listKeystores.execute()).find((entry) => entry.path === file.path);
      return keystoreView(listed ?? file);
    },
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

  app.post<{ Params: { name: string }; Body: { password: string; newPassword: string; keystoreFormat?: 'modern' | 'legacy' } }>(
    '/keystores/:name/password',
    {
      config: SECRET_ROUTE,
      schema: {
        operationId: 'changeKeystorePassword',
        tags: ['keystores'],
        summary: 'Change the keystore password: writes a new file under the new password, moves the old file to superseded/',
        description:
          'The new password follows the rules of manual step 11. The old file is kept as it was, moved to the `superseded/` subfolder (`previousKeystore` says where), so that nothing is lost if the new one is not what was wanted and tools no longer pick the file of the old password. Counts toward the client\'s budget of wrong PINs and passwords (429 RATE_LIMITED with `retryAfter` in seconds when it runs out); a right one costs nothing.',
        params: keystoreNameParams,
        body: {
          type: 'object',
          additionalProperties: false,
          required: ['password', 'newPassword'],
          properties: {
            password: { ...passwordSchema, description: 'The current password.' },
            newPassword: { ...passwordSchema, description: 'The new password (rules of manual step 11).' },
            keystoreFormat: keystoreFormatSchema,
          },
        },
        response: {
          200: {
            type: 'object',
            required: ['keystore', 'previousKeystore'],
            properties: {
              keystore: { type: 'string', description: 'The new file (a name of GET /keystores).' },
              previousKeystore: { type: 'string', description: 'Where the old file is now, relative to the keystore folder: `superseded/<its name>` (kept, never deleted).' },
            },
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
        ...(request.body.keystoreFormat === undefined ? {} : { keystoreFormat: request.body.keystoreFormat }),
      });
      // The new file is in the keystore folder: the old one's place is said relative to it.
      const previousKeystore = relative(dirname(changed.keystorePath), changed.previousKeystorePath).split('\\').join('/');
      return { keystore: basename(changed.keystorePath), previousKeystore };
    },
  );
}
