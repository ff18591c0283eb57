import { createPrivateKey, sign } from 'node:crypto';
import * as asn1js from 'asn1js';
import { der, parseAsn1 } from './Asn1.js';

const SHA256_WITH_RSA = '1.2.840.113549.1.1.11';
const ECDSA_WITH_SHA256 = '1.2.840.10045.4.3.2';

/** The Name `C=Dummy` of the throw-away certificate (DOMAIN.md 2.4 item 9). */
const DUMMY_NAME = der.encode(
  der.sequence(der.set(der.sequence(der.oid('2.5.4.6'), new asn1js.PrintableString({ value: 'Dummy' })))),
);

/**
 * extensions [3] { KeyUsage critical keyEncipherment + dataEncipherment }: the connector's
 * `new KeyUsage(16 + 32)` on its dummy certificate (CertificateUtils.generateCert(KeyPair), issue 12
 * point 7); BIT STRING 0b0011_0000 with 4 unused bits.
 */
const KEY_USAGE_EXTENSIONS = der.explicit(
  3,
  der.sequence(
    der.sequence(
      der.oid('2.5.29.15'),
      new asn1js.Boolean({ value: true }),
      new asn1js.OctetString({ valueHex: new asn1js.BitString({ valueHex: new Uint8Array([0x30]).buffer, unusedBits: 4 }).toBER(false) }),
    ),
  ),
);

/**
 * A throw-away self-signed certificate for a key whose eHealth certificate does not exist yet:
 * subject `C=Dummy`, serial 0, valid one minute the day before, SHA256withRSA, KeyUsage critical
 * keyEncipherment + dataEncipherment, as the connector's `CertificateUtils.generateCert(KeyPair)`
 * does (DOMAIN.md 2.4 item 9), because a PKCS#12 key entry needs a certificate for Java to list it.
 */
export function createPlaceholderCertificate(privateKeyPkcs8: Uint8Array, publicKeySpki: Uint8Array, now: Date): Buffer {
  const key = createPrivateKey({ key: Buffer.from(privateKeyPkcs8), format: 'der', type: 'pkcs8' });
  const isRsa = key.asymmetricKeyType === 'rsa';
  const algorithm = isRsa ? der.sequence(der.oid(SHA256_WITH_RSA), der.null()) : der.sequence(der.oid(ECDSA_WITH_SHA256));
  const notBefore = new Date(now.getTime() - 24 * 3600 * 1000);
  const notAfter = new Date(notBefore.getTime() + 60 * 1000);
  const tbs = der.sequence(
    der.explicit(0, der.integer(2)),
    der.integer(0),
    algorithm,
    der.raw(DUMMY_NAME),
    der.sequence(new asn1js.UTCTime({ valueDate: notBefore }), new asn1js.UTCTime({ valueDate: notAfter })),
    der.raw(DUMMY_NAME),
    der.raw(publicKeySpki),
    KEY_USAGE_EXTENSIONS,
  );
  const tbsDer = der.encode(tbs);
  const signature = sign('sha256', tbsDer, key);
  const bits = new asn1js.BitString({ valueHex: Uint8Array.from(signature).buffer });
  const algorithmCopy = parseAsn1(der.encode(algorithm), 'AlgorithmIdentifier');
  return der.encode(der.sequence(parseAsn1(tbsDer, 'TBSCertificate'), algorithmCopy, bits));
}
