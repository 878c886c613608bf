import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import type { LiveCommand, LiveOutcome, LiveSession } from '../../../src/live/session.ts';
import type { LiveSnapshot } from '../../../src/live/snapshot.ts';
import { LiveApp } from '../../../src/tui/live/LiveApp.tsx';
import { snapshotFixture } from './snapshot-fixture.ts';

/** LiveApp bound to a fake session: keys become commands, new snapshots become frames, q quits. */

function fakeSession() {
  const commands: LiveCommand[] = [];
  const listeners = new Set<() => void>();
  let snapshot: LiveSnapshot = snapshotFixture();
  let quits = 0;
  const outcome: LiveOutcome = { status: 'written', dir: 'out', block: 3600, complete: false };
  const session: LiveSession = {
    start: async () => {},
    snapshot: () => snapshot,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    onEvent: () => () => {},
    onDay: () => () => {},
    command: (c) => commands.push(c),
    quit: async () => {
      quits++;
      return outcome;
    },
    written: Promise.resolve(outcome),
  };
  const publish = (next: Partial<LiveSnapshot>) => {
    snapshot = { ...snapshot, ...next };
    for (const l of listeners) l();
  };
  return { session, commands, publish, quits: () => quits };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('LiveApp', () => {
  it('sends space, +, -, s, tab, arrows as commands', async () => {
    const fake = fakeSession();
    const { stdin } = render(<LiveApp session={fake.session} size={{ width: 80, height: 24 }} />);
    await tick();
    for (const key of [' ', '+', '-', 's', '\t', '\u001b[B', '\u001b[A', '\u001b[Z']) {
      stdin.write(key);
      await tick();
    }
    expect(fake.commands).toEqual([
      'toggle-pause',
      'faster',
      'slower',
      'shock',
      'next-subnet',
      'next-subnet',
      'previous-subnet',
      'previous-subnet',
    ]);
  });

  it('takes keys arriving in one chunk one by one', async () => {
    const fake = fakeSession();
    const { stdin } = render(<LiveApp session={fake.session} size={{ width: 80, height: 24 }} />);
    await tick();
    stdin.write(' +++');
    await tick();
    expect(fake.commands).toEqual(['toggle-pause', 'faster', 'faster', 'faster']);
  });

  it('redraws when the session publishes a new snapshot', async () => {
    const fake = fakeSession();
    const { lastFrame } = render(<LiveApp session={fake.session} size={{ width: 80, height: 24 }} />);
    expect(lastFrame()).toContain('block 3,600/50,400');
    fake.publish({ block: 7200, status: 'paused' });
    await tick();
    expect(lastFrame()).toContain('block 7,200/50,400');
    expect(lastFrame()).toContain('‖ paused');
  });

  it('toggles help with ?', async () => {
    const fake = fakeSession();
    const { stdin, lastFrame } = render(<LiveApp session={fake.session} size={{ width: 80, height: 24 }} />);
    await tick();
    stdin.write('?');
    await tick();
    expect(lastFrame()).toContain('pause or resume the simulation');
    stdin.write('?');
    await tick();
    expect(lastFrame()).toContain('top miners');
    expect(fake.commands).toEqual([]);
  });

  it('quits on q, and on Ctrl-C, through the session (which writes the results)', async () => {
    for (const key of ['q', '\u0003']) {
      const fake = fakeSession();
      const { stdin } = render(<LiveApp session={fake.session} size={{ width: 80, height: 24 }} />);
      await tick();
      stdin.write(key);
      await tick();
      expect([key, fake.quits()]).toEqual([key, 1]);
    }
  });
});
