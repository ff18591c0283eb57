import { X509Certificate } from 'node:crypto';
import { EhealthCertError, type CardGeneration, type SignatureAlgorithm } from '@ehealth-cert/core';
import * as pkijs from 'pkijs';

/** What the Authentication certificate says about its holder and the card's key type. */
export interface HolderCertificateFacts {
  readonly ssin: string;
  readonly givenNames: string;
  readonly surname: string;
  readonly generation: CardGeneration;
  readonly algorithm: SignatureAlgorithm;
}

// X.520 attribute types of the eID holder subject (DOMAIN.md 6 "Certificates").
const SERIAL_NUMBER = '2.5.4.5';
const GIVEN_NAME = '2.5.4.42';
const SURNAME = '2.5.4.4';

/** Reads SSIN (serialNumber), GN, SN and the key type (RSA 1024/2048, EC P-384) of an eID leaf. */
export function describeHolderCertificate(der: Uint8Array): HolderCertificateFacts {
  const cert = pkijs.Certificate.fromBER(der.slice());
  const attribute = (type: string): string => {
    const found = cert.subject.typesAndValues.find((tv) => tv.type === type);
    const value: unknown = found?.value.valueBlock.value;
    if (typeof value !== 'string' || value === '') {
      throw new EhealthCertError('CARD_ERROR', `The eID Authentication certificate has no subject attribute ${type}.`, { attribute: type });
    }
    return value;
  };
  return { ssin: attribute(SERIAL_NUMBER), givenNames: attribute(GIVEN_NAME), surname: attribute(SURNAME), ...keyType(der) };
}

/** Applet 1.1 = RSA 1024, 1.7 = RSA 2048, 1.8 = EC P-384 (DOMAIN.md 6 "Key types per applet"). */
function keyType(der: Uint8Array): Pick<HolderCertificateFacts, 'generation' | 'algorithm'> {
  const key = new X509Certificate(der).publicKey;
  const details = key.asymmetricKeyDetails;
  if (key.asymmetricKeyType === 'rsa' && details?.modulusLength === 1024) return { generation: 'rsa1024', algorithm: 'RSA-SHA256' };
  if (key.asymmetricKeyType === 'rsa' && details?.modulusLength === 2048) return { generation: 'rsa2048', algorithm: 'RSA-SHA256' };
  if (key.asymmetricKeyType === 'ec' && details?.namedCurve === 'secp384r1') return { generation: 'ecp384', algorithm: 'ECDSA-SHA384' };
  throw new EhealthCertError(
    'CARD_ERROR',
    `The eID key type ${key.asymmetricKeyType ?? '?'} (${details?.modulusLength ?? details?.namedCurve ?? '?'}) is not one of RSA 1024, RSA 2048 or EC P-384.`,
    { keyType: key.asymmetricKeyType },
  );
}
