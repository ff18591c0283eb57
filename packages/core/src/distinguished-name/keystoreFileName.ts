/** Which eHealth environment a keystore belongs to; `sim` is our embedded simulator. */
export type KeystoreEnvironment = 'prd' | 'acc' | 'sim';

/** A keystore file name taken apart (DOMAIN.md 3). */
export interface KeystoreFileName {
  readonly certificateName: string;
  readonly savedAt: Date;
  readonly environment: KeystoreEnvironment;
}

// `.p12` for production and `.acc-p12` for acceptance as eHealth names them (DOMAIN.md 3); we add
// `.sim-p12` so a simulator keystore can never be mistaken for a real one by a tool that picks
// `*.p12` or `*.acc-p12` files.
const EXTENSIONS: Readonly<Record<KeystoreEnvironment, string>> = { prd: '.p12', acc: '.acc-p12', sim: '.sim-p12' };

const pad = (n: number, width = 2) => n.toString().padStart(width, '0');

/** `TYPE=ID[,APPID] yyyyMMdd-HHmmss.p12` (`.acc-p12`, `.sim-p12`), time stamp in local time (DOMAIN.md 3). */
export function keystoreFileName(certificateName: string, savedAt: Date, environment: KeystoreEnvironment): string {
  const d = savedAt;
  const stamp = `${pad(d.getFullYear(), 4)}${pad(d.getMonth() + 1)}${pad(d.getDate())}-${pad(d.getHours())}${pad(d.getMinutes())}${pad(d.getSeconds())}`;
  return `${certificateName} ${stamp}${EXTENSIONS[environment]}`;
}

// Also accepts egelke's `SSIN=x-20230823-085751.acc.p12` (dash before the stamp, dot before p12).
const PATTERN =
  /^(?<name>[A-Za-z0-9_-]+=[0-9]+(?:,[0-9A-Za-z_-]{1,30})?)[ -](?<y>\d{4})(?<mo>\d{2})(?<d>\d{2})-(?<h>\d{2})(?<mi>\d{2})(?<s>\d{2})\.(?:(?<env>acc|sim)[.-])?p12$/i;

/** Takes a keystore file name (or path) apart; `undefined` when it does not follow the rule. */
export function parseKeystoreFileName(fileName: string): KeystoreFileName | undefined {
  const base = fileName.slice(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
  const g = PATTERN.exec(base)?.groups;
  if (!g) return undefined;
  const [y, mo, d, h, mi, s] = [g.y, g.mo, g.d, g.h, g.mi, g.s].map(Number) as [number, number, number, number, number, number];
  const savedAt = new Date(y, mo - 1, d, h, mi, s);
  // Reject impossible stamps (month 13, 31 April, 25:00) instead of letting Date roll them over.
  if (savedAt.getMonth() !== mo - 1 || savedAt.getDate() !== d || savedAt.getHours() !== h || mi > 59 || s > 59) return undefined;
  const environment = (g.env?.toLowerCase() ?? 'prd') as KeystoreEnvironment;
  return { certificateName: g.name as string, savedAt, environment };
}
