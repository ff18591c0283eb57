import { X509Certificate } from 'node:crypto';
import type { Bytes } from '@ehealth-cert/core';
import { EhealthCertError } from '@ehealth-cert/core';

/** Every `CERTIFICATE` block of a PEM text as DER (trust anchors from configuration, e.g. the simulator's CA). */
export function pemCertificates(pem: string): Bytes[] {
  const blocks = pem.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
  if (blocks.length === 0) throw new EhealthCertError('INVALID_INPUT', 'the trust anchor PEM holds no CERTIFICATE block', { field: 'trustAnchors' });
  return blocks.map((block, index) => {
    try {
      return new Uint8Array(new X509Certificate(block).raw);
    } catch (cause) {
      throw new EhealthCertError('INVALID_INPUT', `certificate ${index} of the trust anchor PEM is not X.509`, { field: 'trustAnchors', index }, { cause });
    }
  });
}
