import { describe, expect, it } from 'vitest';
import { buildDn, normaliseDnName } from './buildDn.js';

describe('buildDn (DOMAIN.md 4.1)', () => {
  it('builds a person DN with the escaped identifier in CN and OU', () => {
    expect(buildDn('SSIN', '85071400254', 'Alice Geldigekaart')).toBe('CN=SSIN\\=85071400254,OU=eHealth-platform Belgium,OU=ALICE GELDIGEKAART,OU=SSIN\\=85071400254,O=Federal Government,C=BE');
  });

  it('adds the application id to CN and as its own OU', () => {
    expect(buildDn('CBE', '0809394427', 'eHealth-platform', 'KGSS')).toBe('CN=CBE\\=0809394427\\, KGSS,OU=eHealth-platform Belgium,OU=EHEALTH-PLATFORM,OU=CBE\\=0809394427,OU=KGSS,O=Federal Government,C=BE');
  });

  it('upper-cases the name and strips diacritics', () => {
    expect(normaliseDnName('Chloé  Van den Broeck-Lefèvre')).toBe('CHLOE VAN DEN BROECK-LEFEVRE');
  });
});
