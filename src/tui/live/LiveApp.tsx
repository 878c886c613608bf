import { type Key, useApp, useInput } from 'ink';
import { useLayoutEffect, useRef, useState } from 'react';
import type { LiveCommand, LiveSession } from '../../live/session.ts';
import { LiveView } from './LiveView.tsx';
import { useTerminalSize } from './use-terminal-size.ts';

/** What a key press asks for: a session command, help, quitting, or nothing. */
export function keyAction(input: string, key: Key): LiveCommand | 'help' | 'quit' | null {
  if (input === 'q' || (key.ctrl && input === 'c')) return 'quit';
  if (input === ' ') return 'toggle-pause';
  if (input === '+' || input === '=') return 'faster';
  if (input === '-' || input === '_') return 'slower';
  if (input === 's') return 'shock';
  if (input === '?' || input === 'h') return 'help';
  if ((key.tab && key.shift) || key.upArrow || key.leftArrow) return 'previous-subnet';
  if (key.tab || key.downArrow || key.rightArrow) return 'next-subnet';
  return null;
}

/**
 * The live view bound to a session: keys become commands, the session's snapshots become frames.
 * `q` (or Ctrl-C) writes the results so far, then unmounts; `size` overrides the terminal's (tests).
 */
export function LiveApp(props: { session: LiveSession; size?: { width: number; height: number } }) {
  const { session } = props;
  const { exit } = useApp();
  const terminal = useTerminalSize();
  const size = props.size ?? terminal;
  const [help, setHelp] = useState(false);
  const quitting = useRef(false);
  // A new snapshot object each time the session says there is something new to draw.
  const [snapshot, setSnapshot] = useState(() => session.snapshot());
  // Subscribed at commit (a layout effect), so no redraw is missed while passive effects wait.
  useLayoutEffect(() => session.subscribe(() => setSnapshot(session.snapshot())), [session]);

  const act = (action: ReturnType<typeof keyAction>) => {
    if (action === null) return;
    if (action === 'quit') {
      if (quitting.current) return;
      quitting.current = true;
      void session.quit().then(() => exit());
    } else if (action === 'help') setHelp((shown) => !shown);
    else session.command(action);
  };

  useInput((input, key) => {
    // Keys typed fast (or pasted) can arrive as one chunk of plain characters: each is a key.
    if (input.length > 1 && !key.ctrl && !key.meta) {
      for (const char of input) act(keyAction(char, { ...key, shift: false }));
    } else act(keyAction(input, key));
  });

  return <LiveView snapshot={snapshot} width={size.width} height={size.height} help={help} />;
}
