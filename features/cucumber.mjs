// Profiles of the French features (issue 9): one per front end ("driver"), see README.md.
// Every scenario runs under every driver unless it is tagged for one front end (@usecases,
// @api, @cli, @processus). @live needs a real card and eHealth acceptance; @wip never runs here.

const FRONT_END_TAGS = ['@usecases', '@api', '@cli', '@processus'];

/** A profile running the features through one driver, with its own HTML and JUnit reports. */
function profile(driver, { onlyTagged = false } = {}) {
  const own = `@${driver}`;
  const others = FRONT_END_TAGS.filter((tag) => tag !== own);
  const selection = onlyTagged ? own : `not (${others.join(' or ')})`;
  return {
    paths: ['*.feature'],
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
