import { render } from 'ink';
import type { LiveOutcome, LiveSession } from '../../live/session.ts';
import { ColourContext } from '../theme.tsx';
import { LiveApp } from './LiveApp.tsx';

const ENTER_ALTERNATE_SCREEN = '\x1b[?1049h\x1b[H';
const LEAVE_ALTERNATE_SCREEN = '\x1b[?1049l';

/**
 * Runs the live view full-screen (the terminal's alternate screen, restored on exit) until the user
 * quits; SIGTERM and SIGHUP quit the same way, writing the results so far.
 */
export async function runLiveApp(session: LiveSession, colour: boolean): Promise<LiveOutcome> {
  const stdout = process.stdout;
  await session.start();
  // Raw mode now, not when ink's input effect runs: keys pressed meanwhile wait unread instead of being
  // held (and echoed) by the terminal's line editing. ink turns it off on exit.
  process.stdin.setRawMode?.(true);
  stdout.write(ENTER_ALTERNATE_SCREEN);
  const instance = render(
    <ColourContext.Provider value={colour}>
      <LiveApp session={session} />
    </ColourContext.Provider>,
    { exitOnCtrlC: false, maxFps: 15 },
  );
  const onSignal = () => {
    void session.quit().then(() => instance.unmount());
  };
  process.once('SIGTERM', onSignal);
  process.once('SIGHUP', onSignal);
  try {
    await instance.waitUntilExit();
    return await session.written;
  } finally {
    process.removeListener('SIGTERM', onSignal);
    process.removeListener('SIGHUP', onSignal);
    instance.unmount();
    stdout.write(LEAVE_ALTERNATE_SCREEN);
  }
}
