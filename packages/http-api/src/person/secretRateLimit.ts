import type { AppDeps } from '../app/AppDeps.js';

/** Default tries per minute per client, summed over every route that takes a PIN or a password. */
const DEFAULT_PER_MINUTE = 10;

/** The one budget that every route taking a PIN or password counts in (see SharedRateLimitStore). */
export const SECRET_RATE_LIMIT_GROUP = 'pin-or-password';

/**
 * The @fastify/rate-limit route config for routes that take a PIN or password: slows guessing of
 * keystore passwords (the card itself blocks after three wrong PINs, DOMAIN.md 6). All such routes
 * share one group, so a client gets `max` tries a minute in all, not `max` per route.
 */
export function secretRateLimit(deps: AppDeps): { max: number; timeWindow: number; groupId: string } {
  return { max: deps.secretRateLimit ?? DEFAULT_PER_MINUTE, timeWindow: 60_000, groupId: SECRET_RATE_LIMIT_GROUP };
}
