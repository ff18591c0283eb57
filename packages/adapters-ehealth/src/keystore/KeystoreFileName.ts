/**
 * Keystore file names `TYPE=ID[,APPID] yyyyMMdd-HHmmss.p12` (`.acc-p12` in acceptance), DOMAIN.md 3.
 * Local stand-in for the core rule `keystoreFileName` / `parseKeystoreFileName` (issue 5 brief):
 * same names and meaning, so the vault switches to `@ehealth-cert/core` when it lands.
 */
export type KeystoreEnvironment = 'prd' | 'acc' | 'sim';

const EXTENSIONS: Readonly<Record<KeystoreEnvironment, string>> = { prd: '.p12', acc: '.acc-p12', sim: '.sim-p12' };

const pad = (value: number, width = 2): string => String(value).padStart(width, '0');

/** `yyyyMMdd-HHmmss` in local time, as the official tool stamps its files (DOMAIN.md 3). */
export function keystoreTimestamp(at: Date): string {
  return `${at.getFullYear()}${pad(at.getMonth() + 1)}${pad(at.getDate())}-${pad(at.getHours())}${pad(at.getMinutes())}${pad(at.getSeconds())}`;
}

/** The file name of a keystore saved at `savedAt`; `sequence` > 1 disambiguates two saves in the same second. */
export function keystoreFileName(certificateName: string, savedAt: Date, environment: KeystoreEnvironment, sequence = 1): string {
  const suffix = sequence > 1 ? `-${sequence}` : '';
  return `${certificateName} ${keystoreTimestamp(savedAt)}${suffix}${EXTENSIONS[environment]}`;
}

/** What a keystore file name says. */
export interface ParsedKeystoreFileName {
  readonly certificateName: string;
  /** `yyyyMMdd-HHmmss` (sortable as text). */
  readonly timestamp: string;
  readonly sequence: number;
  readonly environment: KeystoreEnvironment;
}

// Separator space or dash, extension `.p12`, `.acc-p12`, `.acc.p12` (egelke's copy: `SSIN=...-20230823-085751.acc.p12`).
const PATTERN = /^([A-Z0-9_-]+=[^ /\\]+?)[ -](\d{8}-\d{6})(?:-(\d+))?\.(?:(acc|sim)[-.])?p12$/i;

/** Parses a keystore file name, tolerating the dash/dot variants of DOMAIN.md 3; `undefined` if it is not one. */
export function parseKeystoreFileName(name: string): ParsedKeystoreFileName | undefined {
  const match = PATTERN.exec(name);
  if (match === null) return undefined;
  const [, certificateName, timestamp, sequence, environment] = match;
  return {
    certificateName: certificateName!,
    timestamp: timestamp!,
    sequence: sequence === undefined ? 1 : Number(sequence),
    environment: (environment?.toLowerCase() ?? 'prd') as KeystoreEnvironment,
  };
}
