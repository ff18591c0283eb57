import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { X509Certificate } from 'node:crypto';
import * as pkijs from 'pkijs';
import pkcs11js from 'pkcs11js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fakeEidIssuer } from './FakeEidPki.js';
import { provisionFakeEid, type FakeEid } from './provisionFakeEid.js';
import { withSofthsm } from './withSofthsm.js';

let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'fake-eid-'));
});
afterAll(() => rm(root, { recursive: true, force: true }));

/** Label, class, id and the attributes asked for, of every object on the token, after login. */
async function objectsOf(card: FakeEid) {
  return withSofthsm(card.modulePath, card.softhsmConf, async (p11) => {
    const slot = p11.C_GetSlotList(true).find((candidate) => p11.C_GetTokenInfo(candidate).serialNumber.trim() === card.tokenSerial)!;
    const info = p11.C_GetTokenInfo(slot);
    const session = p11.C_OpenSession(slot, pkcs11js.CKF_SERIAL_SESSION);
    p11.C_Login(session, pkcs11js.CKU_USER, card.pin);
    p11.C_FindObjectsInit(session, []);
    const handles = p11.C_FindObjects(session, 100);
    p11.C_FindObjectsFinal(session);
    const objects = handles.map((handle) => {
      const [cls, label, id] = p11.C_GetAttributeValue(session, handle, [{ type: pkcs11js.CKA_CLASS }, { type: pkcs11js.CKA_LABEL }, { type: pkcs11js.CKA_ID }]);
      const klass = cls!.value.readUInt32LE(0);
      const extra =
        klass === pkcs11js.CKO_PRIVATE_KEY
          ? p11.C_GetAttributeValue(session, handle, [{ type: pkcs11js.CKA_SENSITIVE }, { type: pkcs11js.CKA_EXTRACTABLE }, { type: pkcs11js.CKA_KEY_TYPE }])
          : klass === pkcs11js.CKO_CERTIFICATE
            ? p11.C_GetAttributeValue(session, handle, [{ type: pkcs11js.CKA_VALUE }])
            : [];
      return { klass, label: label!.value.toString(), id: id!.value.toString('hex'), extra: extra.map((a) => a.value) };
    });
    p11.C_CloseSession(session);
    return { label: info.label.trim(), objects };
  });
}

