import { createHash, createPublicKey, constants, publicEncrypt, X509Certificate } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { delimiter } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EhealthCertError, type KeyPair } from '@ehealth-cert/core';
import { opensslDir } from '../test-support/openssl.js';
import { encodeDn, formatDn } from './DistinguishedName.js';
import { NodeKeyFactory, prdTrustAnchors, trustAnchorsFor } from './NodeKeyFactory.js';

const factory = new NodeKeyFactory();
const DN = 'CN=SSIN\\=71715100070,OU=eHealth-platform Belgium,OU=ALICE TEST,OU=SSIN\\=71715100070,O=Federal Government,C=BE';
/** openssl's RFC 2253 printing leaves "=" in values unescaped. */
const DN_AS_OPENSSL_PRINTS = DN.replace(/\\=/g, '=');
const ETK_SAMPLE = fileURLToPath(new URL('../../../../resources/pki/etk-samples/kgss-cbe-0809394427.etk', import.meta.url));
/** resources/pki/README.md, written the RFC 2253 way (Java X500Principal, DOMAIN.md 4.1). */
const ETK_SAMPLE_SUBJECT = 'CN=CBE\\=0809394427\\, KGSS,OU=eHealth-platform Belgium,OU=EHEALTH-PLATFORM,OU=CBE\\=0809394427,OU=KGSS,O=Federal Government,C=BE';

const ETK_SAMPLE_SUBJECT_AS_README = 'CN="CBE=0809394427, KGSS", OU=eHealth-platform Belgium, OU=EHEALTH-PLATFORM, OU=CBE=0809394427, OU=KGSS, O=Federal Government, C=BE';

let keyPair: KeyPair;
let openssl: Awaited<ReturnType<typeof opensslDir>>;

beforeAll(async () => {
  keyPair = await factory.generateKeyPair();
  openssl = await opensslDir();
});
afterAll(() => openssl.dispose());

describe('NodeKeyFactory keys and CSR', () => {
  it('generates RSA-2048 key pairs with e = 65537', () => {
    const key = createPublicKey({ key: Buffer.from(keyPair.publicKey), format: 'der', type: 'spki' });
    expect(key.asymmetricKeyType).toBe('rsa');
    expect(key.asymmetricKeyDetails).toMatchObject({ modulusLength: 2048, publicExponent: 65537n });
  });

  it('computes the PublicKeyIdentifier as openssl computes the SubjectKeyIdentifier (RFC 5280 method 1)', async () => {
    await openssl.write('key.der', keyPair.privateKey);
    await openssl.run('req', '-x509', '-key', 'key.der', '-keyform', 'DER', '-subj', '/CN=ski', '-days', '1', '-addext', 'subjectKeyIdentifier=hash', '-out', 'ski.pem');
    const cert = new X509Certificate(await readFile(openssl.path('ski.pem')));
    const text = await openssl.run('x509', '-in', 'ski.pem', '-noout', '-ext', 'subjectKeyIdentifier');
    const ski = /Identifier:\s*\n\s*([0-9A-F:]+)/.exec(text)?.[1]?.replace(/:/g, '').toLowerCase();
    expect(ski).toMatch(/^[0-9a-f]{40}$/);
    expect(await factory.publicKeyIdentifier(new Uint8Array(cert.publicKey.export({ format: 'der', type: 'spki' })))).toBe(ski);
  });

  it('creates a CSR that openssl verifies, with the contract DN one attribute per RDN', async () => {
    const csr = await factory.createCsr(keyPair, DN);
    await openssl.write('csr.der', csr);
    const out = await openssl.run('req', '-in', 'csr.der', '-inform', 'DER', '-verify', '-noout', '-subject', '-nameopt', 'RFC2253', '-text');
    expect(out).toContain(`subject=${DN_AS_OPENSSL_PRINTS}\n`);
    expect(out).toContain('sha256WithRSAEncryption');
    const dump = await openssl.run('asn1parse', '-in', 'csr.der', '-inform', 'DER');
    // six RDNs, each a SET of one attribute
    expect(dump.match(/ SET /g)?.length).toBeGreaterThanOrEqual(6);
    // attributes [0] present and empty (PKCS#10 requires the field)
    expect(dump).toMatch(/l= +0 cons: cont \[ 0 \]/);
    // sha256WithRSAEncryption with NULL parameters, as Java and OpenSSL write it (RFC 4055 5)
    expect(dump).toMatch(/:sha256WithRSAEncryption\n.*prim: NULL\s*\n.*BIT STRING\s*$/);
  });
});

