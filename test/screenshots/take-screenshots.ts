/**
 * Takes the README's screenshots (docs/images/*.png): `live` on the quickstart and the sweep dashboard,
 * each in an 80-column tmux terminal rendered to HTML and photographed by headless Chromium, the
 * reports of that run and that sweep, and the compensation charts of the README's report example
 * (grant-4y-cliff once and with 10 replicates, into one folder). Needs tmux and Chromium; takes about
 * four minutes on 2 cores.
 *   npx tsx test/screenshots/take-screenshots.ts
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { writeReport } from '../../src/report/write-report.ts';
import { withBrowser } from '../helpers/chromium.ts';
import { openTerminal, type Terminal, waitFor } from '../helpers/tmux.ts';
import { ansiToHtml } from './ansi-html.ts';

const ROOT = join(import.meta.dirname, '../..');
const IMAGES = join(ROOT, 'docs/images');
const tmp = mkdtempSync(join(tmpdir(), 'subnet-sim-screenshots-'));
const env = { ...process.env };
for (const name of ['CI', 'CONTINUOUS_INTEGRATION', 'NO_COLOR', 'FORCE_COLOR']) delete env[name];
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

function terminal(args: string[], width: number, height: number): Terminal {
  return openTerminal([process.execPath, 'bin/subnet-sim.mjs', ...args], { cwd: ROOT, env, width, height });
}

/** The terminal's screen, in colour, as a PNG of its <pre>. */
async function photographTerminal(t: Terminal, name: string): Promise<void> {
  const html = join(tmp, `${name}.html`);
  writeFileSync(html, ansiToHtml(t.screen(true).replace(/\n+$/, ''), name));
  await withBrowser(async (context) => {
    const page = await context.newPage();
    await page.goto(pathToFileURL(html).href);
    await page.locator('#screen').screenshot({ path: join(IMAGES, `${name}.png`) });
  });
}

/** The report page from its top, or from the chart section `from` (e.g. '#grant-value'). */
async function photographPage(path: string, name: string, height: number, from?: string): Promise<void> {
  await withBrowser(
    async (context) => {
      const page = await context.newPage();
      await page.goto(pathToFileURL(path).href);
      await page.waitForFunction(
        () => (globalThis as unknown as { __report?: unknown }).__report !== undefined,
      );
      const y = from === undefined ? 0 : ((await page.locator(from).boundingBox())?.y ?? 0) - 8;
      await page.screenshot({
        path: join(IMAGES, `${name}.png`),
        clip: { x: 0, y, width: 900, height },
        fullPage: true,
      });
    },
    { width: 900, height },
  );
}

// live: the quickstart, a day and a half in, after a shock.
const runDir = join(tmp, 'quickstart');
const live = terminal(['live', 'scenarios/quickstart.yaml', '--out', runDir], 80, 24);
await waitFor('the live view', () => (/block [\d,]+\//.test(live.screen()) ? true : undefined));
await pause(5000);
live.keys('s');
await pause(1500);
live.keys('Space');
await pause(500);
await photographTerminal(live, 'live');
live.keys('Space', '+', '+', '+');
await waitFor(
  'the end of the run',
  () => (live.screen().includes('results written') ? true : undefined),
  () => live.screen(),
  120_000,
);
live.keys('q');
await waitFor('the exit', () => live.exitStatus() ?? undefined);
live.close();

// The sweep dashboard, a few runs in.
const sweepDir = join(tmp, 'kappa-vs-cabal');
const sweep = terminal(['sweep', 'sweeps/kappa-vs-cabal.yaml', '--workers', '2', '--out', sweepDir], 80, 10);
await waitFor(
  'finished runs',
  () => (/\b([4-9]|1\d)\/24 runs/.test(sweep.screen()) ? true : undefined),
  () => sweep.screen(),
  120_000,
);
await photographTerminal(sweep, 'sweep-dashboard');
await waitFor(
  'the end of the sweep',
  () => sweep.exitStatus() ?? undefined,
  () => sweep.screen(),
  300_000,
);
sweep.close();

// The reports of both.
await photographPage((await writeReport(runDir)).path, 'report-run', 1250);
await photographPage((await writeReport(sweepDir)).path, 'report-sweep', 1000);

// The README's compensation report: one path and 10 Monte Carlo replicates of grant-4y-cliff in one folder.
const grantDir = join(tmp, 'grant-4y-cliff');
for (const extra of [[], ['--replicates', '10']])
  execFileSync(
    process.execPath,
    ['bin/subnet-sim.mjs', 'run', 'scenarios/grant-4y-cliff.yaml', ...extra, '--out', grantDir, '--quiet'],
    {
      cwd: ROOT,
      env,
    },
  );
await photographPage((await writeReport(grantDir)).path, 'report-grants', 1400, '#grant-value');
process.stdout.write(`screenshots → ${IMAGES}\n`);
