import { describe, expect, it } from 'vitest';
import { FakeKeyFactory } from './FakeKeyFactory.js';

describe('FakeKeyFactory', () => {
  it('makes distinct deterministic key pairs with 40-hex-digit identifiers', async () => {
    const a = await new FakeKeyFactory().generateKeyPair();
    const b = await new FakeKeyFactory().generateKeyPair();
    const keys = new FakeKeyFactory();
    const [first, second] = [await keys.generateKeyPair(), await keys.generateKeyPair()];
    expect(a).toEqual(b);
    expect(await keys.publicKeyIdentifier(first.publicKey)).toMatch(/^[0-9a-f]{40}$/);
    expect(await keys.publicKeyIdentifier(first.publicKey)).not.toBe(await keys.publicKeyIdentifier(second.publicKey));
  });

  it('reads back a placeholder certificate as DOMAIN.md 2.4 item 9 describes it', async () => {
    const keys = new FakeKeyFactory();
    const pair = await keys.generateKeyPair();
    const summary = keys.describeCertificate(await keys.createPlaceholderCertificate(pair, new Date('2026-03-02T09:30:00Z')));
    expect(summary).toMatchObject({
      subject: 'C=Dummy',
      serialNumber: '0',
      placeholder: true,
      notBefore: new Date('2026-03-01T09:30:00Z'),
      notAfter: new Date('2026-03-01T09:31:00Z'),
      publicKeyIdentifier: await keys.publicKeyIdentifier(pair.publicKey),
    });
  });

  it('refuses a chain whose leaf holds another key', async () => {
    const keys = new FakeKeyFactory();
    const [mine, other] = [await keys.generateKeyPair(), await keys.generateKeyPair()];
    const chain = [await keys.createPlaceholderCertificate(other, new Date())];
    await expect(keys.verifyIssuedChain(chain, mine)).rejects.toMatchObject({ code: 'EHEALTH_RESPONSE_INVALID' });
  });
});