describe('NodeKeyFactory placeholder certificate', () => {
  it('is C=Dummy, serial 0, one minute the day before, SHA256withRSA, self-signed', async () => {
    const now = new Date('2026-11-29T10:00:00Z');
    const der = await factory.createPlaceholderCertificate(keyPair, now);
    const cert = new X509Certificate(Buffer.from(der));
    expect(cert.subject).toBe('C=Dummy');
    expect(cert.serialNumber).toBe('0');
    expect(new Date(cert.validFrom).toISOString()).toBe('2026-11-28T10:00:00.000Z');
    expect(new Date(cert.validTo).toISOString()).toBe('2026-11-28T10:01:00.000Z');
    expect(cert.verify(cert.publicKey)).toBe(true);
    const summary = factory.describeCertificate(der);
    expect(summary).toMatchObject({ subject: 'C=Dummy', serialNumber: '0', placeholder: true, publicKeyIdentifier: await factory.publicKeyIdentifier(keyPair.publicKey) });
  });

  it('carries the connector\'s KeyUsage: critical keyEncipherment + dataEncipherment (issue 12 point 7), as openssl reads it', async () => {
    const der = await factory.createPlaceholderCertificate(keyPair, new Date('2026-11-29T10:00:00Z'));
    await openssl.write('placeholder.der', der);
    const text = await openssl.run('x509', '-in', 'placeholder.der', '-inform', 'DER', '-noout', '-text');
    expect(text).toMatch(/X509v3 Key Usage: critical\s*\n\s*Key Encipherment, Data Encipherment\n/);
    expect(text).toContain('Version: 3 (0x2)');
    expect(text).toContain('sha256WithRSAEncryption');
  });
});

describe('NodeKeyFactory ETK challenge (DOMAIN.md 2.5)', () => {
  const serial = Buffer.from('0102030405060708090a0b0c0d0e0f10', 'hex');
  /** 0x0102030405060708090a0b0c0d0e0f10 in decimal. */
  const SERIAL_DECIMAL = '1339673755198158349044581307228491536';

  function challenge(plain: Buffer, digestOf: Buffer = serial): Uint8Array {
    const key = createPublicKey({ key: Buffer.from(keyPair.publicKey), format: 'der', type: 'spki' });
    const encrypted = publicEncrypt({ key, padding: constants.RSA_PKCS1_PADDING }, plain);
    return new Uint8Array(Buffer.concat([encrypted, createHash('sha256').update(digestOf).digest()]));
  }

  it('splits off the SHA-256, decrypts the serial and returns it in decimal', async () => {
    const c = challenge(serial);
    expect(c.length).toBe(288);
    expect(await factory.decryptChallenge(keyPair, c)).toBe(SERIAL_DECIMAL);
  });

  it('takes the first 16 bytes of a longer plaintext', async () => {
    expect(await factory.decryptChallenge(keyPair, challenge(Buffer.concat([serial, Buffer.from('extra')])))).toBe(SERIAL_DECIMAL);
  });

  it('rejects a challenge whose SHA-256 does not match', async () => {
    await expect(factory.decryptChallenge(keyPair, challenge(serial, Buffer.from('other')))).rejects.toThrowError(/SHA-256/);
  });

  it('rejects a challenge made for another key', async () => {
    const other = await factory.generateKeyPair();
    const error = await factory.decryptChallenge(other, challenge(serial)).catch((e: unknown) => e);
    expect(EhealthCertError.is(error, 'EHEALTH_RESPONSE_INVALID')).toBe(true);
  });

  it('rejects a too short challenge', async () => {
    await expect(factory.decryptChallenge(keyPair, new Uint8Array(32))).rejects.toThrowError(/too short/);
  });
});

