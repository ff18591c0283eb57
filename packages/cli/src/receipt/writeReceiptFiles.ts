import { writeCompanionText, writeSecretKeyFile } from '@ehealth-cert/composition';
import type { RequestReceipt } from '@ehealth-cert/core';
import type { Translator } from '../i18n/Translator.js';
import { environmentName } from '../i18n/environmentName.js';
import { certificateNameInWords } from '../i18n/identifierInWords.js';
import { longDate } from '../i18n/longDate.js';

/** The step-16 instructions in the person's language, rendered from core's receipt. */
export function stepSixteenText(i18n: Translator, receipt: RequestReceipt): string {
  const { m } = i18n;
  const values = {
    reference: receipt.reference,
    name: certificateNameInWords(receipt.certificateName, i18n),
    keystore: receipt.keystorePath,
    date: longDate(receipt.requestedAt, i18n.language),
    env: environmentName(receipt.nextStep.environment, i18n),
    envFlag: receipt.nextStep.environment,
  };
  return [m.instructions.title, '', ...m.instructions.body.map((line) => i18n.t(() => line, values)), ''].join('\n');
}

/**
 * Step 15 on disk, beside the keystore (owner-only 0600, never over an earlier file, never a
 * password): the FR/EN secret-key file and the step-16 instructions in the person's language.
 */
export async function writeReceiptFiles(i18n: Translator, receipt: RequestReceipt): Promise<{ secretKeyFile: string; instructionsFile: string }> {
  const secretKeyFile = await writeSecretKeyFile(receipt);
  const instructionsFile = await writeCompanionText(receipt.keystorePath, `.step-16.${i18n.language}.txt`, stepSixteenText(i18n, receipt));
  return { secretKeyFile, instructionsFile };
}
