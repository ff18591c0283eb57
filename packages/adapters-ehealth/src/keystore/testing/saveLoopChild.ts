import { Pkcs12KeystoreVault } from '../Pkcs12KeystoreVault.js';
import { realisticKeystoreContent } from './realisticKeystoreContent.js';

/**
 * Child process of the crash-safety test: saves keystores in `argv[2]` in a loop, announcing each
 * path on stdout, until the parent kills it with SIGKILL at a random point. With `argv[4]` =
 * `replace`, each save replaces the previous one (as completion does), so that the kill also hits
 * the move of the replaced file to `superseded/`; the first save replaces the newest file of the
 * folder, if any.
 */
const folder = process.argv[2]!;
const start = Number(process.argv[3] ?? Date.now());
const replace = process.argv[4] === 'replace';
let t = start;
const vault = new Pkcs12KeystoreVault({ environment: 'acc', folder, iterations: 16, clock: { now: () => new Date((t += 1000)) } });
let previous = replace ? (await vault.findLatest('SSIN=85073003328'))?.path : undefined;
// A replacing save must keep the keys of the file it replaces: the same content goes on.
const content = previous === undefined ? realisticKeystoreContent() : await vault.open(previous, 'crash test');
process.stdout.write('ready\n');
for (;;) {
  const path = await vault.save('SSIN=85073003328', content, 'crash test', previous === undefined ? {} : { replaces: previous });
  if (replace) previous = path;
  process.stdout.write(`saved ${path}\n`);
}
