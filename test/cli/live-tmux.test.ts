import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openTerminal, type Terminal, tmuxMissing, waitFor } from '../helpers/tmux.ts';
import { ROOT } from './fixtures/cli.ts';

/**
 * `subnet-sim live` in a real pseudo-terminal (tmux, 80×24): it starts, updates, pauses on space, applies
 * a shock on s, redraws on resize, and quits on q leaving the terminal as it was, with the results so far
 * written. Colours only without NO_COLOR. Skipped, and says so, where tmux is missing (CI installs it).
 */

const FIXTURE = join(ROOT, 'test/live/fixtures/live.yaml');
if (tmuxMissing !== null) console.warn(`skipped: \`live\` in a pseudo-terminal: ${tmuxMissing}`);
const tmp = mkdtempSync(join(tmpdir(), 'subnet-sim-live-tmux-'));
const ESC = String.fromCharCode(27);
const COLOUR = new RegExp(`${ESC}\\[(?:[0-9]+;)*(?:3[0-7]|9[0-7]|38;[0-9;]+)m`);
const terminals: Terminal[] = [];
afterAll(() => {
  for (const t of terminals) t.close();
  rmSync(tmp, { recursive: true, force: true });
});

function start(out: string, env: NodeJS.ProcessEnv = {}): Terminal {
  const base = { ...process.env };
  // ink draws only the last frame under CI; colour follows the terminal, not the test runner.
  for (const name of ['CI', 'CONTINUOUS_INTEGRATION', 'NO_COLOR', 'FORCE_COLOR']) delete base[name];
  const t = openTerminal([process.execPath, 'bin/subnet-sim.mjs', 'live', FIXTURE, '--out', out], {
    cwd: ROOT,
    env: { ...base, ...env },
    width: 80,
    height: 24,
  });
  terminals.push(t);
  return t;
}

/** Waits for `check`, showing the screen if it never holds. */
const wait = <T>(t: Terminal, what: string, check: () => T | undefined) =>
  waitFor(what, check, () => t.screen());

const blockOf = (screen: string) => {
  const m = /block ([\d,]+)\/14,400/.exec(screen);
  return m === null ? undefined : Number(m[1].replaceAll(',', ''));
};

describe.skipIf(tmuxMissing !== null)(
  `live in a pseudo-terminal${tmuxMissing ? ` — skipped: ${tmuxMissing}` : ''}`,
  () => {
    it('starts, updates, pauses, takes a shock, redraws on resize and quits with the results written', async () => {
      const out = join(tmp, 'keys');
      const t = start(out);
      const first = await wait(t, 'the first frame', () => blockOf(t.screen()));
      const screen = t.screen();
      expect(screen).toContain('live-test');
      expect(screen).toContain('top miners');
      expect(screen).toContain('space pause  +/- speed  tab subnet  s shock  q quit  ? help');
      for (const line of screen.split('\n')) expect([...line].length).toBeLessThanOrEqual(80);
      expect(t.screen(true)).toMatch(COLOUR);

      // Slower (720 blocks a second), then it moves on by itself.
      t.keys('-');
      await wait(t, 'the view to update', () => ((blockOf(t.screen()) ?? 0) > first ? true : undefined));

      t.keys('Space');
      const paused = await wait(t, 'the pause', () =>
        t.screen().includes('‖ paused') ? blockOf(t.screen()) : undefined,
      );
      await new Promise((r) => setTimeout(r, 700));
      expect(blockOf(t.screen())).toBe(paused);

      t.keys('s');
      await wait(t, 'the shock in the event log', () =>
        t.screen().includes('applied live: TAO/USD -30 %') ? true : undefined,
      );
      expect(t.screen()).toContain('TAO/USD $280.00 (×0.70)');

      t.keys('Tab');
      await wait(t, 'the second subnet selected', () =>
        t.screen().includes('netuid 2 top miners') ? true : undefined,
      );

      t.resize(110, 30);
      await wait(t, 'a wider frame', () =>
        Math.max(
          ...t
            .screen()
            .split('\n')
            .map((l) => [...l.trimEnd()].length),
        ) > 80
          ? true
          : undefined,
      );

      t.keys('q');
      const status = await wait(t, 'the exit', () => t.exitStatus() ?? undefined);
      expect(status).toBe(0);

      const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
      expect(summary.blocks).toBe(paused);
      expect(summary.live).toEqual({
        complete: false,
        stopped_at_block: paused,
        shocks: [{ block: paused, target: 'tao_usd', change: -0.3, over_blocks: 0, source: 'live' }],
      });
      expect(readFileSync(join(out, 'events.csv'), 'utf8')).toContain(
        `${paused},${Math.floor(paused / 7200)},tao_usd,,,-0.3,applied live: TAO/USD -30 %\n`,
      );
      const network = readFileSync(join(out, 'network.csv'), 'utf8').trimEnd().split('\n');
      expect(network.at(-1)!.startsWith(`${paused},`)).toBe(true);
    });

    it('under NO_COLOR: the same view without colours', async () => {
      const t = start(join(tmp, 'no-color'), { NO_COLOR: '1' });
      await wait(t, 'the first frame', () => blockOf(t.screen()));
      t.keys('Space');
      await wait(t, 'the pause', () => (t.screen().includes('‖ paused') ? true : undefined));
      expect(t.screen()).toContain('top miners');
      expect(t.screen(true)).not.toMatch(COLOUR);
      t.keys('q');
      expect(await wait(t, 'the exit', () => t.exitStatus() ?? undefined)).toBe(0);
      // Back on the normal screen (the view was on the alternate one), one line says where the results went.
      expect(t.history()).toMatch(/^live-test: stopped at block \d+ \(day [\d.]+\) → .*no-color$/m);
      expect(t.screen()).not.toContain('top miners');
    });
  },
);
