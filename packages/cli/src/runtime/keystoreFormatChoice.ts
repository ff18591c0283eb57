import { parseKeystoreFormat, type KeystoreFormat } from '@ehealth-cert/core';

/** The variable that chooses the keystore format when `--keystore-format` is not given (docs/decisions/0016). */
export const KEYSTORE_FORMAT_VARIABLE = 'EHEALTH_CERT_KEYSTORE_FORMAT';

/**
 * The format of the keystore a command writes: `--keystore-format`, else EHEALTH_CERT_KEYSTORE_FORMAT,
 * else not chosen (a new keystore is `modern`; complete and passwd keep the format of the file
 * they replace). A wrong value is INVALID_INPUT naming the option or variable and the allowed values.
 */
export function keystoreFormatChoice(
  options: Readonly<Record<string, unknown>>,
  env: Readonly<Record<string, string | undefined>>,
): { readonly keystoreFormat?: KeystoreFormat } {
  const flag = options['keystoreFormat'];
  const format =
    typeof flag === 'string' ? parseKeystoreFormat(flag, '--keystore-format') : parseKeystoreFormat(env[KEYSTORE_FORMAT_VARIABLE], KEYSTORE_FORMAT_VARIABLE);
  return format === undefined ? {} : { keystoreFormat: format };
}
