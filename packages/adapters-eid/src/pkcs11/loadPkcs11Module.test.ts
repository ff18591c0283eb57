import { describe, expect, it } from 'vitest';
import { loadPkcs11Module } from './loadPkcs11Module.js';
import type { Pkcs11Module } from './Pkcs11Module.js';
import { pkcs11ModuleCandidates } from './pkcs11ModuleCandidates.js';

/** A module that loads only from `loadable`, recording the paths tried. */
function factory(tried: string[], loadable?: string) {
  return () =>
    ({
      load(path: string) {
        tried.push(path);
        if (path !== loadable) throw new Error(`${path}: cannot open shared object file`);
      },
      C_Initialize() {},
      close() {},
    }) as unknown as Pkcs11Module;
}

describe('loadPkcs11Module', () => {
  it('tries the beid middleware before OpenSC on every platform', () => {
    for (const platform of ['linux', 'darwin', 'win32'] as const) {
      const candidates = pkcs11ModuleCandidates(platform);
      const firstOpenSc = candidates.findIndex((path) => path.includes('opensc'));
      const lastBeid = candidates.map((path) => path.includes('beid')).lastIndexOf(true);
      expect(lastBeid).toBeGreaterThanOrEqual(0);
      expect(firstOpenSc).toBeGreaterThan(lastBeid);
    }
  });

  it('lists every path tried and what to install when none loads', () => {
    const tried: string[] = [];
    let error: unknown;
    try {
      loadPkcs11Module(factory(tried), { platform: 'linux' });
    } catch (caught) {
      error = caught;
    }
    expect(tried).toEqual(pkcs11ModuleCandidates('linux'));
    expect(error).toMatchObject({ code: 'PKCS11_MODULE_NOT_FOUND', details: { tried } });
    // One line per path with dlopen's reason, whose own copy of the path is not repeated.
    const lines = (error as Error).message.split('\n').map((line) => line.trim());
    expect(lines.slice(1, 1 + tried.length)).toEqual(tried.map((path) => `${path}: cannot open shared object file`));
    expect((error as Error).message).toContain('eid.belgium.be');
  });

  it('takes the first candidate that loads', () => {
    const tried: string[] = [];
    const opensc = '/usr/lib/x86_64-linux-gnu/opensc-pkcs11.so';
    loadPkcs11Module(factory(tried, opensc), { platform: 'linux' });
    expect(tried.at(-1)).toBe(opensc);
  });

  it('tries only the configured path when one is given', () => {
    const tried: string[] = [];
    expect(() => loadPkcs11Module(factory(tried), { path: '/opt/my/pkcs11.so', platform: 'darwin' })).toThrow('/opt/my/pkcs11.so');
    expect(tried).toEqual(['/opt/my/pkcs11.so']);
  });
});
