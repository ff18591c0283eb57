import { createRequire } from 'node:module';

/** This package's version (src/soap and dist/soap are both two folders below package.json). */
const version = (createRequire(import.meta.url)('../../package.json') as { version: string }).version;

/**
 * The User-Agent of every request: the product and its version, then the runtime, as the
 * connector's user-agent handler names itself and the JVM (DOMAIN.md 1.1, TK-WS HandlersLoader).
 */
export const USER_AGENT = `ehealth-cert/${version} (Node.js ${process.versions.node})`;
