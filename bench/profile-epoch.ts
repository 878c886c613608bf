/**
 * Where an epoch's time goes: runs one arithmetic's epoch on a bench input in a loop under V8's
 * sampling CPU profiler (node:inspector, in this process) and attributes every sample to the stage it
 * falls in — the function runEpoch / runEpochExact called (inlined frames included, as V8 reports
 * them) — and to the function it was executing (self time). Not a figure: a tool for
 * docs/performance.md's "where the time goes", reading epoch.ts's own call tree, so it never has to
 * copy the epoch's orchestration.
 *
 *   node --import tsx bench/profile-epoch.ts [--shape 64x256|128x1024] [--arithmetic float|exact]
 *        [--version yuma3|yuma1] [--liquid-alpha] [--seconds 5] [--interval-us 50] [--top 15]
 *
 * Samples outside the epoch (garbage collection, the loop, the profiler) are listed apart; "(GC)" is
 * V8's garbage collector, which the exact epoch's BigInt allocations keep busy.
 */
import { Session } from 'node:inspector/promises';
import { parseArgs } from 'node:util';
import { runEpoch } from '../src/engine/yuma/epoch.ts';
import { runEpochExact } from '../src/engine/yuma/exact/epoch.ts';
import type { EpochResult, YumaParams } from '../src/engine/yuma/types.ts';
import { createYumaWorkspace } from '../src/engine/yuma/workspace.ts';
import {
  benchParams,
  type EpochInputShape,
  makeEpochInput,
  SHAPE_64X256,
  SHAPE_128X1024,
} from './epoch-input.ts';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const SHAPES: Record<string, EpochInputShape> = { '64x256': SHAPE_64X256, '128x1024': SHAPE_128X1024 };
const EPOCH_FUNCTIONS = new Set(['runEpoch', 'runEpochExact']);

let sink: EpochResult | undefined;

const { values } = parseArgs({
  options: {
    shape: { type: 'string', default: '64x256' },
    arithmetic: { type: 'string', default: 'float' },
    version: { type: 'string', default: 'yuma3' },
    'liquid-alpha': { type: 'boolean', default: false },
    seconds: { type: 'string', default: '5' },
    'interval-us': { type: 'string', default: '50' },
    top: { type: 'string', default: '15' },
  },
});
const shape = SHAPES[values.shape];
if (shape === undefined) throw new Error(`--shape: one of ${Object.keys(SHAPES).join(', ')}`);
if (values.arithmetic !== 'float' && values.arithmetic !== 'exact')
  throw new Error('--arithmetic float|exact');
const exact = values.arithmetic === 'exact';
const base = benchParams(values.version as YumaParams['version'], shape);
const params: YumaParams = {
  ...base,
  liquidAlpha: { ...base.liquidAlpha, enabled: values['liquid-alpha'] },
};
const input = makeEpochInput(params, shape);
const workspace = createYumaWorkspace();
const epoch = exact ? () => runEpochExact(input, params) : () => runEpoch(input, params, workspace);

// Warm-up outside the profile (JIT), then a timed loop inside it.
const warmUntil = performance.now() + 1000;
while (performance.now() < warmUntil) sink = epoch();

const session = new Session();
session.connect();
await session.post('Profiler.enable');
await session.post('Profiler.setSamplingInterval', { interval: Number(values['interval-us']) });
await session.post('Profiler.start');
let calls = 0;
const started = performance.now();
const until = started + Number(values.seconds) * 1000;
while (performance.now() < until) {
  sink = epoch();
  calls++;
}
const wall = performance.now() - started;
const { profile } = (await session.post('Profiler.stop')) as { profile: Profile };
session.disconnect();
if (sink === undefined) throw new Error('no epoch ran');

const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const parent = new Map<number, number>();
for (const node of profile.nodes) for (const c of node.children ?? []) parent.set(c, node.id);

// Line numbers are left out: under tsx they are those of the transformed module, not the source.
const label = (f: CallFrame) => {
  const file = f.url.replace(/^.*\/src\//, 'src/').replace(/^.*\/bench\//, 'bench/');
  const name = f.functionName === '' ? '(anonymous)' : f.functionName;
  return file === '' ? name : `${name} ${file}`;
};

const stageUs = new Map<string, number>();
const subUs = new Map<string, number>();
const selfUs = new Map<string, number>();
let inEpoch = 0;
let total = 0;
for (let s = 0; s < profile.samples.length; s++) {
  const dt = profile.timeDeltas[s] ?? 0;
  total += dt;
  const leaf = byId.get(profile.samples[s]);
  if (leaf === undefined) continue;
  // Walk up to the child of runEpoch(Exact): that is the stage.
  // Walk up to the child of runEpoch(Exact): that is the stage; the node below it is its sub-step.
  let stage: string | undefined;
  let sub: string | undefined;
  let child = leaf;
  let grandchild: ProfileNode | undefined;
  for (let id: number | undefined = leaf.id; id !== undefined; id = parent.get(id)) {
    const node = byId.get(id) as ProfileNode;
    if (EPOCH_FUNCTIONS.has(node.callFrame.functionName)) {
      stage = node === leaf ? `${node.callFrame.functionName} (self)` : label(child.callFrame);
      sub = grandchild === undefined ? `${stage} › (self)` : `${stage} › ${label(grandchild.callFrame)}`;
      break;
    }
    grandchild = node === leaf && child === leaf ? undefined : child;
    child = node;
  }
  if (sub !== undefined) subUs.set(sub, (subUs.get(sub) ?? 0) + dt);
  const self = leaf.callFrame.functionName === '(garbage collector)' ? '(GC)' : label(leaf.callFrame);
  if (stage === undefined) stage = `outside the epoch: ${self.startsWith('(') ? self : 'other'}`;
  else inEpoch += dt;
  stageUs.set(stage, (stageUs.get(stage) ?? 0) + dt);
  selfUs.set(self, (selfUs.get(self) ?? 0) + dt);
}

const perEpoch = (us: number) => us / calls;
const pct = (us: number) => `${((100 * us) / total).toFixed(1).padStart(5)} %`;
const rows = (m: Map<string, number>, limit: number) =>
  [...m.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, limit)
    .map(([k, us]) => `  ${perEpoch(us).toFixed(1).padStart(10)} µs/epoch  ${pct(us)}  ${k}`)
    .join('\n');

const what = `${values.arithmetic} ${params.version} ${values.shape}${params.liquidAlpha.enabled ? ' liquid alpha on' : ''}`;
process.stdout.write(
  `${what}: ${calls} epochs in ${(wall / 1000).toFixed(2)} s = ${((wall * 1000) / calls).toFixed(1)} µs/epoch wall; ` +
    `${profile.samples.length} samples, ${((100 * inEpoch) / total).toFixed(1)} % inside the epoch\n\n` +
    `by stage (inclusive; the function the epoch called):\n${rows(stageUs, 100)}\n\n` +
    `by stage › sub-step (inclusive, top ${values.top}):\n${rows(subUs, Number(values.top))}\n\n` +
    `by function (self time, top ${values.top}):\n${rows(selfUs, Number(values.top))}\n`,
);
