/**
 * Where the PKCS#11 modules of the official Belgian eID middleware live, then OpenSC's
 * (DOMAIN.md 6 "Module paths" and "OpenSC"), in the order they are tried.
 */
export function pkcs11ModuleCandidates(platform: NodeJS.Platform): readonly string[] {
  switch (platform) {
    case 'win32':
      return [
        'C:\\Windows\\System32\\beidpkcs11.dll',
        'C:\\Windows\\SysWOW64\\beidpkcs11.dll',
        'beidpkcs11.dll',
        'C:\\Program Files\\OpenSC Project\\OpenSC\\pkcs11\\opensc-pkcs11.dll',
      ];
    case 'darwin':
      return [
        '/Library/Belgium Identity Card/Pkcs11/beid-pkcs11.bundle/Contents/MacOS/libbeidpkcs11.dylib',
        '/usr/local/lib/beid-pkcs11.bundle/Contents/MacOS/libbeidpkcs11.dylib',
        '/usr/local/lib/libbeidpkcs11.dylib',
        '/Library/OpenSC/lib/opensc-pkcs11.so',
        '/opt/homebrew/lib/opensc-pkcs11.so',
        '/usr/local/lib/opensc-pkcs11.so',
      ];
    default:
      return [
        'libbeidpkcs11.so.0',
        '/usr/lib/x86_64-linux-gnu/libbeidpkcs11.so.0',
        '/usr/lib/aarch64-linux-gnu/libbeidpkcs11.so.0',
        '/usr/lib/libbeidpkcs11.so.0',
        '/usr/lib/libbeidpkcs11.so',
        '/usr/local/lib/libbeidpkcs11.so',
        '/usr/lib/x86_64-linux-gnu/opensc-pkcs11.so',
        '/usr/lib/aarch64-linux-gnu/opensc-pkcs11.so',
        // Fedora / RHEL (lib64); the beid module is found there by its bare name above.
        '/usr/lib64/opensc-pkcs11.so',
        '/usr/lib64/pkcs11/opensc-pkcs11.so',
        '/usr/lib/opensc-pkcs11.so',
        '/usr/local/lib/opensc-pkcs11.so',
      ];
  }
}

/** What to install when no module loads, per platform. */
export function pkcs11InstallHint(platform: NodeJS.Platform): string {
  const where =
    platform === 'win32' || platform === 'darwin'
      ? 'the eID software from https://eid.belgium.be'
      : 'the eID middleware from https://eid.belgium.be (package eid-mw), or OpenSC (apt install opensc pcscd)';
  return `install ${where}, or set EHEALTH_CERT_PKCS11_MODULE to the path of a PKCS#11 module`;
}