describe.each(['rsa2048', 'ecp384'] as const)('provisionFakeEid %s', (generation) => {
  let card: FakeEid;
  beforeAll(async () => {
    card = await provisionFakeEid({ dir: join(root, generation), generation });
  });

  it('makes a token labelled BELPIC with keys and certificates Authentication (id 02) and Signature (id 03), CA and Root', async () => {
    const { label, objects } = await objectsOf(card);
    expect(label).toBe('BELPIC');
    const keys = objects.filter((o) => o.klass === pkcs11js.CKO_PRIVATE_KEY);
    expect(keys.map((k) => [k.label, k.id]).sort()).toEqual([['Authentication', '02'], ['Signature', '03']]);
    for (const key of keys) {
      expect(key.extra[0]![0]).toBe(1); // CKA_SENSITIVE
      expect(key.extra[1]![0]).toBe(0); // CKA_EXTRACTABLE
      expect(key.extra[2]!.readUInt32LE(0)).toBe(generation === 'rsa2048' ? pkcs11js.CKK_RSA : pkcs11js.CKK_EC);
    }
    const certs = objects.filter((o) => o.klass === pkcs11js.CKO_CERTIFICATE);
    expect(certs.map((c) => c.label).sort()).toEqual(['Authentication', 'CA', 'Root', 'Signature']);
    const issuer = fakeEidIssuer(generation);
    expect(certs.find((c) => c.label === 'CA')!.extra[0]).toEqual(Buffer.from(issuer.citizenCaCertificate));
    expect(certs.find((c) => c.label === 'Root')!.extra[0]).toEqual(Buffer.from(issuer.rootCertificate));
  });

  it('issues holder certificates like the eID: subject one attribute per RDN, key usage, fixed 10-year validity, chaining to the TEST root', async () => {
    const { objects } = await objectsOf(card);
    const issuer = fakeEidIssuer(generation);
    const folder = join(root, `${generation}-openssl`);
    await writeFile(`${folder}-root.pem`, new X509Certificate(issuer.rootCertificate).toString());
    await writeFile(`${folder}-ca.pem`, new X509Certificate(issuer.citizenCaCertificate).toString());
    for (const [label, usage] of [['Authentication', 'Digital Signature'], ['Signature', 'Non Repudiation']] as const) {
      const der = objects.find((o) => o.klass === pkcs11js.CKO_CERTIFICATE && o.label === label)!.extra[0]!;
      const cert = new X509Certificate(der);
      expect(cert.subject).toBe(`C=BE\nCN=Alice Geldigekaart (${label})\nSN=Geldigekaart\nGN=Alice\nserialNumber=85071400254`);
      const rdns = pkijs.Certificate.fromBER(Uint8Array.from(der)).subject.typesAndValues;
      expect(rdns).toHaveLength(5);
      expect(new Date(cert.validFrom).toISOString()).toBe('2025-01-01T00:00:00.000Z');
      expect(new Date(cert.validTo).toISOString()).toBe('2035-01-01T00:00:00.000Z');
      expect(cert.ca).toBe(false);
      await writeFile(`${folder}-leaf.pem`, cert.toString());
      const text = execFileSync('openssl', ['x509', '-in', `${folder}-leaf.pem`, '-noout', '-ext', 'keyUsage']).toString();
      expect(text).toContain('critical');
      expect(text.split('\n')[1]!.trim()).toBe(usage);
      const verified = execFileSync('openssl', ['verify', '-CAfile', `${folder}-root.pem`, '-untrusted', `${folder}-ca.pem`, `${folder}-leaf.pem`]).toString();
      expect(verified.trim()).toBe(`${folder}-leaf.pem: OK`);
    }
  });
});

describe('provisionFakeEid options and hygiene', () => {
  it('takes the holder, generation and PIN from the options and touches no global SoftHSM state', async () => {
    const before = process.env.SOFTHSM2_CONF;
    const card = await provisionFakeEid({ dir: join(root, 'custom'), generation: 'ecp384', ssin: '90022500183', givenNames: 'Bruno Jan', surname: 'Van Testkaart', pin: '654321' });
    expect(process.env.SOFTHSM2_CONF).toBe(before);
    expect(card.holder).toEqual({ ssin: '90022500183', givenNames: 'Bruno Jan', surname: 'Van Testkaart', generation: 'ecp384' });
    expect(card.pin).toBe('654321');
    expect(card.env).toEqual({ SOFTHSM2_CONF: join(root, 'custom', 'softhsm2.conf'), EHEALTH_CERT_PKCS11_MODULE: card.modulePath });
    expect(card.tokenSerial).toMatch(/^[0-9a-f]{16}$/u);
    const { objects } = await objectsOf(card);
    const auth = objects.find((o) => o.klass === pkcs11js.CKO_CERTIFICATE && o.label === 'Authentication')!;
    expect(new X509Certificate(auth.extra[0]!).subject).toContain('CN=Bruno Jan Van Testkaart (Authentication)');
    expect(await readdir(join(root, 'custom', 'tokens'))).toHaveLength(1);
    await card.remove();
    expect(existsSync(join(root, 'custom'))).toBe(false);
  });

  it('rejects an SSIN that is not 11 digits, a PIN that is not 4 to 12 digits and an unknown generation', async () => {
    const dir = join(root, 'invalid');
    await expect(provisionFakeEid({ dir, ssin: '123' })).rejects.toThrow('ssin "123" must be 11 digits');
    await expect(provisionFakeEid({ dir, pin: '12' })).rejects.toMatchObject({ code: 'INVALID_INPUT', details: { field: 'pin' } });
    await expect(provisionFakeEid({ dir, pin: '12' })).rejects.toThrow('pin must be 4 to 12 digits');
    await expect(provisionFakeEid({ dir, generation: 'rsa1024' as never })).rejects.toThrow('rsa2048 or ecp384');
  });
});
