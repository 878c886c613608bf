/**
 * `npm run bench [-- options]`: measures the performance figures of docs/performance.md, prints them as
 * a table and writes bench/latest.json ({ "<figure>": { value, unit, target, better } }) atomically.
 */

import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { writeFileAtomic } from '../src/output/atomic-file.ts';
import { type BenchSuite, type Figure, type FigureValue, meetsTarget } from './figure.ts';
import { machine as describeMachine, formatMachine, loadAverage } from './machine.ts';
import { networkYear } from './network-year.ts';
import { quickstartBlocks } from './quickstart-blocks.ts';
import { quickstartPeakRss } from './quickstart-peak-rss.ts';
import { quickstartWallTime } from './quickstart-wall-time.ts';
import { replayFigures } from './replay-figures.ts';
import { sweepFigures } from './sweep.ts';
import { yumaEpoch } from './yuma-epoch.ts';
import { yumaEpochMicros } from './yuma-epoch-us.ts';

/** Every suite, in the order of the table and of latest.json. A new figure is one more entry here. */
const SUITES: readonly BenchSuite[] = [
  quickstartWallTime,
  quickstartPeakRss,
  quickstartBlocks,
  yumaEpoch,
  yumaEpochMicros,
  networkYear,
  sweepFigures,
  replayFigures,
];

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const LATEST = fileURLToPath(new URL('latest.json', import.meta.url));

const USAGE = `usage: npm run bench -- [options]

  --quick        few runs, short time budgets: checks the harness works (does not write
                 bench/latest.json unless --out is given)
  --only <text>  run only the figures whose name contains <text> (repeatable); their values are
                 merged into the existing JSON file
  --out <file>   write the JSON here instead of bench/latest.json
  --no-write     print the table only
  --check        exit 1 if a figure misses its target
  -h, --help     this text
`;

interface Args {
  quick: boolean;
  only: string[];
  out: string | undefined;
  write: boolean;
  check: boolean;
}

function parse(argv: string[]): Args | undefined {
  const { values } = parseArgs({
    args: argv,
    options: {
      quick: { type: 'boolean', default: false },
      only: { type: 'string', multiple: true, default: [] },
      out: { type: 'string' },
      'no-write': { type: 'boolean', default: false },
      check: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
    allowPositionals: false,
  });
  if (values.help) return undefined;
  return {
    quick: values.quick,
    only: values.only,
    out: values.out,
    write: !values['no-write'] && (!values.quick || values.out !== undefined),
    check: values.check,
  };
}

function formatValue(v: number): string {
  if (Number.isInteger(v)) return v.toLocaleString('en-US');
  return v.toLocaleString('en-US', { maximumFractionDigits: 3 });
}

function table(figures: readonly Figure[]): string {
  const rows = [
    ['figure', 'value', 'unit', 'target', 'better', 'status'],
    ...figures.map((f) => [
      f.name,
      formatValue(f.value),
      f.unit,
      f.target === null ? '-' : `${f.better === 'lower' ? '≤' : '≥'} ${formatValue(f.target)}`,
      f.better,
      f.target === null ? '-' : meetsTarget(f) ? 'ok' : 'MISSED',
    ]),
  ];
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  const numeric = new Set([1, 3]);
  const line = (r: string[]) =>
    r.map((cell, c) => (numeric.has(c) ? cell.padStart(widths[c]) : cell.padEnd(widths[c]))).join('  ');
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  return [line(rows[0]), rule, ...rows.slice(1).map(line)].join('\n');
}

async function readExisting(path: string): Promise<Record<string, FigureValue>> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as Record<string, FigureValue>;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw error;
  }
}

async function main(argv: string[]): Promise<number> {
  let args: Args | undefined;
  try {
    args = parse(argv);
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (args === undefined) {
    process.stdout.write(USAGE);
    return 0;
  }
  const { only } = args;
  const selected = (name: string) => only.length === 0 || only.some((o) => name.includes(o));
  const suites = SUITES.filter((s) => s.names.some(selected));
  if (suites.length === 0) {
    process.stderr.write(
      `no figure matches ${only.join(', ')}; figures: ${SUITES.flatMap((s) => s.names).join(', ')}\n`,
    );
    return 2;
  }

  const log = (line: string) => process.stderr.write(`${line}\n`);
  const machine = describeMachine();
  const machineText = formatMachine(machine);
  const loadBefore = loadAverage();
  log(`${machineText}; load average ${loadBefore.toFixed(2)}${args.quick ? '; --quick: smoke run' : ''}`);
  const figures: Figure[] = [];
  for (const suite of suites) {
    const produced = await suite.run({ quick: args.quick, root: ROOT, log });
    figures.push(...produced.filter((f) => selected(f.name)));
  }
  const loadAfter = loadAverage();

  process.stdout.write(`\n${table(figures)}\n\n`);
  for (const f of figures) process.stdout.write(`${f.name}: ${f.detail}\n`);
  process.stdout.write(`\n${machineText}; load average ${loadBefore.toFixed(2)} → ${loadAfter.toFixed(2)}\n`);
  if (Math.max(loadBefore, loadAfter) > machine.cores / 2) {
    process.stdout.write('warning: the machine was busy with other work; the figures are pessimistic\n');
  }

  if (args.write) {
    const path = args.out ?? LATEST;
    // A partial run (--only) updates its figures and keeps the others.
    const json: Record<string, FigureValue> = only.length > 0 ? await readExisting(path) : {};
    for (const { name, value, unit, target, better } of figures) json[name] = { value, unit, target, better };
    await writeFileAtomic(path, `${JSON.stringify(json, null, 2)}\n`);
    process.stdout.write(`wrote ${path}\n`);
  }
  const missed = figures.filter((f) => !meetsTarget(f));
  if (args.check && missed.length > 0) {
    process.stderr.write(`missed targets: ${missed.map((f) => f.name).join(', ')}\n`);
    return 1;
  }
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
