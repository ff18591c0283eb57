import type { AppDeps } from '../app/AppDeps.js';

/** Default tries per minute per client of a route that takes a PIN or a password. */
const DEFAULT_PER_MINUTE = 10;

/**
 * The @fastify/rate-limit route config for routes that take a PIN or password: slows guessing of
 * keystore passwords (the card itself blocks after three wrong PINs, DOMAIN.md 6).
 */
export function secretRateLimit(deps: AppDeps): { max: number; timeWindow: number } {
  return { max: deps.secretRateLimit ?? DEFAULT_PER_MINUTE, timeWindow: 60_000 };
}
