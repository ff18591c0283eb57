import { Pkcs12KeystoreVault } from '../Pkcs12KeystoreVault.js';
import { realisticKeystoreContent } from './realisticKeystoreContent.js';

/**
 * Child process of the crash-safety test: saves keystores in `argv[2]` in a loop, announcing each
 * path on stdout, until the parent kills it with SIGKILL at a random point.
 */
const folder = process.argv[2]!;
const start = Number(process.argv[3] ?? Date.now());
let t = start;
const vault = new Pkcs12KeystoreVault({ environment: 'acc', folder, iterations: 16, clock: { now: () => new Date((t += 1000)) } });
const content = realisticKeystoreContent();
process.stdout.write('ready\n');
for (;;) {
  const path = await vault.save('SSIN=85073003328', content, 'crash test');
  process.stdout.write(`saved ${path}\n`);
}
