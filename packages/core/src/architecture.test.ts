import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

// The dependency rule of ARCHITECTURE.md, checked on the sources of every package.
const root = join(import.meta.dirname, '..', '..', '..');
const frontEnds = ['cli', 'http-api'];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith('.ts') && !path.endsWith('.test.ts') ? [path] : [];
  });
}

interface ImportLine {
  file: string;
  specifier: string;
  typeOnly: boolean;
}

function imports(pkg: string): ImportLine[] {
  const dir = join(root, 'packages', pkg, 'src');
  const pattern = /^\s*(import|export)\s+(type\s+)?[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/gm;
  return sourceFiles(dir).flatMap((file) => {
    const text = readFileSync(file, 'utf8');
    return [...text.matchAll(pattern)].map((m) => ({
      file: relative(root, file),
      specifier: (m[3] ?? m[4]) as string,
      typeOnly: Boolean(m[2]),
    }));
  });
}

const show = (lines: ImportLine[]) => lines.map((l) => `${l.file}: ${l.specifier}`);

describe('the dependency rule', () => {
  it('keeps core free of other workspace packages, npm packages and node I/O', () => {
    const bad = imports('core').filter((l) => !l.specifier.startsWith('.') && !l.typeOnly);
    expect(show(bad)).toEqual([]);
  });

  it.each(['adapters-eid', 'adapters-ehealth', 'simulator', 'core'])('keeps %s away from the front ends', (pkg) => {
    const bad = imports(pkg).filter((l) => frontEnds.some((f) => l.specifier.startsWith(`@ehealth-cert/${f}`)));
    expect(show(bad)).toEqual([]);
  });

  it('keeps the adapters away from the simulator', () => {
    const bad = ['adapters-eid', 'adapters-ehealth'].flatMap(imports).filter((l) => l.specifier.startsWith('@ehealth-cert/simulator'));
    expect(show(bad)).toEqual([]);
  });

  it('lets the simulator use nothing of ours but core', () => {
    const bad = imports('simulator').filter(
      (l) => l.specifier.startsWith('@ehealth-cert/') && !l.specifier.startsWith('@ehealth-cert/core'),
    );
    expect(show(bad)).toEqual([]);
  });

  it('forbids deep imports into another package', () => {
    const all = ['core', 'adapters-eid', 'adapters-ehealth', 'simulator', 'cli', 'http-api'].flatMap(imports);
    const bad = all.filter((l) => /^@ehealth-cert\/[^/]+\/(src|dist)\//.test(l.specifier));
    expect(show(bad)).toEqual([]);
  });
});
