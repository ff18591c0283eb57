import { createRequire } from 'node:module';
import { DecryptionFailedError } from './DecryptionFailedError.js';

/** The part of node-forge's RC2 module we use (node-forge/lib/rc2.js, RFC 2268). */
interface ForgeRc2 {
  createEncryptionCipher(key: unknown, bits: number): ForgeCipher;
  createDecryptionCipher(key: unknown, bits: number): ForgeCipher;
}
interface ForgeCipher {
  start(iv: unknown): void;
  update(input: unknown): void;
  finish(pad: () => boolean): boolean;
  output: { getBytes(): string };
}
interface ForgeUtil {
  createBuffer(bytes: string, encoding: 'raw'): unknown;
}

let forge: { rc2: ForgeRc2; util: ForgeUtil } | undefined;

/** Loads only forge's RC2 and util modules, once, when a legacy file is first met (docs/decisions/0002). */
function loadForge(): { rc2: ForgeRc2; util: ForgeUtil } {
  if (forge === undefined) {
    const require = createRequire(import.meta.url);
    forge = { rc2: require('node-forge/lib/rc2.js') as ForgeRc2, util: require('node-forge/lib/util.js') as ForgeUtil };
  }
  return forge;
}

const binary = (bytes: Uint8Array): string => Buffer.from(bytes).toString('latin1');

/**
 * RC2-CBC with PKCS#7 padding (RFC 2268, RFC 8018 6.1.1). OpenSSL 3 keeps RC2 in its legacy
 * provider, which Node 20 does not load, so the block cipher comes from node-forge; the padding is
 * checked here because forge only checks the last byte.
 */
export function rc2Cbc(key: Buffer, effectiveBits: number, iv: Buffer, data: Uint8Array, encrypt: boolean): Buffer {
  const { rc2, util } = loadForge();
  if (iv.length !== 8) throw new DecryptionFailedError(`rc2-cbc: IV must be 8 bytes, got ${iv.length}`);
  let input = Buffer.from(data);
  if (encrypt) {
    const pad = 8 - (input.length % 8);
    input = Buffer.concat([input, Buffer.alloc(pad, pad)]);
  } else if (input.length === 0 || input.length % 8 !== 0) {
    throw new DecryptionFailedError(`rc2-cbc: ciphertext length ${input.length} is not a multiple of 8`);
  }
  const cipher = encrypt ? rc2.createEncryptionCipher(util.createBuffer(binary(key), 'raw'), effectiveBits)
    : rc2.createDecryptionCipher(util.createBuffer(binary(key), 'raw'), effectiveBits);
  cipher.start(util.createBuffer(binary(iv), 'raw'));
  cipher.update(util.createBuffer(binary(input), 'raw'));
  cipher.finish(() => true);
  const output = Buffer.from(cipher.output.getBytes(), 'latin1');
  if (encrypt) return output;
  const pad = output[output.length - 1]!;
  if (pad < 1 || pad > 8 || !output.subarray(output.length - pad).every((byte) => byte === pad)) {
    throw new DecryptionFailedError('rc2-cbc: bad padding');
  }
  return output.subarray(0, output.length - pad);
}
