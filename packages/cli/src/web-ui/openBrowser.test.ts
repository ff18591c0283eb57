import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openBrowser } from './openBrowser.js';

describe('openBrowser', () => {
  let dir: string | undefined;
  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('runs the command in BROWSER with the URL as one argument, no shell', async () => {
    dir = await mkdtemp(join(tmpdir(), 'open-browser-'));
    const script = join(dir, 'browser.sh');
    await writeFile(script, `#!/bin/sh\nprintf '%s\\n' "$#" "$1" > '${join(dir, 'args')}'\n`);
    await chmod(script, 0o755);
    const url = 'http://127.0.0.1:1234/ui/#ticket=a;b&c d';
    expect(await openBrowser(url, { BROWSER: script }, 'linux')).toBe(true);
    expect((await readFile(join(dir, 'args'), 'utf8')).split('\n')).toEqual(['1', url, '']);
  });

  it('answers false when the browser command fails or does not exist', async () => {
    expect(await openBrowser('http://127.0.0.1/', { BROWSER: 'false' }, 'linux')).toBe(false);
    expect(await openBrowser('http://127.0.0.1/', { BROWSER: '/nonexistent/browser' }, 'linux')).toBe(false);
  });

  it('does not try on Linux without a display (a server reached over SSH): the caller prints the URL', async () => {
    expect(await openBrowser('http://127.0.0.1/', {}, 'linux')).toBe(false);
  });
});
