import { useStdout } from 'ink';
import { useLayoutEffect, useState } from 'react';

export interface TerminalSize {
  width: number;
  height: number;
}

const sizeOf = (stdout: NodeJS.WriteStream): TerminalSize => ({
  width: stdout.columns || 80,
  height: stdout.rows || 24,
});

/** The terminal's size, updated when it is resized (ink re-renders on the new state). */
export function useTerminalSize(): TerminalSize {
  const { stdout } = useStdout();
  const [size, setSize] = useState(() => sizeOf(stdout));
  useLayoutEffect(() => {
    const onResize = () => setSize(sizeOf(stdout));
    stdout.on('resize', onResize);
    return () => {
      stdout.off('resize', onResize);
    };
  }, [stdout]);
  return size;
}
