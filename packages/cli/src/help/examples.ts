/**
 * Examples shown under each command's help (`ehealth-cert COMMAND --help`): command lines are the
 * same in every language; only the title is translated (helpTitles).
 */
export const EXAMPLES: Readonly<Record<string, readonly string[]>> = {
  request: [
    'ehealth-cert request',
    'ehealth-cert request --org auto --org-index 1 --email-private jean@example.be --email-general info@ambulance.be --phone-private "02 555 01 23" --accept-terms',
    'ehealth-cert request --org NIHII-AMBU_SERVICE=61111186 --org-name "Ambulancedienst Kempen" --accept-terms ...',
    'ehealth-cert request --keystore-format legacy',
  ],
  complete: ['ehealth-cert complete', 'ehealth-cert complete --wait', 'ehealth-cert complete --keystore "NIHII-AMBU_SERVICE=81234530 20260302-093000.p12"'],
  status: ['ehealth-cert status', 'ehealth-cert status --keystore FILE', 'ehealth-cert status --expiring-within 90d --password-file ks.pass --json'],
  orgs: ['ehealth-cert orgs', 'ehealth-cert orgs --json'],
  card: ['ehealth-cert card'],
  inspect: ['ehealth-cert inspect "NIHII-AMBU_SERVICE=81234530 20260302-093000.p12"'],
  renew: ['ehealth-cert renew', 'ehealth-cert renew --keystore FILE --accept-terms --email-general info@ambulance.be ...'],
  revoke: ['ehealth-cert revoke --reason superseded', 'ehealth-cert revoke --reason keyCompromise --reference 0123456789abcdef0123456789abcdef01234567'],
  'activate-etk': ['ehealth-cert activate-etk'],
  passwd: ['ehealth-cert passwd FILE', 'ehealth-cert passwd FILE --keystore-format legacy'],
  keystores: ['ehealth-cert keystores', 'ehealth-cert keystores --all', 'ehealth-cert --env acc keystores --json'],
  'check-id': ['ehealth-cert check-id NIHII-AMBU_SERVICE=81234530', 'ehealth-cert check-id CBE=0809394427'],
  demo: ['ehealth-cert demo', 'ehealth-cert demo --dir /tmp/ehealth-demo'],
  export: ['ehealth-cert export', 'ehealth-cert export --p12 --export-password-file export.pass'],
  sim: ['ehealth-cert --env sim sim approve 0123456789abcdef0123456789abcdef01234567', 'ehealth-cert --env sim sim refuse 0123456789abcdef0123456789abcdef01234567 --reason "unknown name"'],
};

/** Levenshtein distance of two short words (command names). */
function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length] ?? Number.MAX_SAFE_INTEGER;
}

/** The command a mistyped word most likely meant ("reqest" → "request"), if one is close enough. */
export function closestCommand(typed: string, commands: readonly string[]): string | undefined {
  const word = typed.toLowerCase();
  const ranked = commands
    .map((command) => ({ command, d: command.startsWith(word) && word.length >= 3 ? 0 : distance(word, command) }))
    .sort((x, y) => x.d - y.d);
  const best = ranked[0];
  return best !== undefined && best.d <= Math.max(1, Math.floor(best.command.length / 3)) ? best.command : undefined;
}
