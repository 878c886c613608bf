import { join } from 'node:path';
import { BLOCKS_PER_DAY } from '../engine/units.ts';
import type { LiveOutcome, LiveSession } from '../live/session.ts';
import { EXIT_INTERNAL, EXIT_OK } from './exit-codes.ts';
import { prepareRun, type ScenarioRunOptions } from './prepare-run.ts';
import { TOOL_VERSION } from './tool-version.ts';

/**
 * `subnet-sim live <scenario>`: the simulation in a full-screen terminal view (src/tui/live, loaded only
 * here and only on a terminal), or plain progress lines when stdout is not a terminal. Either way the
 * results are written as `run` writes them (to results/<name>/<run-id>-live/ by default) plus events.csv:
 * all of them when the run ends, or those so far on q, Ctrl-C or SIGTERM.
 */
export async function liveCommand(file: string, options: ScenarioRunOptions): Promise<number> {
  const prepared = await prepareRun(file, options, (name, runId) => join('results', name, `${runId}-live`));
  if (typeof prepared === 'number') return prepared;
  const { scenario, config, resolvedText, runId, dir } = prepared;
  const terminal = process.stdout.isTTY === true && process.stdin.isTTY === true;
  const { createLiveSession } = await import('../live/session.ts');
  const { SPEEDS } = await import('../live/speed.ts');
  const session = createLiveSession({
    config,
    scenario: scenario.name,
    output: {
      dir,
      resolvedText,
      neurons: scenario.output.neurons,
      header: { scenario: scenario.name, run_id: runId, tool_version: TOOL_VERSION },
    },
    // Without a terminal nobody is watching: as fast as the machine can.
    ...(terminal ? {} : { speed: SPEEDS.length - 1 }),
  });
  const outcome = terminal ? await watch(session) : await plain(session);
  return report(scenario.name, outcome);
}

async function watch(session: LiveSession): Promise<LiveOutcome> {
  const { runLiveApp } = await import('../tui/live/run-live-app.tsx');
  const { colourFromEnv } = await import('../tui/theme.tsx');
  return runLiveApp(session, colourFromEnv());
}

async function plain(session: LiveSession): Promise<LiveOutcome> {
  const { printPlainProgress } = await import('../live/plain-progress.ts');
  const stop = printPlainProgress(session, process.stdout);
  // A closed pipe (`| head`) stops the lines, not the run: its results are still written.
  process.stdout.on('error', stop);
  const onSignal = () => void session.quit();
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    await session.start();
    return await session.written;
  } finally {
    stop();
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
  }
}

function report(name: string, outcome: LiveOutcome): number {
  if (outcome.status === 'failed') {
    process.stderr.write(
      `error: ${name}: ${outcome.error}; no result file was written under its final name\n`,
    );
    return EXIT_INTERNAL;
  }
  const days = (outcome.block / BLOCKS_PER_DAY).toFixed(2);
  const what = outcome.complete
    ? `${outcome.block} blocks`
    : `stopped at block ${outcome.block} (day ${days})`;
  if (process.stdout.writable) process.stdout.write(`${name}: ${what} → ${outcome.dir}\n`);
  return EXIT_OK;
}
