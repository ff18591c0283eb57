import { Container } from 'inversify';
import { describe, expect, it } from 'vitest';
import { EID_CARD, eidCardModule } from './eidCardModule.js';
import { Pkcs11EidCard } from './Pkcs11EidCard.js';

describe('eidCardModule', () => {
  it('binds the EidCard token to one Pkcs11EidCard built from the settings', async () => {
    const container = new Container();
    await container.load(eidCardModule({ pkcs11Module: '/nonexistent/module.so', tokenSerial: 'abc' }));
    const card = container.get(EID_CARD);
    expect(card).toBeInstanceOf(Pkcs11EidCard);
    expect(container.get(EID_CARD)).toBe(card);
    await expect((card as Pkcs11EidCard).readHolder()).rejects.toMatchObject({ code: 'PKCS11_MODULE_NOT_FOUND', details: { tried: ['/nonexistent/module.so'] } });
  });

  it('uses the token name shared with the port', () => {
    expect(EID_CARD).toBe(Symbol.for('ehealth-cert.EidCard'));
  });
});
