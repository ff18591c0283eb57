import type { KeyEntry, KeystoreContent } from '../ports/KeystoreVault.js';

/** The key entry `alias` of a keystore content; throws when it is missing (for assertions). */
export function keyEntryOf(content: KeystoreContent | undefined, alias = 'authentication'): KeyEntry {
  const entry = content?.entries.find((e): e is KeyEntry => e.kind === 'key' && e.alias === alias);
  if (!entry) throw new Error(`no key entry "${alias}" in [${content?.entries.map((e) => e.alias).join(', ')}]`);
  return entry;
}
