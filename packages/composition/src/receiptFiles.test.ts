import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RequestReceipt } from '@ehealth-cert/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { secretKeyText, writeCompanionText, writeSecretKeyFile } from './receiptFiles.js';

let folder: string;
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'receipt-files-'));
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

function receipt(overrides: Partial<RequestReceipt> = {}): RequestReceipt {
  const keystoreName = 'NIHII-HOSPITAL=71072393 20251117-122425.acc-p12';
  return {
    reference: 'a'.repeat(40),
    environment: 'acc',
    dn: 'CN=NIHII-HOSPITAL\\=71072393,O=Federal Government,C=BE',
    certificateName: 'NIHII-HOSPITAL=71072393',
    keystorePath: join(folder, keystoreName),
    keystoreName,
    requestedAt: new Date('2025-11-17T12:24:25Z'),
    automaticallyValidated: false,
    renewal: false,
    nextStep: { step: '16', action: 'complete', environment: 'acc', keystoreName },
    ...overrides,
  };
}

describe('the step-15 files the front ends write from core\'s receipt', () => {
  it('renders the secret key, the keystore, the DN and step 16 with its environment, in French and English', () => {
    const text = secretKeyText(receipt());
    expect(text).toContain(`Clé secrète / Secret key: ${'a'.repeat(40)}`);
    expect(text).toContain(`Keystore: ${receipt().keystorePath}`);
    expect(text).toContain('DN: CN=NIHII-HOSPITAL\\=71072393');
    expect(text).toContain('Environnement / Environment: ACC');
    expect(text).toContain('support eHealth');
    expect(text).toContain(`ehealth-cert complete --env acc --keystore "${receipt().keystorePath}"`);
    expect(secretKeyText(receipt({ automaticallyValidated: true }))).toContain('validated automatically');
  });

  it('writes <keystore stem>.secret-key.txt owner-only, and never over an earlier file', async () => {
    const first = await writeSecretKeyFile(receipt());
    expect(first).toBe(join(folder, 'NIHII-HOSPITAL=71072393 20251117-122425.secret-key.txt'));
    expect(await readFile(first, 'utf8')).toBe(secretKeyText(receipt()));
    expect((await stat(first)).mode & 0o777).toBe(0o600);
    const second = await writeCompanionText(receipt().keystorePath, '.secret-key.txt', 'other');
    expect(second).toBe(join(folder, 'NIHII-HOSPITAL=71072393 20251117-122425-2.secret-key.txt'));
    expect(await readFile(first, 'utf8')).toBe(secretKeyText(receipt()));
  });

  it('refuses a suffix that names another folder', async () => {
    await expect(writeCompanionText(receipt().keystorePath, '/../x', 'y')).rejects.toMatchObject({ code: 'INVALID_INPUT', details: { suffix: '/../x' } });
  });
});
