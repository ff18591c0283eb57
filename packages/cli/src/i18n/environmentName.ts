import type { Translator } from './Translator.js';

/** An eHealth environment as the manual says it ("production", "acceptation"), not its flag value (`prd`). */
export function environmentName(env: string, i18n: Translator): string {
  return (i18n.m.environments as Readonly<Record<string, string>>)[env.toLowerCase()] ?? env;
}
