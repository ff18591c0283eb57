// Profiles of the French features (issue 9): one per front end ("driver"), see README.md.
// Every scenario runs under the usecases, api and cli drivers unless it is tagged for one of them
// (@usecases, @api, @cli); scenarios tagged @processus also run with the built CLI as a child
// process (profile processus), those tagged @web through the web wizard in headless Chromium
// (profile web). @live needs a real card and eHealth acceptance (profile live);
// @wip never runs.

const FRONT_END_TAGS = ['@usecases', '@api', '@cli'];

/** A profile running the features through one driver, with its own HTML and JUnit reports. */
function profile(driver, { onlyTagged = false } = {}) {
  const own = `@${driver}`;
  const others = FRONT_END_TAGS.filter((tag) => tag !== own);
  const selection = onlyTagged ? own : `not (${others.join(' or ')})`;
  return {
    // run-features.mjs passes chosen files here: cucumber 12 merges command-line paths with these.
    paths: process.env.FEATURES_PATHS ? process.env.FEATURES_PATHS.split('\n') : ['*.feature'],
    import: ['support/**/*.ts', 'steps/**/*.ts'],
    language: 'fr',
    tags: `not @live and not @wip and ${selection}`,
    worldParameters: { driver },
    format: [
      'progress',
      ['html', `../reports/features-${driver}.html`],
      ['junit', `../reports/features-${driver}.xml`],
    ],
    formatOptions: { junit: { suiteName: `features-${driver}` } },
    strict: true,
  };
}

export default profile('usecases');
export const usecases = profile('usecases');
export const api = profile('api');
export const cli = profile('cli');
export const processus = profile('processus', { onlyTagged: true });
// The web wizard in headless Chromium (scenarios tagged @web; @clavier: keyboard only).
export const web = profile('web', { onlyTagged: true });
// A real card (PKCS#11 module in EHEALTH_CERT_PKCS11_MODULE, PIN in EHEALTH_CERT_PIN) and eHealth
// acceptance, through the CLI in-process: `node run-features.mjs live`.
export const live = { ...profile('live'), tags: '@live and not @wip', worldParameters: { driver: 'cli', live: true } };