describe('NodeKeyFactory encryption certificate and chain', () => {
  let authCert: Uint8Array;
  let caPem: string;

  beforeAll(async () => {
    // An "issued" eHealth authentication certificate for keyPair, from a test CA made by openssl.
    await openssl.run('req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'ca.key', '-out', 'ca.pem', '-subj', '/CN=Test eHealth CA/O=Test/C=BE', '-days', '30', '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign');
    await openssl.write('auth.csr', await factory.createCsr(keyPair, DN));
    await openssl.run('x509', '-req', '-in', 'auth.csr', '-inform', 'DER', '-CA', 'ca.pem', '-CAkey', 'ca.key', '-set_serial', '123456789', '-days', '1095', '-sha256', '-outform', 'DER', '-out', 'auth.der');
    authCert = await openssl.read('auth.der');
    caPem = await readFile(openssl.path('ca.pem'), 'utf8');
  });

  it('signs the encryption certificate with the authentication certificate\'s signature algorithm (sha384WithRSA here; issue 12 point 7)', async () => {
    await openssl.run('x509', '-req', '-in', 'auth.csr', '-inform', 'DER', '-CA', 'ca.pem', '-CAkey', 'ca.key', '-set_serial', '987654321', '-days', '1095', '-sha384', '-outform', 'DER', '-out', 'auth384.der');
    const auth384 = await openssl.read('auth384.der');
    const encryptionKey = await factory.generateKeyPair();
    const der = await factory.createEncryptionCertificate({ authenticationCertificate: auth384, authenticationKey: keyPair, encryptionKey, serialNumber: '42' });
    await openssl.write('enc384.der', der);
    expect(await openssl.run('x509', '-in', 'enc384.der', '-inform', 'DER', '-noout', '-text')).toContain('Signature Algorithm: sha384WithRSAEncryption');
    expect(new X509Certificate(Buffer.from(der)).verify(new X509Certificate(Buffer.from(auth384)).publicKey)).toBe(true);
    await openssl.run('x509', '-req', '-in', 'auth.csr', '-inform', 'DER', '-CA', 'ca.pem', '-CAkey', 'ca.key', '-set_serial', '55', '-days', '1095', '-sha1', '-outform', 'DER', '-out', 'auth1.der');
    await expect(
      factory.createEncryptionCertificate({ authenticationCertificate: await openssl.read('auth1.der'), authenticationKey: keyPair, encryptionKey, serialNumber: '42' }),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT', details: { signatureAlgorithm: '1.2.840.113549.1.1.5' } });
  });

  it('builds the encryption certificate of DOMAIN.md 2.5 (known answer)', async () => {
    const encryptionKey = await factory.generateKeyPair();
    const der = await factory.createEncryptionCertificate({ authenticationCertificate: authCert, authenticationKey: keyPair, encryptionKey, serialNumber: '1339673755198158349044581307228491536' });
    const cert = new X509Certificate(Buffer.from(der));
    const auth = new X509Certificate(Buffer.from(authCert));
    expect(cert.serialNumber).toBe('0102030405060708090A0B0C0D0E0F10');
    expect(cert.subject).toBe(auth.subject);
    expect(cert.issuer).toBe(auth.subject);
    expect(cert.validFrom).toBe(auth.validFrom);
    expect(cert.validTo).toBe(auth.validTo);
    expect(cert.verify(auth.publicKey)).toBe(true);
    expect(Buffer.from(cert.publicKey.export({ format: 'der', type: 'spki' })).equals(Buffer.from(encryptionKey.publicKey))).toBe(true);
    await openssl.write('enc.der', der);
    const text = await openssl.run('x509', '-in', 'enc.der', '-inform', 'DER', '-noout', '-text');
    expect(text).toMatch(/X509v3 Key Usage: critical\s*\n\s*Key Encipherment, Data Encipherment\n/);
    expect(text).toContain('Version: 3 (0x2)');
    expect(text).toContain('sha256WithRSAEncryption');
    // issuer and subject are the auth certificate's subject DER, byte for byte
    const subjectDer = (await openssl.run('x509', '-in', 'auth.der', '-inform', 'DER', '-noout', '-subject', '-nameopt', 'RFC2253')).trim();
    expect(subjectDer).toBe(`subject=${DN_AS_OPENSSL_PRINTS}`);
    expect(factory.describeCertificate(der)).toMatchObject({ subject: DN, issuer: DN, serialNumber: '1339673755198158349044581307228491536', placeholder: false });
  });

  it('accepts an issued chain that ends at the configured trust anchor', async () => {
    const ca = new Uint8Array(new X509Certificate(caPem).raw);
    await new NodeKeyFactory({ trustAnchors: [ca] }).verifyIssuedChain([authCert], keyPair);
    await new NodeKeyFactory({ trustAnchors: [ca] }).verifyIssuedChain([authCert, ca], keyPair);
  });

  it('refuses a chain that ends elsewhere (production anchors) or holds another key', async () => {
    await expect(new NodeKeyFactory().verifyIssuedChain([authCert], keyPair)).rejects.toThrowError(/not a trust anchor/);
    const ca = new Uint8Array(new X509Certificate(caPem).raw);
    const other = await factory.generateKeyPair();
    await expect(new NodeKeyFactory({ trustAnchors: [ca] }).verifyIssuedChain([authCert], other)).rejects.toThrowError(/does not hold our public key/);
  });

  it('acc without configured anchors: still checks the key and the links, and says the chain was not anchored (issue 12 point 5)', async () => {
    expect(await new NodeKeyFactory(trustAnchorsFor('acc', {})).verifyIssuedChain([authCert], keyPair)).toBe('no-trust-anchors');
    const other = await factory.generateKeyPair();
    await expect(new NodeKeyFactory(trustAnchorsFor('acc', {})).verifyIssuedChain([authCert], other)).rejects.toThrowError(/does not hold our public key/);
    const ca = new Uint8Array(new X509Certificate(caPem).raw);
    expect(await new NodeKeyFactory({ trustAnchors: [ca] }).verifyIssuedChain([authCert], keyPair)).toBe('anchored');
  });

  it('acc: trusts the roots of the EHEALTH_CERT_TRUST_ANCHORS files, and only them', async () => {
    await openssl.run('req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'other.key', '-out', 'other.pem', '-subj', '/CN=Other CA', '-days', '30');
    const env = { EHEALTH_CERT_TRUST_ANCHORS: [openssl.path('other.pem'), openssl.path('ca.pem')].join(delimiter) };
    await new NodeKeyFactory(trustAnchorsFor('acc', env)).verifyIssuedChain([authCert], keyPair);
    const onlyOther = new NodeKeyFactory(trustAnchorsFor('acc', { EHEALTH_CERT_TRUST_ANCHORS: openssl.path('other.pem') }));
    await expect(onlyOther.verifyIssuedChain([authCert], keyPair)).rejects.toThrowError(/not a trust anchor/);
  });

  it('prd: adds the files to the embedded roots; sim: adds them to the replacement anchors', async () => {
    await new NodeKeyFactory(trustAnchorsFor('prd', { EHEALTH_CERT_TRUST_ANCHORS: openssl.path('ca.pem') })).verifyIssuedChain([authCert], keyPair);
    const unrelated = prdTrustAnchors().slice(0, 1);
    await new NodeKeyFactory({ ...trustAnchorsFor('sim', { EHEALTH_CERT_TRUST_ANCHORS: openssl.path('ca.pem') }), trustAnchors: unrelated }).verifyIssuedChain([authCert], keyPair);
    await expect(new NodeKeyFactory({ environment: 'sim', trustAnchors: unrelated }).verifyIssuedChain([authCert], keyPair)).rejects.toThrowError(/not a trust anchor/);
  });

  it('names a missing or non-PEM trust anchor file', async () => {
    const missing = new NodeKeyFactory({ environment: 'acc', trustAnchorFiles: [openssl.path('missing.pem')] });
    await expect(missing.verifyIssuedChain([authCert], keyPair)).rejects.toMatchObject({ code: 'INVALID_INPUT', message: expect.stringContaining('missing.pem') });
    await openssl.write('not.pem', 'hello');
    const notPem = new NodeKeyFactory({ environment: 'acc', trustAnchorFiles: [openssl.path('not.pem')] });
    await expect(notPem.verifyIssuedChain([authCert], keyPair)).rejects.toMatchObject({ code: 'INVALID_INPUT', message: expect.stringMatching(/not\.pem.*not a PEM certificate file/) });
  });

  it('embeds the production roots', () => {
    expect(prdTrustAnchors().map((der) => new X509Certificate(Buffer.from(der)).subject)).toEqual([
      expect.stringContaining('ZetesConfidens Private Trust PKI - root CA 001'),
      expect.stringContaining('ZetesConfidens Private Trust PKI - eHealth issuing CA 001'),
    ]);
  });
});

describe('NodeKeyFactory ETK parsing', () => {
  it('verifies the real KGSS test ETK and extracts its encryption certificate', async () => {
    const etk = new Uint8Array(await readFile(ETK_SAMPLE));
    const first = await (await import('./verifyEtk.js')).verifyEtk(etk);
    expect(first.subject).toBe(ETK_SAMPLE_SUBJECT);
    // the same DN as resources/pki/README.md prints it (openssl's one-line form)
    expect(formatDn(encodeDn(ETK_SAMPLE_SUBJECT_AS_README))).toBe(first.subject);
    // A test ETK: its "ETK-RA" signer is no production eHealth key, so only acc (no anchors) takes it.
    const again = await new NodeKeyFactory(trustAnchorsFor('acc', {})).verifyEtk(etk, first.encryptionCertificate);
    expect(again).toMatchObject({ serialNumber: first.serialNumber, signerTrust: 'no-trust-anchors' });
    const cert = new X509Certificate(Buffer.from(first.encryptionCertificate));
    expect(cert.issuer).toBe(cert.subject);
  });

  it('prd: refuses an ETK whose signer does not chain to the eHealth roots, even though its signature verifies (issue 12)', async () => {
    const etk = new Uint8Array(await readFile(ETK_SAMPLE));
    const { verifyEtk } = await import('./verifyEtk.js');
    const ours = (await verifyEtk(etk)).encryptionCertificate;
    const error = await factory.verifyEtk(etk, ours).catch((e: unknown) => e);
    expect(EhealthCertError.is(error, 'EHEALTH_RESPONSE_INVALID')).toBe(true);
    expect((error as Error).message).toMatch(/does not chain to an eHealth root/);
  });

  it('anchored: takes an ETK whose signer chains to a configured root through the certificates it carries', async () => {
    const etk = new Uint8Array(await readFile(ETK_SAMPLE));
    const { verifyEtk } = await import('./verifyEtk.js');
    const ours = (await verifyEtk(etk)).encryptionCertificate;
    const { ContentInfo, SignedData, Certificate } = await import('pkijs');
    const asn1js = await import('asn1js');
    const signed = new SignedData({ schema: new ContentInfo({ schema: asn1js.fromBER(Uint8Array.from(etk).buffer).result }).content });
    const carried = (signed.certificates ?? []).filter((c) => c instanceof Certificate).map((c) => new Uint8Array(c.toSchema().toBER(false)));
    // Whichever carried certificate is the top of the signer's chain works as the anchor.
    const results = await Promise.all(carried.map((anchor) => new NodeKeyFactory({ trustAnchors: [anchor] }).verifyEtk(etk, ours).then((r) => r.signerTrust, () => 'refused')));
    expect(results).toContain('anchored');
  });

  it('refuses an ETK that holds another certificate than ours', async () => {
    const etk = new Uint8Array(await readFile(ETK_SAMPLE));
    const der = await factory.createPlaceholderCertificate(keyPair, new Date());
    await expect(new NodeKeyFactory(trustAnchorsFor('acc', {})).verifyEtk(etk, der)).rejects.toThrowError(/not ours/);
  });

  it('refuses an ETK whose signed content was changed', async () => {
    const etk = Buffer.from(await readFile(ETK_SAMPLE));
    const { verifyEtk } = await import('./verifyEtk.js');
    const content = (await verifyEtk(new Uint8Array(etk))).encryptionCertificate;
    const at = etk.indexOf(Buffer.from(content.subarray(40, 60)));
    expect(at).toBeGreaterThan(0);
    etk[at + 5] = (etk[at + 5] as number) ^ 0xff;
    await expect(verifyEtk(new Uint8Array(etk))).rejects.toThrowError(EhealthCertError);
  });
});
