import { encodeFake } from './fakeEncoding.js';

/** A fake certification authority of the fake eHealth: its subject and its key. */
export interface FakeCa {
  readonly subject: string;
  readonly publicKey: Uint8Array;
}

/** The fake eHealth root (the FakeKeyFactory's default trust anchor); never sent in chains (DOMAIN.md 2.3). */
export const FAKE_ROOT_CA: FakeCa = {
  subject: 'CN=FAKE eHealth root CA,O=Fake,C=BE',
  publicKey: encodeFake('PUBLIC-KEY', { ca: 'root' }),
};

/** The fake eHealth issuing CA, issued by FAKE_ROOT_CA. */
export const FAKE_ISSUING_CA: FakeCa = {
  subject: 'CN=FAKE eHealth issuing CA,O=Fake,C=BE',
  publicKey: encodeFake('PUBLIC-KEY', { ca: 'issuing' }),
};

/** The fake Belgian citizen CA that issues the fake eID certificates. */
export const FAKE_CITIZEN_CA: FakeCa = {
  subject: 'CN=FAKE Citizen CA,C=BE',
  publicKey: encodeFake('PUBLIC-KEY', { ca: 'citizen' }),
};
