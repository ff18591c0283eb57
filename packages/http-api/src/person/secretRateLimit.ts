/**
 * The route config of routes that take a PIN or a password: buildApp checks the client's budget of
 * failed secret checks (SecretFailureBudget) before the handler, and counts a wrong PIN or password
 * the route (or the job it started) ends with.
 */
export const SECRET_ROUTE = { secretChecks: true } as const;

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route takes a PIN or a password (see SECRET_ROUTE). */
    secretChecks?: boolean;
  }
}
