import { describe, expect, it } from 'vitest';
import { fakeWorld } from '../testing/fakeWorld.js';
import { ShowRequestContract } from './ShowRequestContract.js';

const contactData = { emailPrivate: 'jean@example.be', emailGeneral: 'info@ambulance.be', phonePrivate: '02 123 45 67' };

describe('ShowRequestContract', () => {
  it('returns the terms of the DN the request would get, as HTML and text, without key, keystore or record', async () => {
    const world = fakeWorld();
    const contract = await new ShowRequestContract(world).execute({ organisation: { kind: 'personal' }, contactData });
    expect(contract.dn).toMatch(/^CN=SSIN\\=\d{11},/);
    expect(contract.certificateName).toMatch(/^SSIN=\d{11}$/);
    expect(Object.keys(contract.html).length).toBeGreaterThan(0);
    for (const [language, text] of Object.entries(contract.text)) {
      expect(text).not.toMatch(/<[a-z]/i);
      expect(text.length, language).toBeGreaterThan(0);
    }
    expect(world.registry.calls.map((call) => call.operation)).toEqual(['GenerateContract']);
    expect(await world.vault.list()).toEqual([]);
    expect(await world.pending.list()).toEqual([]);
  });

  it('checks the contact data before touching the card or eHealth', async () => {
    const world = fakeWorld();
    await expect(
      new ShowRequestContract(world).execute({ organisation: { kind: 'personal' }, contactData: { ...contactData, emailGeneral: '', emailPrivate: 'x' } }),
    ).rejects.toMatchObject({ code: 'INVALID_CONTACT_DATA' });
    expect(world.registry.calls).toEqual([]);
  });
});
