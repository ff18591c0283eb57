import { join } from 'node:path';
import type { FakeEid } from '@ehealth-cert/simulator';

/**
 * The environment of a scripted `ehealth-cert --env sim` run on a fake card: keystores and HOME in
 * `dir`, the card's SoftHSM token and PIN, and the keystore password (never on argv).
 */
export function simCardEnv(dir: string, card: FakeEid, options: { lang: string; password: string }): Record<string, string> {
  return {
    LANG: options.lang,
    HOME: dir,
    EHEALTH_CERT_ENV: 'sim',
    EHEALTH_CERT_KEYSTORE_DIR: join(dir, 'keystore'),
    SOFTHSM2_CONF: card.softhsmConf,
    EHEALTH_CERT_PKCS11_MODULE: card.modulePath,
    EHEALTH_CERT_PIN: card.pin,
    EHEALTH_CERT_KEYSTORE_PASSWORD: options.password,
  };
}
