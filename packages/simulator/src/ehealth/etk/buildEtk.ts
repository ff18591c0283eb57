import { createHash } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { engine } from '../pki/cryptoEngine.js';
import type { CryptoKey } from '../pki/cryptoEngine.js';
import { readCertificate } from '../pki/readCertificate.js';

/**
 * The ETK of DOMAIN.md 2.5: CMS SignedData whose encapsulated id-data content is the client's
 * encryption certificate DER, signed (SHA-256, RSA) by the ETK-RA key, with the ETK-RA
 * certificate, the owner's authentication certificate and its chain in `certificates`.
 */
export async function buildEtk(encryptionCertificate: Uint8Array, etkRaCert: Uint8Array, etkRaKey: CryptoKey, certificates: readonly Uint8Array[], signingTime: Date): Promise<Uint8Array> {
  const signer = readCertificate(etkRaCert).pkijs;
  const signedData = new pkijs.SignedData({
    version: 1,
    encapContentInfo: new pkijs.EncapsulatedContentInfo({
      eContentType: '1.2.840.113549.1.7.1',
      eContent: new asn1js.OctetString({ valueHex: Uint8Array.from(encryptionCertificate).buffer }),
    }),
    signerInfos: [
      new pkijs.SignerInfo({
        version: 1,
        sid: new pkijs.IssuerAndSerialNumber({ issuer: signer.issuer, serialNumber: signer.serialNumber }),
        signedAttrs: new pkijs.SignedAndUnsignedAttributes({
          type: 0,
          attributes: [
            new pkijs.Attribute({ type: '1.2.840.113549.1.9.3', values: [new asn1js.ObjectIdentifier({ value: '1.2.840.113549.1.7.1' })] }),
            new pkijs.Attribute({ type: '1.2.840.113549.1.9.5', values: [new asn1js.UTCTime({ valueDate: signingTime })] }),
            new pkijs.Attribute({
              type: '1.2.840.113549.1.9.4',
              values: [new asn1js.OctetString({ valueHex: Uint8Array.from(createHash('sha256').update(encryptionCertificate).digest()).buffer })],
            }),
          ],
        }),
      }),
    ],
    certificates: [signer, ...certificates.map((c) => readCertificate(c).pkijs)],
  });
  await signedData.sign(etkRaKey, 0, 'SHA-256', undefined, engine);
  const contentInfo = new pkijs.ContentInfo({ contentType: '1.2.840.113549.1.7.2', content: signedData.toSchema(true) });
  return new Uint8Array(contentInfo.toSchema().toBER(false));
}
