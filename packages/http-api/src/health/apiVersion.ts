import { readFileSync } from 'node:fs';

/** The version of @ehealth-cert/http-api, from its package.json (same path from src/ and dist/). */
export function apiVersion(): string {
  const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return manifest.version;
}
