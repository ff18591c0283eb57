import { After, AfterAll, Before, setDefaultTimeout, setWorldConstructor } from '@cucumber/cucumber';
import { closeHeadlessChromium } from '../drivers/headlessChromium.js';
import { EhealthWorld } from './EhealthWorld.js';

setWorldConstructor(EhealthWorld);
// A scenario provisions a SoftHSM card (RSA key generation) and a simulator CA: seconds, not minutes.
setDefaultTimeout(60_000);

Before(async function (this: EhealthWorld, { pickle }) {
  await this.open(`${pickle.uri}:${pickle.name}`, pickle.tags.map((tag) => tag.name));
});

After(async function (this: EhealthWorld) {
  await this.close();
});

// The web profile's Chromium, if this worker started one.
AfterAll(async function () {
  await closeHeadlessChromium();
});
