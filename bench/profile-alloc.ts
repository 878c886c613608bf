/**
 * Where a run allocates: the quickstart scenario, stretched to `--days`, run in this process as a sweep's
 * worker runs it (`summarise`: runSimulation, epoch metrics, run summary; `--engine`: runSimulation
 * alone) under V8's sampling heap profiler, counting the objects that garbage collection has already
 * freed too (that is what costs: the live heap of a run is small). Prints the estimated bytes allocated
 * per run and per simulated day, by function (self) and by source file, and the collections that ran
 * (count and time, from PerformanceObserver 'gc' entries). Not a figure: a tool for docs/performance.md.
 *
 *   node --import tsx bench/profile-alloc.ts [--days 58] [--engine] [--interval 16384] [--top 20]
 *
 * The sampler picks one object per ~`--interval` bytes and scales each sample up, so the totals are
 * estimates (a few per cent).
 */
import { Session } from 'node:inspector/promises';
import { join } from 'node:path';
import { PerformanceObserver } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { runSimulation } from '../src/engine/run.ts';
import { BLOCKS_PER_DAY } from '../src/engine/units.ts';
import { compileScenario } from '../src/scenario/compile.ts';
import { loadScenarioFile } from '../src/scenario/load.ts';
import { summarise } from '../src/sweep/simulate.ts';
import { QUICKSTART } from './cli-process.ts';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}
interface SamplingNode {
  callFrame: CallFrame;
  selfSize: number;
  children: SamplingNode[];
}

const { values } = parseArgs({
  options: {
    days: { type: 'string', default: '58' },
    engine: { type: 'boolean', default: false },
    interval: { type: 'string', default: '16384' },
    top: { type: 'string', default: '20' },
  },
});
const days = Number(values.days);
const root = join(import.meta.dirname, '..');
const loaded = await loadScenarioFile(join(root, QUICKSTART));
if (!loaded.ok) throw new Error(`${QUICKSTART} does not load: ${JSON.stringify(loaded.problems)}`);
const config = compileScenario({ ...loaded.scenario, duration: Math.round(days * BLOCKS_PER_DAY) });

let sink: unknown;
const run = values.engine
  ? () => {
      const simulation = runSimulation(config);
      let step = simulation.next();
      while (!step.done) step = simulation.next();
      sink = step.value;
    }
  : () => {
      sink = summarise(config);
    };

run(); // JIT warm-up, outside the profile

const gcKinds = new Map<string, { count: number; ms: number }>();
const KIND_NAMES: Record<number, string> = { 1: 'minor', 2: 'major', 4: 'incremental', 8: 'weak callbacks' };
const observer = new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    const kind = KIND_NAMES[(entry as unknown as { detail: { kind: number } }).detail.kind] ?? 'other';
    const seen = gcKinds.get(kind) ?? { count: 0, ms: 0 };
    seen.count++;
    seen.ms += entry.duration;
    gcKinds.set(kind, seen);
  }
});

const session = new Session();
session.connect();
await session.post('HeapProfiler.enable');
await session.post('HeapProfiler.startSampling', {
  samplingInterval: Number(values.interval),
  includeObjectsCollectedByMajorGC: true,
  includeObjectsCollectedByMinorGC: true,
});
observer.observe({ entryTypes: ['gc'] });
const cpu = process.cpuUsage();
const started = performance.now();
run();
const wall = performance.now() - started;
const used = process.cpuUsage(cpu);
await new Promise((resolve) => setTimeout(resolve, 200)); // let the observer's last entries arrive
observer.disconnect();
const { profile } = (await session.post('HeapProfiler.stopSampling')) as { profile: { head: SamplingNode } };
session.disconnect();
if (sink === undefined) throw new Error('no run');

const label = (f: CallFrame) => {
  const file = f.url.replace(/^.*\/(src|bench|node_modules)\//, '$1/');
  const name = f.functionName === '' ? '(anonymous)' : f.functionName;
  return file === '' ? name : `${name} ${file}`;
};
const fileOf = (f: CallFrame) =>
  f.url === '' ? `(${f.functionName || 'native'})` : f.url.replace(/^.*\/(src|bench|node_modules)\//, '$1/');

const byFunction = new Map<string, number>();
const byFile = new Map<string, number>();
let total = 0;
// Built-ins (subarray, Map, sort…) and anonymous functions are named with their caller.
const visit = (node: SamplingNode, caller: string) => {
  const own = label(node.callFrame);
  const named = node.callFrame.url === '' || node.callFrame.functionName === '' ? `${own} ← ${caller}` : own;
  if (node.selfSize > 0) {
    total += node.selfSize;
    const f = named;
    byFunction.set(f, (byFunction.get(f) ?? 0) + node.selfSize);
    const file = fileOf(node.callFrame);
    byFile.set(file, (byFile.get(file) ?? 0) + node.selfSize);
  }
  for (const child of node.children) visit(child, named);
};
visit(profile.head, '(root)');

const MB = 1e6;
const rows = (m: Map<string, number>, limit: number) =>
  [...m.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, limit)
    .map(
      ([k, bytes]) =>
        `  ${(bytes / MB).toFixed(1).padStart(8)} MB ${(bytes / MB / days).toFixed(2).padStart(7)} MB/day ${((100 * bytes) / total).toFixed(1).padStart(5)} %  ${k}`,
    )
    .join('\n');
const gcMs = [...gcKinds.values()].reduce((s, g) => s + g.ms, 0);
const gcText = [...gcKinds.entries()].map(([k, g]) => `${g.count} ${k} (${g.ms.toFixed(0)} ms)`).join(', ');
process.stdout.write(
  `${QUICKSTART} over ${config.blocks} blocks (${days} days), ${values.engine ? 'runSimulation alone' : 'summarise (a sweep run)'}: ` +
    `${wall.toFixed(0)} ms wall, ${((used.user + used.system) / 1000).toFixed(0)} ms CPU (profiler on)\n` +
    `allocated ~${(total / MB).toFixed(1)} MB = ${(total / MB / days).toFixed(2)} MB per simulated day; ` +
    `GC: ${gcText || 'none'} = ${gcMs.toFixed(0)} ms\n\n` +
    `by function (self, top ${values.top}):\n${rows(byFunction, Number(values.top))}\n\n` +
    `by file (top ${values.top}):\n${rows(byFile, Number(values.top))}\n`,
);
