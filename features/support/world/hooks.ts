import { After, Before, setDefaultTimeout, setWorldConstructor } from '@cucumber/cucumber';
import { EhealthWorld } from './EhealthWorld.js';

setWorldConstructor(EhealthWorld);
// A scenario provisions a SoftHSM card (RSA key generation) and a simulator CA: seconds, not minutes.
setDefaultTimeout(60_000);

Before(async function (this: EhealthWorld, { pickle }) {
  await this.open(`${pickle.uri}:${pickle.name}`);
});

After(async function (this: EhealthWorld) {
  await this.close();
});
