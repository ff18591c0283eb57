import { existsSync } from 'node:fs';

// Debian/Ubuntu (TOOLCHAIN.md 2), Fedora, macOS Homebrew.
const CANDIDATES = [
  '/usr/lib/softhsm/libsofthsm2.so',
  '/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so',
  '/usr/lib64/pkcs11/libsofthsm2.so',
  '/opt/homebrew/lib/softhsm/libsofthsm2.so',
  '/usr/local/lib/softhsm/libsofthsm2.so',
];

/** Path of the SoftHSM2 PKCS#11 module: EHEALTH_CERT_SOFTHSM_MODULE, or the first that exists. */
export function softhsmModulePath(env: Readonly<Record<string, string | undefined>> = process.env): string {
  const configured = env.EHEALTH_CERT_SOFTHSM_MODULE;
  if (configured) return configured;
  const found = CANDIDATES.find((path) => existsSync(path));
  if (!found) throw new Error(`SoftHSM2 is not installed (tried ${CANDIDATES.join(', ')}): apt install softhsm2`);
  return found;
}
