// The wizard is built into dist/ui at build time (npm run build) and served by ehealth-cert-api
// at /ui/ (decision 0009). Relative asset URLs, so that an integrator can mount it elsewhere.
import { defineConfig } from 'vite';

export default defineConfig({
  base: './',
  // @ehealth-cert/core from its TypeScript sources, like the rest of the repository.
  resolve: { conditions: ['source', 'browser', 'module', 'import', 'default'] },
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir: 'dist/ui',
    emptyOutDir: true,
    // The API sends no source maps to operators' browsers; the sources are in the repository.
    sourcemap: false,
    target: 'es2022',
    reportCompressedSize: true,
  },
});
