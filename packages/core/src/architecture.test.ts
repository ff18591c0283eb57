import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// The dependency rule of ARCHITECTURE.md ("Packages"), checked on the sources and manifests of
// every package: core depends on nothing of ours and does no I/O; nothing imports a front end.
const root = join(import.meta.dirname, '..', '..', '..');
const packages = ['core', 'adapters-eid', 'adapters-ehealth', 'simulator', 'composition', 'cli', 'http-api', 'web-wizard'] as const;
const frontEnds = ['cli', 'http-api', 'web-wizard'];

function sourceFiles(dir: string, withTests: boolean): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path, withTests);
    return /\.tsx?$/.test(path) && (withTests || !/\.test\.tsx?$/.test(path)) ? [path] : [];
  });
}

interface ImportLine {
  file: string;
  specifier: string;
  /** `import type` / `export type`, or named imports that are all `type X`: erased by tsc. */
  typeOnly: boolean;
}

/** Comments removed (strings kept), so that a commented-out import or a word in a comment does not count. */
function withoutComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\/|(^|[^:'"`\\])\/\/.*$/gm, (_match, before: string | undefined) => before ?? '');
}

const IMPORT_PATTERNS = [
  // import x from 'm'; import { a, type B } from 'm'; export * from 'm'; export type { T } from 'm'
  /^\s*(?:import|export)\s+(type\s+)?([^'"]*?)\s*from\s+['"]([^'"]+)['"]/gm,
  // import 'm' (side effects only)
  /^\s*import\s+()()['"]([^'"]+)['"]/gm,
  // import('m'), require('m')
  /\b(?:import|require)\s*\(()()\s*['"]([^'"]+)['"]\s*\)/gm,
];

/** The module specifiers `text` imports or re-exports, each with whether only types come from it. */
function specifiersIn(text: string): { specifier: string; typeOnly: boolean }[] {
  const code = withoutComments(text);
  return IMPORT_PATTERNS.flatMap((pattern) =>
    [...code.matchAll(pattern)].map((m) => {
      const names = /^\{([^}]*)\}$/.exec((m[2] ?? '').trim())?.[1]?.split(',').map((n) => n.trim()).filter(Boolean);
      const allNamesTypes = names !== undefined && names.length > 0 && names.every((n) => n.startsWith('type '));
      return { specifier: m[3] as string, typeOnly: Boolean(m[1]) || allNamesTypes };
    }),
  );
}

function imports(pkg: string, withTests = false): ImportLine[] {
  const dir = join(root, 'packages', pkg, 'src');
  return sourceFiles(dir, withTests).flatMap((file) =>
    specifiersIn(readFileSync(file, 'utf8')).map((found) => ({ file: relative(root, file), ...found })),
  );
}

/** Uses of what the Node/browser runtime offers for I/O, time and chance; core gets these through ports. */
const IMPURE_GLOBALS: readonly [string, RegExp][] = [
  ['process', /\bprocess\s*[.[]/],
  ['Buffer', /\bBuffer\s*[.(]/],
  ['fetch', /\bfetch\s*\(/],
  ['globalThis', /\bglobalThis\b/],
  ['import.meta', /\bimport\.meta\b/],
  ['__dirname/__filename', /\b__(?:dirname|filename)\b/],
  ['timers', /\b(?:setTimeout|setInterval|setImmediate)\s*\(/],
  ['the current time (use the Clock port)', /\bDate\.now\s*\(|\bnew Date\(\s*\)/],
  ['randomness (use the KeyFactory port)', /\bMath\.random\s*\(|\bcrypto\s*\./],
];

function impureUses(pkg: string): string[] {
  const dir = join(root, 'packages', pkg, 'src');
  return sourceFiles(dir, false).flatMap((file) => {
    const lines = withoutComments(readFileSync(file, 'utf8')).split('\n');
    return lines.flatMap((line, i) =>
      IMPURE_GLOBALS.filter(([, pattern]) => pattern.test(line)).map(([what]) => `${relative(root, file)}:${i + 1}: ${what}`),
    );
  });
}

function manifestDependencies(pkg: string): string[] {
  const manifest = JSON.parse(readFileSync(join(root, 'packages', pkg, 'package.json'), 'utf8')) as Record<string, Record<string, string> | undefined>;
  return ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies'].flatMap((field) => Object.keys(manifest[field] ?? {}));
}

const show = (lines: ImportLine[]) => lines.map((l) => `${l.file}: ${l.specifier}${l.typeOnly ? ' (type only)' : ''}`);
const isFrontEnd = (specifier: string) => frontEnds.some((f) => specifier === `@ehealth-cert/${f}` || specifier.startsWith(`@ehealth-cert/${f}/`));

describe('the dependency rule', () => {
  it('keeps core free of other workspace packages, npm packages and node modules (node types excepted)', () => {
    const bad = imports('core').filter((l) => !l.specifier.startsWith('.') && !(l.typeOnly && l.specifier.startsWith('node:')));
    expect(show(bad)).toEqual([]);
  });

  it('keeps core free of I/O, clock and randomness globals', () => {
    expect(impureUses('core')).toEqual([]);
  });

  it('keeps core\'s manifest free of dependencies', () => {
    expect(manifestDependencies('core')).toEqual([]);
  });

  it.each(['core', 'adapters-eid', 'adapters-ehealth', 'simulator', 'composition'])('keeps %s (and its tests) away from the front ends', (pkg) => {
    const bad = imports(pkg, true).filter((l) => isFrontEnd(l.specifier));
    expect(show(bad)).toEqual([]);
    expect(manifestDependencies(pkg).filter(isFrontEnd)).toEqual([]);
  });

  it.each(frontEnds)('keeps the front end %s away from the other front end', (pkg) => {
    const bad = imports(pkg, true).filter((l) => isFrontEnd(l.specifier) && !l.specifier.startsWith(`@ehealth-cert/${pkg}`));
    expect(show(bad)).toEqual([]);
  });

  it('keeps the adapters away from the simulator (tests excepted)', () => {
    const bad = ['adapters-eid', 'adapters-ehealth'].flatMap((pkg) => imports(pkg)).filter((l) => l.specifier.startsWith('@ehealth-cert/simulator'));
    expect(show(bad)).toEqual([]);
  });

  it('keeps the adapters and the simulator away from the composition (it builds them, not the reverse)', () => {
    const bad = ['adapters-eid', 'adapters-ehealth', 'simulator'].flatMap((pkg) => imports(pkg, true)).filter((l) => l.specifier.startsWith('@ehealth-cert/composition'));
    expect(show(bad)).toEqual([]);
  });

  it.each(frontEnds)('lets the front end %s build its adapters only through the composition (no adapter package, no container)', (pkg) => {
    const bad = imports(pkg).filter((l) => /^@ehealth-cert\/adapters-|^inversify$/.test(l.specifier));
    expect(show(bad)).toEqual([]);
    expect(manifestDependencies(pkg).filter((name) => /^@ehealth-cert\/adapters-|^inversify$/.test(name))).toEqual([]);
  });

  it.each(frontEnds)('lets the front end %s import no port of core but its person-facing ones (PIN entry, review, progress)', (pkg) => {
    const ports = ['EidCard', 'CertificateRegistry', 'EtkRegistry', 'KeyFactory', 'KeystoreVault', 'PendingRequests', 'Clock', 'UseCasePorts'];
    const dir = join(root, 'packages', pkg, 'src');
    const bad = sourceFiles(dir, false).flatMap((file) =>
      [...withoutComments(readFileSync(file, 'utf8')).matchAll(/import\s+(?:type\s+)?\{([^}]*)\}\s*from\s*['"]@ehealth-cert\/core['"]/g)].flatMap((m) =>
        (m[1] ?? '')
          .split(',')
          .map((name) => name.trim().replace(/^type\s+/, '').split(/\s+as\s+/)[0] ?? '')
          .filter((name) => ports.includes(name))
          .map((name) => `${relative(root, file)}: ${name}`),
      ),
    );
    expect(bad).toEqual([]);
  });

  it('lets the simulator use nothing of ours but core, and the eID adapter\'s PKCS#11 seam type it fakes (type only)', () => {
    const bad = imports('simulator', true).filter(
      (l) =>
        l.specifier.startsWith('@ehealth-cert/') &&
        l.specifier !== '@ehealth-cert/core' &&
        !l.specifier.startsWith('@ehealth-cert/core/') &&
        !(l.specifier === '@ehealth-cert/adapters-eid' && l.typeOnly),
    );
    expect(show(bad)).toEqual([]);
  });

  it('lets the web wizard use nothing of ours but core: it reaches the rest over the public HTTP routes', () => {
    const bad = imports('web-wizard', true).filter(
      (l) => l.specifier.startsWith('@ehealth-cert/') && l.specifier !== '@ehealth-cert/core',
    );
    expect(show(bad)).toEqual([]);
    expect(manifestDependencies('web-wizard').filter((d) => d.startsWith('@ehealth-cert/'))).toEqual(['@ehealth-cert/core']);
  });

  it('lets the HTTP API take only the web wizard\'s built files, never its code', () => {
    const sources = sourceFiles(join(root, 'packages', 'http-api', 'src'), true).map((file) => readFileSync(file, 'utf8'));
    const mentions = sources.flatMap((text) => [...withoutComments(text).matchAll(/['"](@ehealth-cert\/web-wizard[^'"]*)['"]/g)].map((m) => m[1]));
    expect([...new Set(mentions)]).toEqual(['@ehealth-cert/web-wizard/package.json']);
  });

  it('forbids deep imports into another package', () => {
    const all = packages.flatMap((pkg) => imports(pkg, true));
    const bad = all.filter((l) => /^@ehealth-cert\/[^/]+\/(src|dist)\//.test(l.specifier));
    expect(show(bad)).toEqual([]);
  });

  it('keeps the CLI\'s commands/ for commands only, loaded by runCli and imported by nothing else', () => {
    const commandsDir = join(root, 'packages', 'cli', 'src', 'commands');
    const notCommands = sourceFiles(commandsDir, false).filter((file) => !/[a-z]Command\.ts$/.test(file));
    expect(notCommands.map((file) => relative(root, file))).toEqual([]);
    const intoCommands = imports('cli').filter(
      (l) =>
        l.specifier.startsWith('.') &&
        !l.file.startsWith(join('packages', 'cli', 'src', 'commands')) &&
        l.file !== join('packages', 'cli', 'src', 'runCli.ts') &&
        resolve(root, dirname(l.file), l.specifier).startsWith(commandsDir),
    );
    expect(show(intoCommands)).toEqual([]);
  });

  it('sees every form an import can take, and no commented-out one', () => {
    // The checks above are only as good as this parser.
    const sample = [
      "import a from 'm1';",
      "import { b, type C } from 'm2';",
      "import type { D } from 'm3';",
      "import { type E, type F } from 'm4';",
      'import {',
      '  g,',
      "} from 'm5';",
      "export * from 'm6';",
      "export type { H } from 'm7';",
      "import 'm8';",
      "const i = await import('m9');",
      "const j = require('m10');",
      "// import k from 'not-an-import';",
      "/* import 'not-an-import-either'; */",
      "const url = 'http://example.org'; // import('nor-this')",
    ].join('\n');
    expect(specifiersIn(sample)).toEqual(
      expect.arrayContaining([
        { specifier: 'm1', typeOnly: false },
        { specifier: 'm2', typeOnly: false },
        { specifier: 'm3', typeOnly: true },
        { specifier: 'm4', typeOnly: true },
        { specifier: 'm5', typeOnly: false },
        { specifier: 'm6', typeOnly: false },
        { specifier: 'm7', typeOnly: true },
        { specifier: 'm8', typeOnly: false },
        { specifier: 'm9', typeOnly: false },
        { specifier: 'm10', typeOnly: false },
      ]),
    );
    expect(specifiersIn(sample)).toHaveLength(10);
  });
});
