import { createHash } from 'node:crypto';
import type { Actor } from '../state/CertificateRecord.js';

/** SHA-256 over a contract's DN, Signer, texts (and revocation reason): "contract unchanged" means same fingerprint. */
export function contractFingerprint(c: { dn: string; signer: Actor; texts: Record<string, string>; reason?: string }): string {
  const texts = Object.keys(c.texts)
    .sort()
    .map((k) => [k, c.texts[k]]);
  const signer = { ids: c.signer.ids.map((i) => [i.type, i.value]), firstNames: c.signer.firstNames, name: c.signer.name };
  return createHash('sha256').update(JSON.stringify([c.dn, signer, texts, c.reason ?? null])).digest('hex');
}
