import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

/** The JSON Schema of every `ehealth-cert --json` document (shipped in the package, see README). */
export const CLI_OUTPUT_SCHEMA = JSON.parse(readFileSync(new URL('../../schema/ehealth-cert-output.schema.json', import.meta.url), 'utf8')) as {
  $defs: Record<string, unknown>;
};

const ajv = new Ajv2020({ allErrors: true, strict: true });
addFormats.default(ajv);
const validate = ajv.compile(CLI_OUTPUT_SCHEMA);

/**
 * The schema's complaints about `document` as the output of `command` (empty when it conforms):
 * the whole schema (any command's success or the error document) and then the command's own
 * definition, so that a document of the wrong command is caught too.
 */
export function validateCliOutput(command: string, document: unknown): string[] {
  const errors: string[] = [];
  if (!validate(document)) errors.push(...(validate.errors ?? []).map((e) => `schema ${e.instancePath} ${e.message ?? ''}`));
  const ok = (document as { ok?: unknown }).ok !== false;
  const own = ajv.getSchema(`${CLI_OUTPUT_SCHEMA_ID}#/$defs/${ok ? `command-${command}` : 'error'}`);
  if (own === undefined) return [...errors, `no definition for ${command}`];
  if (!own(document)) errors.push(...(own.errors ?? []).map((e) => `${command} ${e.instancePath} ${e.message ?? ''} ${JSON.stringify(e.params)}`));
  return errors;
}

/** True when the schema defines the success document of `command` (`$defs/command-<name>`). */
export function hasCommandDefinition(command: string): boolean {
  return ajv.getSchema(`${CLI_OUTPUT_SCHEMA_ID}#/$defs/command-${command}`) !== undefined;
}

const CLI_OUTPUT_SCHEMA_ID = (CLI_OUTPUT_SCHEMA as { $id?: string }).$id ?? '';
