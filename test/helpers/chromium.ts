import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium } from 'playwright-core';

/**
 * Headless Chromium for the browser tests: Debian's package (apt-get install chromium) driven by
 * playwright-core, with a fresh profile and everything that would reach the network turned off.
 */
export const CHROMIUM = '/usr/bin/chromium';
export const chromiumMissing: string | null = existsSync(CHROMIUM)
  ? null
  : `${CHROMIUM} is not installed (apt-get install chromium)`;

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Runs `use` with a browser context on a fresh profile, closed and removed afterwards. */
export async function withBrowser<T>(
  use: (context: BrowserContext) => Promise<T>,
  viewport = { width: 1000, height: 800 },
): Promise<T> {
  const profile = mkdtempSync(join(tmpdir(), 'subnet-sim-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ARGS,
    viewport,
  });
  try {
    return await use(context);
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}
