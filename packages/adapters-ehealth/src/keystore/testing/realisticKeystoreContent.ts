import { generateKeyPairSync, type KeyObject, sign } from 'node:crypto';
import * as asn1js from 'asn1js';
import type { KeyEntry, KeystoreContent } from '@ehealth-cert/core';
import { der, parseAsn1 } from '../Asn1.js';

const SHA256_WITH_RSA = '1.2.840.113549.1.1.11';
const ATTRIBUTE_TYPES: Readonly<Record<string, string>> = { C: '2.5.4.6', O: '2.5.4.10', OU: '2.5.4.11', CN: '2.5.4.3' };

/** A Name from `[type, value]` pairs, most general first (one attribute per RDN, TOOLCHAIN.md 5). */
function name(rdns: readonly (readonly [string, string])[]): Buffer {
  return der.encode(
    der.sequence(
      ...rdns.map(([type, value]) =>
        der.set(der.sequence(der.oid(ATTRIBUTE_TYPES[type]!), type === 'C' ? new asn1js.PrintableString({ value }) : new asn1js.Utf8String({ value }))),
      ),
    ),
  );
}

interface TestKey {
  readonly privateKey: KeyObject;
  readonly pkcs8: Buffer;
  readonly spki: Buffer;
}

function rsaKey(): TestKey {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return {
    privateKey,
    pkcs8: privateKey.export({ format: 'der', type: 'pkcs8' }),
    spki: publicKey.export({ format: 'der', type: 'spki' }),
  };
}

function certificate(subject: Buffer, issuer: Buffer, serial: bigint, subjectKey: TestKey, issuerKey: TestKey, ca: boolean): Buffer {
  const algorithm = (): asn1js.Sequence => der.sequence(der.oid(SHA256_WITH_RSA), der.null());
  const extensions = ca
    ? [der.explicit(3, der.sequence(der.sequence(der.oid('2.5.29.19'), new asn1js.Boolean({ value: true }), der.octets(der.encode(der.sequence(new asn1js.Boolean({ value: true })))))))]
    : [];
  const tbs = der.encode(
    der.sequence(
      der.explicit(0, der.integer(2)),
      der.integer(serial),
      algorithm(),
      der.raw(issuer),
      der.sequence(new asn1js.UTCTime({ valueDate: new Date('2025-01-01T00:00:00Z') }), new asn1js.UTCTime({ valueDate: new Date('2028-01-01T00:00:00Z') })),
      der.raw(subject),
      der.raw(subjectKey.spki),
      ...extensions,
    ),
  );
  const signature = sign('sha256', tbs, issuerKey.privateKey);
  return der.encode(der.sequence(parseAsn1(tbs, 'TBSCertificate'), algorithm(), new asn1js.BitString({ valueHex: Uint8Array.from(signature).buffer })));
}

/** The subject of the test authentication certificate, with `=` inside values as eHealth DNs have (DOMAIN.md 3). */
export const TEST_AUTH_DN = 'CN=SSIN\\=85073003328,OU=eHealth-platform Belgium,OU=DOE JOHN,OU=SSIN\\=85073003328,O=Federal Government,C=BE';
/** The subject of the test issuing CA. */
export const TEST_CA_DN = 'CN=eHealth test CA,O=Federal Government,C=BE';

/**
 * A keystore as completion leaves it (DOMAIN.md 3): `authentication` with [leaf, CA], two ETK keys
 * under 38-digit decimal serials with their self-issued encryption certificates, and the leaf and
 * CA as certificate entries named by RFC 2253 DN. Real RSA-2048 keys, fixed dates and serials.
 */
export function realisticKeystoreContent(): KeystoreContent {
  const caKey = rsaKey();
  const authKey = rsaKey();
  const caName = name([['C', 'BE'], ['O', 'Federal Government'], ['CN', 'eHealth test CA']]);
  const authName = name([
    ['C', 'BE'],
    ['O', 'Federal Government'],
    ['OU', 'SSIN=85073003328'],
    ['OU', 'DOE JOHN'],
    ['OU', 'eHealth-platform Belgium'],
    ['CN', 'SSIN=85073003328'],
  ]);
  const ca = certificate(caName, caName, 1n, caKey, caKey, true);
  const leaf = certificate(authName, caName, 0x1234567890abcdefn, authKey, caKey, false);
  const etks: KeyEntry[] = ['12345678901234567890123456789012345678', '98765432109876543210987654321098765432'].map((serial) => {
    const key = rsaKey();
    // Encryption certificate: issuer = subject = auth subject, signed by the auth key (DOMAIN.md 2.5).
    const etkCert = certificate(authName, authName, BigInt(serial), key, authKey, false);
    return { kind: 'key', alias: serial, privateKey: key.pkcs8, publicKey: key.spki, chain: [etkCert] };
  });
  return {
    entries: [
      { kind: 'key', alias: 'authentication', privateKey: authKey.pkcs8, publicKey: authKey.spki, chain: [leaf, ca] },
      ...etks,
      { kind: 'certificate', alias: TEST_AUTH_DN, certificate: leaf },
      { kind: 'certificate', alias: TEST_CA_DN, certificate: ca },
    ],
  };
}
