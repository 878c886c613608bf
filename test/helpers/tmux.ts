import { execFileSync, spawnSync } from 'node:child_process';

/**
 * A private tmux server (its own socket) running one command in a pseudo-terminal of a given size:
 * the test types keys and reads the screen as a user would. The pane stays after the command exits,
 * so its last screen and exit status can be read.
 */
export const tmuxMissing: string | null =
  spawnSync('tmux', ['-V']).status === 0 ? null : 'tmux is not installed (apt-get install tmux)';

export interface Terminal {
  /** The screen's text; with `escapes`, with its colours and attributes as SGR sequences. */
  screen(escapes?: boolean): string;
  /** The scrollback and the screen, as text. */
  history(): string;
  keys(...keys: string[]): void;
  resize(width: number, height: number): void;
  /** The command's exit status once it has exited, else null. */
  exitStatus(): number | null;
  close(): void;
}

export function openTerminal(
  command: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv; width: number; height: number },
): Terminal {
  const socket = `subnet-sim-test-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
  const tmux = (...args: string[]) =>
    execFileSync('tmux', ['-L', socket, ...args], { cwd: options.cwd, env: options.env, encoding: 'utf8' });
  const quoted = command.map((a) => `'${a.replaceAll("'", "'\\''")}'`).join(' ');
  // The status is printed after the command (tmux's pane_dead_status can be empty when a pane dies fast).
  tmux(
    'start-server',
    ';',
    'set-option',
    '-g',
    'remain-on-exit',
    'on',
    ';',
    'new-session',
    '-d',
    '-s',
    'test',
    '-x',
    String(options.width),
    '-y',
    String(options.height),
    `${quoted}; echo "[exited $?]"`,
  );
  return {
    screen: (escapes = false) => tmux('capture-pane', '-p', '-J', ...(escapes ? ['-e'] : []), '-t', 'test'),
    history: () => tmux('capture-pane', '-p', '-J', '-S', '-', '-t', 'test'),
    keys: (...keys) => void tmux('send-keys', '-t', 'test', ...keys),
    resize: (width, height) =>
      void tmux('resize-window', '-t', 'test', '-x', String(width), '-y', String(height)),
    exitStatus: () => {
      const m = /\[exited (\d+)\]/.exec(tmux('capture-pane', '-p', '-S', '-', '-t', 'test'));
      return m === null ? null : Number(m[1]);
    },
    close: () => {
      spawnSync('tmux', ['-L', socket, 'kill-server']);
    },
  };
}

/**
 * Polls `check` every 100 ms until it returns a value (not undefined), or fails after `ms` showing
 * `context()` (the screen).
 */
export async function waitFor<T>(
  what: string,
  check: () => T | undefined,
  context: () => string = () => '',
  ms = 30_000,
): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = check();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}; the screen:\n${context()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
