import { After, AfterAll, Before, setDefaultTimeout, setWorldConstructor } from '@cucumber/cucumber';
import { closeHeadlessChromium } from '../drivers/headlessChromium.js';
import { EhealthWorld } from './EhealthWorld.js';

setWorldConstructor(EhealthWorld);
// A scenario provisions a SoftHSM card (RSA key generation) and a simulator CA: seconds, not minutes.
// A step of the web profile walks several screens in a real browser (a request: steps 2 to 15,
// two PIN entries): it gets twice as long on a loaded machine.
setDefaultTimeout(process.env['FEATURES_PROFILE'] === 'web' ? 120_000 : 60_000);

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
