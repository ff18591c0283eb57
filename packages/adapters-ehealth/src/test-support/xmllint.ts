import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { DOMParser, XMLSerializer } from '@xmldom/xmldom';

const run = promisify(execFile);

/** resources/ehealth-xsd/ehealth-etee/XSD of the repository. */
export const XSD_DIR = resolve(fileURLToPath(import.meta.url), '../../../../../resources/ehealth-xsd/ehealth-etee/XSD');

/** Schema file per request namespace. */
const SCHEMAS: Record<string, string> = {
  'urn:be:fgov:ehealth:certra:protocol:v2': 'ehealth-certra-schema-protocol-2_0.xsd',
  'urn:be:fgov:ehealth:etkra:protocol:v2': 'ehealth-etkra-schema-protocol-2_0.xsd',
  'urn:be:fgov:ehealth:etkdepot:1_0:protocol': 'ehealth-etkdepot-schema-protocol-1_0.xsd',
};

/** Validates the Body payload of a SOAP envelope with `xmllint --nonet --noout --schema`; throws with xmllint's output. */
export async function validateBodyPayload(envelope: string): Promise<void> {
  const doc = new DOMParser().parseFromString(envelope, 'text/xml');
  const body = doc.getElementsByTagNameNS('http://schemas.xmlsoap.org/soap/envelope/', 'Body')[0];
  let payload = body?.firstChild;
  while (payload && payload.nodeType !== 1) payload = payload.nextSibling;
  if (!payload) throw new Error('no payload in the SOAP Body');
  const ns = (payload as unknown as { namespaceURI: string }).namespaceURI;
  const schema = SCHEMAS[ns];
  if (!schema) throw new Error(`no schema for namespace ${ns}`);
  const dir = await mkdtemp(join(tmpdir(), 'xmllint-'));
  try {
    const file = join(dir, 'payload.xml');
    // mkdtemp's folder is 0700; the payload file is owner-only too, and the folder is removed below (issue 13).
    await writeFile(file, new XMLSerializer().serializeToString(payload), { mode: 0o600 });
    await run('xmllint', ['--nonet', '--noout', '--schema', join(XSD_DIR, schema), file]);
  } catch (error) {
    const e = error as { stderr?: string; message: string };
    throw new Error(`xmllint: ${e.stderr ?? e.message}`, { cause: error });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
