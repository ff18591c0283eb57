import { spawn } from 'node:child_process';

/** How long an opener may take to say it failed; xdg-open and friends return at once otherwise. */
const OPENER_GRACE_MS = 3000;

/**
 * Opens `url` in the person's default browser: the command in BROWSER (the convention of
 * xdg-utils and Python's webbrowser), else xdg-open (Linux, with a display), open (macOS) or start
 * (Windows). Answers false when none could be started or it failed: the caller then prints the URL.
 * The URL goes as one argument, never through a shell.
 */
export async function openBrowser(url: string, env: Readonly<Record<string, string | undefined>>, platform: NodeJS.Platform = process.platform): Promise<boolean> {
  const opener = openerFor(env, platform);
  if (opener === undefined) return false;
  return new Promise<boolean>((resolve) => {
    const child = spawn(opener.command, [...opener.args, url], { stdio: 'ignore', detached: true, env: { ...env } as NodeJS.ProcessEnv });
    const timer = setTimeout(() => {
      child.unref();
      resolve(true);
    }, OPENER_GRACE_MS);
    child.once('error', () => {
      clearTimeout(timer);
      resolve(false);
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve(code === 0);
    });
  });
}

function openerFor(env: Readonly<Record<string, string | undefined>>, platform: NodeJS.Platform): { command: string; args: string[] } | undefined {
  const browser = env['BROWSER']?.split(':')[0]?.trim();
  if (browser) return { command: browser, args: [] };
  if (platform === 'darwin') return { command: 'open', args: [] };
  if (platform === 'win32') return { command: 'cmd', args: ['/c', 'start', '""'] };
  // Without a display there is no browser to show (a server reached over SSH): print the URL.
  if (!env['DISPLAY'] && !env['WAYLAND_DISPLAY']) return undefined;
  return { command: 'xdg-open', args: [] };
}
