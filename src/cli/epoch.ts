import { runEpochScript } from '../engine/yuma/epoch-script.ts';
import type { EpochScript, EpochStepOutputs } from '../engine/yuma/epoch-script-types.ts';
import { loadEpochScriptFile } from '../scenario/epoch-script-schema.ts';
import { formatProblem } from '../scenario/problem.ts';
import { EXIT_BAD_INPUT, EXIT_OK, UsageError } from './exit-codes.ts';
import { printProblems } from './print-problems.ts';

/**
 * `subnet-sim epoch <case.json> [--arithmetic float|exact]`: runs an epoch script (the chain-test
 * format of test/cases/yuma/README.md) and prints, as JSON on stdout, one entry per step that runs an
 * epoch: `{ "steps": [ { "block": …, <the fixtures' reference keys> }, … ] }`.
 */

type Runner = (script: EpochScript) => (EpochStepOutputs | null)[];

/**
 * `--arithmetic`, name → runner: `float` (default), the float64 epoch; `exact`, the chain's
 * I32F32/I64F64 fixed point, whose integers equal the chain's bit for bit (slower).
 */
export const ARITHMETIC = {
  float: (script) => runEpochScript(script, { arithmetic: 'float' }),
  exact: (script) => runEpochScript(script, { arithmetic: 'exact' }),
} as const satisfies Record<string, Runner>;
export type Arithmetic = keyof typeof ARITHMETIC;
export const ARITHMETIC_NAMES = Object.keys(ARITHMETIC) as Arithmetic[];

/** One printed step: its block, then every key of the fixtures' `reference`, in their order. */
export type EpochStepJson = { block: number } & EpochStepOutputs;

/** The runner for an arithmetic name; an unknown one is a usage error (exit 2). */
export function runnerFor(arithmetic: string): Runner {
  if (!Object.hasOwn(ARITHMETIC, arithmetic))
    throw new UsageError(
      `--arithmetic ${arithmetic}: unknown arithmetic (allowed: ${ARITHMETIC_NAMES.join(', ')})`,
    );
  return ARITHMETIC[arithmetic as Arithmetic];
}

/** Runs a validated script: one entry per step with an epoch (a `"epoch": false` step prints nothing). */
export function epochSteps(script: EpochScript, arithmetic = 'float'): EpochStepJson[] {
  const outputs = runnerFor(arithmetic)(script);
  const steps: EpochStepJson[] = [];
  outputs.forEach((out, k) => {
    if (out !== null) steps.push({ block: script.steps[k].block, ...out });
  });
  return steps;
}

/**
 * The printed JSON: a step per block of lines, a key per line with its value on one line, so that a
 * diff or grep reads as well as a pretty-printed file. Numbers are JSON.stringify's (integers below
 * 10²¹, which every rao count is, print in full, never in exponent form).
 */
export function formatEpochJson(steps: readonly EpochStepJson[]): string {
  const blocks = steps.map((step) => {
    const lines = Object.entries(step).map(
      ([key, value]) => `      ${JSON.stringify(key)}: ${JSON.stringify(value)}`,
    );
    return `    {\n${lines.join(',\n')}\n    }`;
  });
  return steps.length === 0 ? '{ "steps": [] }\n' : `{\n  "steps": [\n${blocks.join(',\n')}\n  ]\n}\n`;
}

export async function epochCommand(file: string, options: { arithmetic?: string }): Promise<number> {
  // The arithmetic is checked before the file is read, so a bad option is reported first.
  const arithmetic = options.arithmetic ?? 'float';
  runnerFor(arithmetic);
  const loaded = await loadEpochScriptFile(file);
  if (!loaded.ok) {
    printProblems(loaded.problems);
    return EXIT_BAD_INPUT;
  }
  for (const w of loaded.warnings) process.stderr.write(`warning: ${formatProblem(w)}\n`);
  process.stdout.write(formatEpochJson(epochSteps(loaded.script, arithmetic)));
  return EXIT_OK;
}
