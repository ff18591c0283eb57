import { basename, dirname, join } from 'node:path';
import { type KeystoreFileSystem, nodeKeystoreFileSystem, writeNewFileAtomically } from '@ehealth-cert/adapters-ehealth';
import { EhealthCertError, type RequestReceipt } from '@ehealth-cert/core';

/** How many `-2`, `-3`... names a companion text tries before giving up. */
const MAX_NAME_ATTEMPTS = 100;

/**
 * Writes `text` in a NEW file beside the keystore, `<keystore stem><suffix>` (or `-2`, `-3`... when
 * that exists): owner-only (mode 0600), temp file + fsync + link, never over an earlier file.
 * A helper of the front ends, not a port: the texts are theirs (docs/decisions/0014). Never pass a
 * password or PIN in `text`.
 */
export async function writeCompanionText(
  keystorePath: string,
  suffix: string,
  text: string,
  fs: KeystoreFileSystem = nodeKeystoreFileSystem,
): Promise<string> {
  if (suffix.length === 0 || /[/\\\0]/.test(suffix)) {
    throw new EhealthCertError('INVALID_INPUT', `companion suffix "${suffix}" must be non-empty without path separators`, { suffix });
  }
  const stem = basename(keystorePath).replace(/\.(acc-|sim-|acc\.|sim\.)?p12$/i, '');
  const folder = dirname(keystorePath);
  const candidates = function* (): Generator<string> {
    for (let attempt = 1; attempt <= MAX_NAME_ATTEMPTS; attempt++) yield join(folder, attempt > 1 ? `${stem}-${attempt}${suffix}` : `${stem}${suffix}`);
  };
  try {
    return await writeNewFileAtomically(fs, candidates(), Buffer.from(text, 'utf8'));
  } catch (error) {
    throw new EhealthCertError('KEYSTORE_WRITE_FAILED', `Could not write ${stem}${suffix} beside ${keystorePath}: ${(error as Error).message}`, {
      keystorePath,
      suffix,
    }, { cause: error });
  }
}

/**
 * The step-15 file's text, in French and English (the file is read later, maybe by someone else):
 * the "secret key" (DOMAIN.md 2.4 item 10) and what to do at step 16. Holds no password and no PIN.
 */
export function secretKeyText(receipt: RequestReceipt): string {
  const command = `ehealth-cert complete --env ${receipt.nextStep.environment} --keystore "${receipt.keystorePath}"`;
  const wait = receipt.automaticallyValidated
    ? ['La demande a été validée automatiquement.', 'The request was validated automatically.']
    : [
        'La demande doit être validée par le support eHealth (jusqu’à 10 jours) : attendez leur e-mail.',
        'The request waits for eHealth support to validate it (up to 10 days): wait for their e-mail.',
      ];
  return [
    `Clé secrète / Secret key: ${receipt.reference}`,
    `Keystore: ${receipt.keystorePath}`,
    `DN: ${receipt.dn}`,
    `Demandé le / Requested on: ${receipt.requestedAt.toISOString()}`,
    `Environnement / Environment: ${receipt.environment.toUpperCase()}`,
    '',
    wait[0],
    'Étape 16 : quand eHealth annonce que le certificat est fabriqué, complétez la demande avec ce keystore et son mot de passe :',
    `  ${command}`,
    'Ne supprimez pas ce keystore : il contient la seule copie de la clé privée.',
    '',
    wait[1],
    'Step 16: when eHealth says the certificate is made, complete the request with this keystore and its password:',
    `  ${command}`,
    'Do not delete this keystore: it holds the only copy of the private key.',
    '',
  ].join('\n');
}

/** Writes the step-15 secret-key file (`<keystore stem>.secret-key.txt`) from the receipt; returns its path. */
export function writeSecretKeyFile(receipt: RequestReceipt, fs: KeystoreFileSystem = nodeKeystoreFileSystem): Promise<string> {
  return writeCompanionText(receipt.keystorePath, '.secret-key.txt', secretKeyText(receipt), fs);
}
