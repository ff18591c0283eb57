import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../app/AppDeps.js';
import { problemResponses } from '../errors/problemSchema.js';

/** GET /card (manual step 5): the holder of the inserted eID and the state of its PIN, no PIN asked. */
export function cardRoutes(app: FastifyInstance, deps: AppDeps): void {
  app.get(
    '/card',
    {
      schema: {
        operationId: 'readCard',
        tags: ['card'],
        summary: 'The inserted eID: holder, card generation, PIN state (manual step 5)',
        description:
          'Reads the holder (SSIN, names) and the card generation from the eID in the reader; no PIN. CARD_ABSENT when no card is inserted; operations on the card wait their turn (CARD_BUSY when too many wait).',
        response: {
          200: {
            type: 'object',
            required: ['holder', 'pin'],
            properties: {
              holder: { $ref: 'CardHolder#' },
              pin: {
                type: 'object',
                required: ['state', 'pinpad'],
                properties: {
                  state: { type: 'string', enum: ['ok', 'count-low', 'final-try', 'blocked'] },
                  pinpad: { type: 'boolean', description: 'The reader has a PIN pad: omit `pin` in bodies and type it there.' },
                },
              },
            },
          },
          ...problemResponses,
        },
      },
    },
    async () =>
      deps.cardQueue.run('card.read', () => deps.useCases.showCardStatus.execute()),
  );
}
