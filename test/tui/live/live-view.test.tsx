import chalk from 'chalk';
import { render } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { LiveView } from '../../../src/tui/live/LiveView.tsx';
import { ColourContext } from '../../../src/tui/theme.tsx';
import { contributorsFixture, snapshotFixture } from './snapshot-fixture.ts';

/**
 * The live view as a function of a snapshot and the terminal size: which panels a frame holds, that it
 * fits 80×24 (one row short of the terminal: a frame as tall as the terminal makes ink clear the screen
 * at every redraw), and colours only when NO_COLOR is unset.
 */

const ESC = String.fromCharCode(27);
const ANSI = new RegExp(`${ESC}\\[[0-9;]*m`, 'g');
const COLOUR = new RegExp(`${ESC}\\[(3[0-7]|9[0-7]|4[0-7]|7)m`);
const plain = (frame: string | undefined) => (frame ?? '').replace(ANSI, '');
const lines = (frame: string | undefined) => plain(frame).split('\n');

afterEach(() => {
  chalkLevel(0);
});

// ink paints through chalk's default instance; tests force its level (stdout is no TTY here).
function chalkLevel(level: 0 | 1) {
  chalk.level = level;
}

describe('LiveView at 80×24', () => {
  it('shows the header, the subnets, the selected subnet’s neurons, the event log and the keys', () => {
    const { lastFrame } = render(
      <LiveView snapshot={snapshotFixture()} width={80} height={24} help={false} />,
    );
    const frame = plain(lastFrame());
    expect(frame).toContain('fixture  block 3,600/50,400 (7%)  day 0 12:00');
    expect(frame).toContain('▶ 1800 blk/s (6 h/s)');
    expect(frame).toContain('TAO/USD —  emission 0.5 τ/block  era 2026-06 · halving 1  subnets 2/3');
    expect(frame).toMatch(/netuid\s+price τ/);
    expect(frame).toContain('netuid 1 top miners');
    expect(frame).toContain('netuid 1 top validators');
    expect(frame).toContain('hotkey 7 pruned, hotkey 90 registered');
    expect(frame).toContain('space pause  +/- speed  tab subnet  s shock  q quit  ? help');
    expect(frame).not.toContain('contributor');
    // Subnet rows: the selected one marked, the inactive one says so.
    expect(frame).toMatch(/^› +1 +0\.020000 /m);
    expect(frame).toContain('not registered or dissolved');
  });

  it('fits: no line wider than 80, at most 23 lines', () => {
    const { lastFrame } = render(
      <LiveView snapshot={snapshotFixture({}, 40)} width={80} height={24} help={false} />,
    );
    const rows = lines(lastFrame());
    expect(rows.length).toBeLessThanOrEqual(23);
    for (const row of rows) expect([...row].length).toBeLessThanOrEqual(80);
  });

  it('keeps the selected subnet in view when the table scrolls', () => {
    const { lastFrame } = render(
      <LiveView snapshot={snapshotFixture({ selected: 30 }, 40)} width={80} height={24} help={false} />,
    );
    expect(plain(lastFrame())).toMatch(/^› +31 /m);
    expect(plain(lastFrame())).toContain('netuid 31 top miners');
  });

  it('grows with the terminal: more rows of neurons and events, wider sparklines', () => {
    const small = lines(
      render(<LiveView snapshot={snapshotFixture()} width={80} height={24} help={false} />).lastFrame(),
    );
    const big = lines(
      render(<LiveView snapshot={snapshotFixture()} width={120} height={40} help={false} />).lastFrame(),
    );
    expect(big.length).toBeGreaterThan(small.length);
    expect(Math.max(...big.map((l) => [...l].length))).toBeGreaterThan(100);
  });

  it('adds the contributors panel when the snapshot has grants', () => {
    const frame = plain(
      render(
        <LiveView
          snapshot={snapshotFixture({ contributors: contributorsFixture })}
          width={80}
          height={24}
          help={false}
        />,
      ).lastFrame(),
    );
    expect(frame).toMatch(/contributor\s+asset\s+vested\s+unvested\s+USD/);
    expect(frame).toMatch(/alice\s+alpha of netuid 1\s+1200\.0\s+3600\.0\s+48000/);
    expect(frame).toMatch(/bob\s+TAO .*—/);
  });

  it('shows TAO/USD with the shocks applied, and shock events', () => {
    const shocked = snapshotFixture({
      taoUsd: 280,
      shockFactor: 0.7,
      events: [{ id: 9, block: 3600, kind: 'shock', netuid: null, text: 'TAO/USD −30 % (applied live)' }],
    });
    const frame = plain(
      render(<LiveView snapshot={shocked} width={80} height={24} help={false} />).lastFrame(),
    );
    expect(frame).toContain('TAO/USD $280.00 (×0.70)');
    expect(frame).toContain('TAO/USD −30 % (applied live)');
  });

  it('shows the keys instead of the panels while help is on', () => {
    const frame = plain(
      render(<LiveView snapshot={snapshotFixture()} width={80} height={24} help />).lastFrame(),
    );
    expect(frame).toContain('pause or resume the simulation');
    expect(frame).toContain('shock TAO/USD −30 % now');
    expect(frame).not.toContain('top miners');
  });

  it('says where the results went once written', () => {
    const done = snapshotFixture({ status: 'written', message: 'results/fixture/abc-live' });
    const frame = plain(render(<LiveView snapshot={done} width={80} height={24} help={false} />).lastFrame());
    expect(frame).toContain('✓ results written');
    expect(frame).toContain('results → results/fixture/abc-live   q quit');
  });

  it('paints colours with colour on, and none (bold only) under NO_COLOR', () => {
    chalkLevel(1);
    const coloured = render(
      <LiveView snapshot={snapshotFixture()} width={80} height={24} help={false} />,
    ).lastFrame();
    const bare = render(
      <ColourContext.Provider value={false}>
        <LiveView snapshot={snapshotFixture()} width={80} height={24} help={false} />
      </ColourContext.Provider>,
    ).lastFrame();
    expect(coloured).toMatch(COLOUR);
    expect(bare).not.toMatch(COLOUR);
    expect(bare).toContain(`${ESC}[1m`);
    // The same text (trailing blanks aside: ink trims unstyled ones).
    const trimmed = (f: string | undefined) => lines(f).map((l) => l.trimEnd());
    expect(trimmed(bare)).toEqual(trimmed(coloured));
  });
});
