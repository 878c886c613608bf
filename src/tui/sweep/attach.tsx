import { type Instance, render } from 'ink';
import type { Executor } from '../../sweep/executor.ts';
import type { ProgressView } from '../../sweep/progress.ts';
import { ColourContext, colourFromEnv } from '../theme.tsx';
import { SweepDashboard } from './SweepDashboard.tsx';
import { createSweepMonitor } from './sweep-monitor.ts';

/** Redraws this often even without news, so the workers' run times advance. */
const REDRAW_MS = 250;

export interface SweepDashboardHandle {
  /** Wraps the sweep's executor so the dashboard sees each run start and end. */
  tap(executor: Executor): Executor;
  /** Takes the sweep's progress events in place of the progress bar. */
  view: ProgressView;
}

/**
 * The sweep dashboard on a terminal (`subnet-sim sweep` with --progress auto on a TTY), drawn with ink on
 * `stream` (stderr: stdout stays for --progress json). It starts drawing at the first progress event, so
 * lines printed before the sweep starts stay above it, and leaves its last frame on finish.
 */
export function createSweepDashboard(options: {
  workers: number;
  metric: string | null;
  stream?: NodeJS.WriteStream;
  colour?: boolean;
}): SweepDashboardHandle {
  const stream = options.stream ?? process.stderr;
  const colour = options.colour ?? colourFromEnv();
  const monitor = createSweepMonitor(options.workers, options.metric);
  let instance: Instance | null = null;
  let timer: NodeJS.Timeout | undefined;
  const frame = () => (
    <ColourContext.Provider value={colour}>
      <SweepDashboard state={monitor.state()} width={stream.columns || 80} />
    </ColourContext.Provider>
  );
  const draw = () => instance?.rerender(frame());
  return {
    tap: (executor) => monitor.tap(executor),
    view: {
      update(progress) {
        monitor.update(progress);
        if (instance !== null) return;
        instance = render(frame(), { stdout: stream, patchConsole: false, exitOnCtrlC: false, maxFps: 10 });
        timer = setInterval(draw, REDRAW_MS);
        timer.unref();
      },
      finish(progress) {
        if (progress !== undefined) monitor.update(progress);
        clearInterval(timer);
        draw();
        instance?.unmount();
        instance = null;
      },
    },
  };
}
