import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { COMPARE_VERSIONS, type CompareVersion, runYumaCase } from '../engine/yuma/cases/run-case.ts';
import { createCsvSink } from '../output/csv-sink.ts';
import { loadYumaCaseFile } from '../scenario/yuma-case-schema.ts';
import { EXIT_BAD_INPUT, EXIT_OK, UsageError } from './exit-codes.ts';
import { printProblems } from './print-problems.ts';

export interface CompareOptions {
  versions?: string;
  out?: string;
  quiet?: boolean;
}

/** "yuma1,yuma3" → the versions, in the order given, without repeats; a bad name is a usage error. */
export function parseVersions(text: string): CompareVersion[] {
  const names = text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  const bad = names.filter((s) => !(COMPARE_VERSIONS as readonly string[]).includes(s));
  if (bad.length > 0 || names.length === 0)
    throw new UsageError(
      `--versions ${text}: ${bad.length > 0 ? `unknown version ${bad.map((b) => `"${b}"`).join(', ')}` : 'no version'} (allowed: ${COMPARE_VERSIONS.join(', ')})`,
    );
  return [...new Set(names)] as CompareVersion[];
}

/**
 * `subnet-sim compare <case.yaml>`: runs a named Yuma case under each version and writes one CSV,
 * a row per version, epoch and validator:
 * version,epoch,validator,stake,weight_<server>…,dividend,bond_<server>…,incentive_<server>…
 */
export async function compareCommand(file: string, options: CompareOptions): Promise<number> {
  const versions = parseVersions(options.versions ?? COMPARE_VERSIONS.join(','));
  const loaded = await loadYumaCaseFile(file);
  if (!loaded.ok) {
    printProblems(loaded.problems);
    return EXIT_BAD_INPUT;
  }
  const c = loaded.yumaCase;
  const out = options.out ?? join('results', 'compare', `${c.name}.csv`);
  const columns = [
    'version',
    'epoch',
    'validator',
    'stake',
    ...c.servers.map((s) => `weight_${s}`),
    'dividend',
    ...c.servers.map((s) => `bond_${s}`),
    ...c.servers.map((s) => `incentive_${s}`),
  ];
  await mkdir(dirname(out), { recursive: true });
  const sink = createCsvSink(out, columns);
  const totals: string[] = [];
  try {
    for (const version of versions) {
      const epochs = runYumaCase(c, version);
      const sum = new Array<number>(c.validators.length).fill(0);
      for (const r of epochs) {
        for (let i = 0; i < c.validators.length; i++) {
          sum[i] += r.dividends[i];
          await sink.write([
            version,
            r.epoch,
            c.validators[i],
            r.stake[i],
            ...r.weights[i],
            r.dividends[i],
            ...r.bonds[i],
            ...r.incentive,
          ]);
        }
      }
      totals.push(
        `  ${version.padEnd(12)} ${c.validators.map((v, i) => `${v} ${(sum[i] / c.epochs).toFixed(4)}`).join('  ')}`,
      );
    }
    await sink.commit();
  } catch (error) {
    await sink.abort();
    throw error;
  }
  if (!options.quiet) {
    process.stdout.write(
      `${c.name}: ${c.epochs} epochs × ${versions.length} version(s) → ${out}\nmean dividend share per epoch:\n${totals.join('\n')}\n`,
    );
  }
  return EXIT_OK;
}
