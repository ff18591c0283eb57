import { createPublicKey } from 'node:crypto';
import pkcs11js from 'pkcs11js';
import type { FakeEidGeneration } from './FakeEidPki.js';

/** DER OID secp384r1 (1.3.132.0.34) as CKA_EC_PARAMS (DOMAIN.md 6, TOOLCHAIN.md 4). */
const SECP384R1 = Buffer.from('06052b81040022', 'hex');

/** Generates an eID key pair ON the token (C_GenerateKeyPair) and returns its public key as SPKI DER. */
export async function generateCardKey(
  p11: pkcs11js.PKCS11,
  session: pkcs11js.Handle,
  generation: FakeEidGeneration,
  label: string,
  id: number,
): Promise<Uint8Array> {
  const common = [
    { type: pkcs11js.CKA_TOKEN, value: true },
    { type: pkcs11js.CKA_LABEL, value: label },
    { type: pkcs11js.CKA_ID, value: Buffer.of(id) },
  ];
  const rsa = generation === 'rsa2048';
  const publicTemplate = [
    ...common,
    { type: pkcs11js.CKA_VERIFY, value: true },
    ...(rsa
      ? [
          { type: pkcs11js.CKA_MODULUS_BITS, value: 2048 },
          { type: pkcs11js.CKA_PUBLIC_EXPONENT, value: Buffer.from([1, 0, 1]) },
        ]
      : [{ type: pkcs11js.CKA_EC_PARAMS, value: SECP384R1 }]),
  ];
  const privateTemplate = [
    ...common,
    { type: pkcs11js.CKA_PRIVATE, value: true },
    { type: pkcs11js.CKA_SENSITIVE, value: true },
    { type: pkcs11js.CKA_EXTRACTABLE, value: false },
    { type: pkcs11js.CKA_SIGN, value: true },
  ];
  const mechanism = { mechanism: rsa ? pkcs11js.CKM_RSA_PKCS_KEY_PAIR_GEN : pkcs11js.CKM_EC_KEY_PAIR_GEN };
  const keys = await p11.C_GenerateKeyPairAsync(session, mechanism, publicTemplate, privateTemplate);
  if (rsa) {
    const [n, e] = p11.C_GetAttributeValue(session, keys.publicKey, [{ type: pkcs11js.CKA_MODULUS }, { type: pkcs11js.CKA_PUBLIC_EXPONENT }]);
    const jwk = { kty: 'RSA', n: n!.value.toString('base64url'), e: e!.value.toString('base64url') };
    return new Uint8Array(createPublicKey({ key: jwk, format: 'jwk' }).export({ type: 'spki', format: 'der' }));
  }
  const [wrapped] = p11.C_GetAttributeValue(session, keys.publicKey, [{ type: pkcs11js.CKA_EC_POINT }]);
  // CKA_EC_POINT is a DER OCTET STRING around the 97-byte uncompressed point (TOOLCHAIN.md 4).
  const point = wrapped!.value.subarray(wrapped!.value.length - 97);
  if (point[0] !== 0x04) throw new Error('SoftHSM returned an EC point that is not uncompressed');
  const jwk = { kty: 'EC', crv: 'P-384', x: point.subarray(1, 49).toString('base64url'), y: point.subarray(49).toString('base64url') };
  return new Uint8Array(createPublicKey({ key: jwk, format: 'jwk' }).export({ type: 'spki', format: 'der' }));
}
