import type pkcs11js from 'pkcs11js';
import type { Pkcs11Module } from './Pkcs11Module.js';

/** The eID token label, hard-coded in the middleware (DOMAIN.md 6). */
export const BELPIC_LABEL = 'BELPIC';

/** A present token labelled BELPIC. */
export interface BelpicToken {
  readonly slot: pkcs11js.Handle;
  readonly serial: string;
  readonly label: string;
  readonly flags: number;
}

/** PKCS#11 pads strings with blanks; pkcs11js may pad with NULs (TOOLCHAIN.md 4). */
export function trimPkcs11String(value: string): string {
  return value.replace(/[\s\0]+$/u, '');
}

/**
 * The BELPIC tokens of the slots with a card. Found by label, never by slot id, because SoftHSM
 * reassigns slot ids (TOOLCHAIN.md 4).
 */
export function findBelpicTokens(module: Pkcs11Module): BelpicToken[] {
  const tokens: BelpicToken[] = [];
  for (const slot of module.C_GetSlotList(true)) {
    const info = module.C_GetTokenInfo(slot);
    const label = trimPkcs11String(info.label);
    if (label !== BELPIC_LABEL) continue;
    tokens.push({ slot, serial: trimPkcs11String(info.serialNumber), label, flags: info.flags });
  }
  return tokens;
}
