import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// The pins of TOOLCHAIN.md section 1 and its install gotchas (G1, G2), checked on the root
// manifest, the lockfile (what `npm ci` installs) and every workspace manifest.
const root = join(import.meta.dirname, '..', '..', '..');
const json = (path: string) => JSON.parse(readFileSync(join(root, path), 'utf8')) as Record<string, unknown>;
const rootManifest = json('package.json') as { workspaces: string[]; engines?: { node?: string }; devDependencies: Record<string, string>; overrides?: Record<string, string> };
const lock = json('package-lock.json') as { packages: Record<string, { version?: string }> };
const locked = (name: string) => lock.packages[`node_modules/${name}`]?.version;
const workspaces = rootManifest.workspaces;

describe('the toolchain (TOOLCHAIN.md)', () => {
  it.each([
    ['vite', /^8\.3\.8$/, 'G2: 8.4.0 breaks npm ci'],
    ['vitest', /^4\.1\.\d+$/, '5.x needs Node 22'],
    ['typescript', /^5\.9\.\d+$/, '7.x has no JS API'],
    ['msw', /^2\.\d+\.\d+$/, '3.x is broken on Node 20'],
    ['@cucumber/cucumber', /^12\.\d+\.\d+$/, '13.x will not start on Node 20'],
  ])('locks %s to %s (%s)', (name, version) => {
    expect(locked(name)).toMatch(version);
  });

  it('pins vite exactly at the root, so that vitest cannot float it to 8.4', () => {
    expect(rootManifest.devDependencies.vite).toBe('8.3.8');
    expect(rootManifest.overrides?.vite).toBe('$vite');
  });

  it('locks no package that this registry lacks (G2)', () => {
    expect(Object.keys(lock.packages).filter((path) => path.includes('napi-windows-process-start-time'))).toEqual([]);
  });

  it('builds native addons against the local Node headers (G1: .npmrc nodedir=/usr)', () => {
    expect(readFileSync(join(root, '.npmrc'), 'utf8').split('\n').map((l) => l.trim())).toContain('nodedir=/usr');
  });

  it.each(['.', ...workspaces])('declares Node >= 20.19 in %s/package.json', (workspace) => {
    expect((json(join(workspace, 'package.json')) as { engines?: { node?: string } }).engines?.node).toBe('>=20.19');
  });

  it.each(workspaces.filter((w) => w.startsWith('packages/')))('gives %s the build, typecheck, lint and test scripts, ESM and a src/index.ts', (workspace) => {
    const manifest = json(join(workspace, 'package.json')) as { name: string; type?: string; scripts?: Record<string, string> };
    expect(manifest.name).toBe(`@ehealth-cert/${workspace.slice('packages/'.length)}`);
    expect(manifest.type).toBe('module');
    expect(Object.keys(manifest.scripts ?? {})).toEqual(expect.arrayContaining(['build', 'typecheck', 'lint', 'test']));
    expect(() => readFileSync(join(root, workspace, 'src', 'index.ts'))).not.toThrow();
  });

  it('runs typecheck, lint, every vitest project and the features from the root test script', () => {
    const scripts = (rootManifest as unknown as { scripts: Record<string, string> }).scripts;
    expect(scripts.test).toMatch(/npm run typecheck && npm run lint && npm run test:unit && npm run test:features$/);
    expect(scripts['test:unit']).toBe('vitest run');
    expect(Object.keys(scripts)).toEqual(expect.arrayContaining(['build', 'typecheck', 'lint', 'test']));
  });
});
