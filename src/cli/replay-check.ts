import { mkdir } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import { readSnapshots } from '../chain/snapshot-file.ts';
import { type Arithmetic, checkPair, type PairCheck } from '../engine/replay/check-pair.ts';
import type { ComparedQuantity, Discrepancy, QuantityDiff } from '../engine/replay/compare.ts';
import { epochInputLacks } from '../engine/replay/epoch-input.ts';
import type { ChainSnapshot } from '../engine/replay/snapshot.ts';
import type { CsvCell } from '../output/csv-sink.ts';
import { createCsvSink } from '../output/csv-sink.ts';
import { EXIT_BAD_INPUT, EXIT_OK, UsageError } from './exit-codes.ts';

/**
 * `replay check <file>`: our epoch on each snapshot pair that spans one epoch, against the chain's
 * stored incentive, dividends and bonds (u16 units); check.csv holds a row per epoch and quantity plus
 * the overall rows, and a summary is printed.
 */

export interface CheckOptions {
  out?: string;
  arithmetic?: string;
  quiet?: boolean;
}

export const CHECK_COLUMNS = [
  'epoch_block',
  'input_block',
  'output_block',
  'input_age_blocks',
  'status',
  'quantity',
  'entries',
  'max_abs_diff_u16',
  'mean_abs_diff_u16',
  'worst',
  'note',
] as const;

/** results/replay/<file name>/ — where check.csv and counterfactual runs go by default. */
export function replayResultsDir(file: string): string {
  return join('results', 'replay', basename(file, extname(file)));
}

function formatWorst(worst: Discrepancy[]): string {
  return worst
    .map((d) => `${d.uid}${d.column === undefined ? '' : `>${d.column}`}:${d.ours}/${d.chain}`)
    .join(' ');
}

/** Running totals over every compared epoch, per quantity. */
class Overall {
  readonly max = new Map<ComparedQuantity, number>();
  readonly sum = new Map<ComparedQuantity, number>();
  readonly entries = new Map<ComparedQuantity, number>();
  /** Σ|Δ| per uid over the epochs' worst lists (incentive and dividends). */
  readonly byUid = new Map<number, number>();
  epochs = 0;

  add(diffs: QuantityDiff[]): void {
    this.epochs++;
    for (const d of diffs) {
      this.max.set(d.quantity, Math.max(this.max.get(d.quantity) ?? 0, d.maxAbs));
      this.sum.set(d.quantity, (this.sum.get(d.quantity) ?? 0) + d.meanAbs * d.entries);
      this.entries.set(d.quantity, (this.entries.get(d.quantity) ?? 0) + d.entries);
      if (d.quantity === 'bonds') continue;
      for (const w of d.worst)
        this.byUid.set(w.uid, (this.byUid.get(w.uid) ?? 0) + Math.abs(w.ours - w.chain));
    }
  }

  mean(q: ComparedQuantity): number {
    const e = this.entries.get(q) ?? 0;
    return e > 0 ? (this.sum.get(q) ?? 0) / e : 0;
  }

  worstUids(k = 5): [number, number][] {
    return [...this.byUid].sort((x, y) => y[1] - x[1] || x[0] - y[0]).slice(0, k);
  }
}

function rowsOf(check: PairCheck): CsvCell[][] {
  if (check.status === 'skipped')
    return [['', check.inputBlock, check.outputBlock, '', 'skipped', '', '', '', '', '', check.reason]];
  const note = [...check.notes, ...check.assumed.map((a) => `assumed ${a}`)].join('; ');
  return check.diffs.map((d) => [
    check.epochBlock,
    check.inputBlock,
    check.outputBlock,
    check.inputAge,
    'compared',
    d.quantity,
    d.entries,
    d.maxAbs,
    Number(d.meanAbs.toFixed(4)),
    formatWorst(d.worst),
    note,
  ]);
}

export async function replayCheckCommand(file: string, options: CheckOptions): Promise<number> {
  const arithmetic = (options.arithmetic ?? 'exact') as Arithmetic;
  if (arithmetic !== 'exact' && arithmetic !== 'float')
    throw new UsageError(`--arithmetic ${arithmetic}: exact or float`);
  const out = options.out ?? join(replayResultsDir(file), 'check.csv');
  await mkdir(dirname(out), { recursive: true });
  const sink = createCsvSink(out, CHECK_COLUMNS);
  const overall = new Overall();
  const skipped: string[] = [];
  const assumed = new Set<string>();
  let previous: ChainSnapshot | null = null;
  let lastLacks: string[] = [];
  let count = 0;
  let netuid = -1;
  try {
    for await (const snapshot of readSnapshots(file)) {
      count++;
      netuid = snapshot.netuid;
      if (previous !== null) {
        const check = checkPair(previous, snapshot, arithmetic);
        for (const row of rowsOf(check)) await sink.write(row);
        if (check.status === 'skipped')
          skipped.push(`${check.inputBlock}→${check.outputBlock}: ${check.reason}`);
        else {
          overall.add(check.diffs);
          for (const a of check.assumed) assumed.add(a);
        }
      }
      previous = snapshot;
      lastLacks = epochInputLacks(snapshot);
    }
    for (const q of ['incentive', 'dividends', 'bonds'] as const) {
      if (!overall.entries.has(q)) continue;
      await sink.write([
        '',
        '',
        '',
        '',
        'overall',
        q,
        overall.entries.get(q) ?? 0,
        overall.max.get(q) ?? 0,
        Number(overall.mean(q).toFixed(4)),
        '',
        `${overall.epochs} epochs`,
      ]);
    }
    await sink.commit();
  } catch (error) {
    await sink.abort();
    throw error;
  }
  const say = (line: string) => process.stdout.write(`${line}\n`);
  if (overall.epochs === 0) {
    process.stderr.write(
      `error: ${file}: no epoch to compare (${count} snapshot${count === 1 ? '' : 's'}). ` +
        (count < 2
          ? `check needs two snapshots around an epoch${count === 1 && lastLacks.length > 0 ? `, and this one lacks ${lastLacks.join(', ')}` : ''}: fetch a range with --every tempo --what all`
          : `every pair was skipped: ${skipped[0]}`) +
        '\n',
    );
    return EXIT_BAD_INPUT;
  }
  if (!options.quiet) {
    say(
      `netuid ${netuid}: ${overall.epochs} epoch${overall.epochs === 1 ? '' : 's'} compared (${arithmetic} arithmetic), ${skipped.length} pair${skipped.length === 1 ? '' : 's'} skipped`,
    );
    say('quantity     max |Δ| u16   mean |Δ| u16   entries');
    for (const q of ['incentive', 'dividends', 'bonds'] as const) {
      if (!overall.entries.has(q)) continue;
      say(
        `${q.padEnd(12)} ${String(overall.max.get(q)).padStart(11)}   ${overall.mean(q).toFixed(4).padStart(12)}   ${overall.entries.get(q)}`,
      );
    }
    const worst = overall.worstUids();
    if (worst.length > 0)
      say(
        `uids that differ most (Σ|Δ| incentive + dividends, u16): ${worst.map(([u, d]) => `${u} (${d})`).join(', ')}`,
      );
    else say('incentive and dividends equal the chain’s for every uid');
    for (const s of skipped.slice(0, 5)) say(`skipped ${s}`);
    if (skipped.length > 5) say(`… ${skipped.length - 5} more skipped pairs in ${out}`);
    for (const a of assumed) say(`assumed ${a}`);
    say(`→ ${out}`);
  }
  return EXIT_OK;
}
