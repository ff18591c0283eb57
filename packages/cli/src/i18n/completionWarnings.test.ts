import type { CompletionWarning } from '@ehealth-cert/core';
import { describe, expect, it } from 'vitest';
import { Translator } from './Translator.js';
import { localizedWarnings } from './completionWarnings.js';

const fromCore: CompletionWarning[] = [
  { code: 'ISSUED_CHAIN_NOT_CHECKED', message: 'No eHealth trust anchor is configured: the issued certificate chain was not checked.' },
  { code: 'ETK_SIGNER_NOT_CHECKED', message: "No eHealth trust anchor is configured: the ETK signer's certificate was not checked." },
  { code: 'ETK_NOT_YET_PUBLISHED', message: 'eHealth registered the ETK, but ETKDepot does not publish it yet.' },
];

describe('complete --json warnings', () => {
  it('keeps the codes and gives the messages in French, Dutch or English, never core\'s English text', () => {
    const fr = localizedWarnings(fromCore, new Translator('fr'), '4242');
    expect(fr.map((w) => w.code)).toEqual(fromCore.map((w) => w.code));
    expect(fr[0]?.message).toContain('aucune racine eHealth');
    expect(fr[1]?.message).toContain('signataire de l\'ETK');
    expect(fr[2]?.message).toContain('4242');
    expect(fr[2]?.message).toContain('pas encore publié');
    const nl = localizedWarnings(fromCore, new Translator('nl'), '4242');
    expect(nl[0]?.message).toContain('geen eHealth-root');
    for (const [i, w] of [...fr, ...nl].entries()) {
      expect(w.message).not.toBe(fromCore[i % 3]?.message);
      expect(w.message).not.toMatch(/was not checked|does not publish/);
    }
    expect(localizedWarnings(fromCore, new Translator('en'), '4242')[0]?.message).toContain('no eHealth root is configured');
  });
});
