import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const packages = ['core', 'adapters-eid', 'adapters-ehealth', 'simulator', 'composition', 'cli', 'http-api', 'web-wizard'];

export default defineConfig({
  test: {
    projects: packages.map((name) => ({
      // Workspace packages resolve to their TypeScript sources (the `source` export condition).
      resolve: { conditions: ['source'] },
      ssr: { resolve: { conditions: ['source'], externalConditions: ['source'] } },
      test: {
        name,
        // Absolute, so that `npm test` inside a package (vitest --root ../..) finds the same projects.
        root: fileURLToPath(new URL(`./packages/${name}`, import.meta.url)),
        include: ['src/**/*.test.ts'],
        // SoftHSM reads SOFTHSM2_CONF from the native environment: forks, not threads (TOOLCHAIN.md 4).
        pool: 'forks',
        testTimeout: 60_000,
        hookTimeout: 60_000,
      },
    })),
  },
});
