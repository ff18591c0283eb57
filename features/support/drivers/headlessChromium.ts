import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext } from 'playwright-core';

/** The system Chromium (Debian package `chromium`, installed by scripts/ensure-setup.mjs --tests). */
export const SYSTEM_CHROMIUM = '/usr/bin/chromium';

// Nothing leaves the machine: no Google services, no component or field-trial downloads, no QUIC.
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

let launched: Promise<{ context: BrowserContext; profile: string }> | undefined;

/**
 * One headless Chromium per worker process, with a fresh profile folder, shared by the scenarios
 * of that worker (each gets its own page on its own server origin, so storage is not shared).
 * playwright-core drives it; no browser is downloaded (browser downloads are not reachable here).
 */
export async function headlessChromium(): Promise<BrowserContext> {
  launched ??= (async () => {
    const { chromium } = await import('playwright-core');
    const profile = await mkdtemp(join(tmpdir(), 'ehealth-chromium-'));
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: SYSTEM_CHROMIUM,
      headless: true,
      args: ARGS,
      viewport: { width: 1024, height: 768 },
      locale: 'fr-BE',
    });
    return { context, profile };
  })();
  return (await launched).context;
}

/** Closes the worker's Chromium and removes its profile (AfterAll). */
export async function closeHeadlessChromium(): Promise<void> {
  if (launched === undefined) return;
  const { context, profile } = await launched;
  launched = undefined;
  await context.close();
  await rm(profile, { recursive: true, force: true });
}
