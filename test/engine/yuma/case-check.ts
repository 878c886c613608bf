/**
 * Comparison rules for the epoch-script cases (test/cases/yuma/README.md, "What a run must produce"):
 * with float64, fractions within 1e-4, u16 encodings within 16, rao emissions within 1e-4 × the step's
 * emission, new_validator_permit exactly. Also interprets the chain tests' `expect` entries.
 */
import type { EpochScript, EpochStepOutputs } from '../../../src/engine/yuma/epoch-script-types.ts';

export type OutputKey = keyof EpochStepOutputs;
type Kind = 'fraction' | 'u16' | 'rao' | 'exact';

const KIND: Record<OutputKey, Kind> = {
  stake: 'fraction',
  active_stake: 'fraction',
  consensus: 'fraction',
  validator_trust: 'fraction',
  incentive: 'fraction',
  dividends: 'fraction',
  incentive_u16: 'u16',
  dividends_u16: 'u16',
  bonds_u16: 'u16',
  emission: 'rao',
  server_emission: 'rao',
  validator_emission: 'rao',
  new_validator_permit: 'exact',
};

export const OUTPUT_KEYS = Object.keys(KIND) as OutputKey[];

/** The README's float64 tolerance for a key, given the step's emission. */
export function toleranceOf(key: OutputKey, emission: number): number {
  const kind = KIND[key];
  if (kind === 'fraction') return 1e-4;
  if (kind === 'u16') return 16;
  if (kind === 'rao') return 1e-4 * emission;
  return 0;
}

/** One compared number: where, what we produced, what was expected, and the allowed error. */
export interface Check {
  where: string;
  actual: number;
  expected: number;
  tol: number;
}

/** Dense bond value at (i, j) from the per-row {uid: u16} objects (absent = 0). */
export function bondAt(bonds: Record<string, number>[], i: number, j: number): number {
  return bonds[i]?.[String(j)] ?? 0;
}

/** Every number of a reference output against ours (bonds compared over the union of keys). */
export function referenceChecks(ours: EpochStepOutputs, ref: EpochStepOutputs, emission: number): Check[] {
  const checks: Check[] = [];
  for (const key of OUTPUT_KEYS) {
    if (key === 'new_validator_permit') continue;
    const tol = toleranceOf(key, emission);
    if (key === 'bonds_u16') {
      ref.bonds_u16.forEach((row, i) => {
        const cols = new Set([...Object.keys(row), ...Object.keys(ours.bonds_u16[i] ?? {})]);
        for (const j of cols) {
          const expected = row[j] ?? 0;
          checks.push({
            where: `bonds_u16[${i}][${j}]`,
            actual: bondAt(ours.bonds_u16, i, +j),
            expected,
            tol,
          });
        }
      });
      continue;
    }
    const refValues = ref[key] as number[];
    const ourValues = ours[key] as number[];
    refValues.forEach((expected, i) => {
      checks.push({ where: `${key}[${i}]`, actual: ourValues[i], expected, tol });
    });
  }
  return checks;
}

/** uids that set weights on someone else up to `step` (validators) and the uids they weight (servers). */
export function rolesUpTo(script: EpochScript, step: number): { validators: number[]; servers: number[] } {
  const validators = new Set<number>();
  const servers = new Set<number>();
  for (const s of script.steps.slice(0, step + 1)) {
    for (const sw of s.set_weights ?? []) {
      const others = sw.uids.filter((j) => j !== sw.uid);
      if (others.length === 0) continue;
      validators.add(sw.uid);
      for (const j of others) servers.add(j);
    }
  }
  const sorted = (x: Set<number>) => [...x].sort((a, b) => a - b);
  return { validators: sorted(validators), servers: sorted(servers) };
}

/**
 * Checks for one `expect` entry, or null when the key is not understood. Understood: any output key
 * (array by uid or {uid: value}), `<key>_tol_<x>` (tolerance x), `emission_normalized` (emission / E),
 * `stake_prefix` (decimal prefix of stake[0]), `bonds_u16_row<K>` ({uid: u16}), `bonds_u16_col<J>`
 * (validators 0.. on uid J), `bonds_u16_row<K>_servers` and `bonds_u16_servers_all` (one u16 for the
 * listed rows on every server).
 */
export function expectChecks(
  key: string,
  value: unknown,
  ours: EpochStepOutputs,
  script: EpochScript,
  step: number,
  emission: number,
): Check[] | null {
  const tolMatch = /^(.*)_tol_([0-9.eE+-]+)$/.exec(key);
  const base = tolMatch ? tolMatch[1] : key;
  if (base === 'stake_prefix' && typeof value === 'string') {
    const digits = value.split('.')[1]?.length ?? 0;
    const lo = Number(value);
    return [
      {
        where: 'stake[0] prefix',
        actual: ours.stake[0],
        expected: lo + 0.5 * 10 ** -digits,
        tol: 0.5 * 10 ** -digits,
      },
    ];
  }
  if (base === 'emission_normalized') {
    const normalized = ours.emission.map((e) => e / emission);
    return perUid(base, value, normalized, tolMatch ? Number(tolMatch[2]) : 1e-4);
  }
  const { validators, servers } = rolesUpTo(script, step);
  const bondsTol = toleranceOf('bonds_u16', emission);
  if (base === 'bonds_u16_servers_all' && typeof value === 'number') {
    return validators.flatMap((i) => servers.map((j) => bondCheck(ours, i, j, value, bondsTol)));
  }
  const rowServers = /^bonds_u16_row(\d+)_servers$/.exec(base);
  if (rowServers && typeof value === 'number') {
    return servers.map((j) => bondCheck(ours, +rowServers[1], j, value, bondsTol));
  }
  const row = /^bonds_u16_row(\d+)$/.exec(base);
  if (row && typeof value === 'object' && value !== null) {
    const i = +row[1];
    return Object.entries(value).map(([j, v]) => bondCheck(ours, i, +j, Number(v), bondsTol));
  }
  const col = /^bonds_u16_col(\d+)$/.exec(base);
  if (col && typeof value === 'object' && value !== null) {
    const j = +col[1];
    return Object.entries(value).map(([i, v]) => bondCheck(ours, +i, j, Number(v), bondsTol));
  }
  if ((OUTPUT_KEYS as string[]).includes(base) && base !== 'bonds_u16' && base !== 'new_validator_permit') {
    const k = base as OutputKey;
    const tol = tolMatch ? Number(tolMatch[2]) : toleranceOf(k, emission);
    return perUid(base, value, ours[k] as number[], tol);
  }
  if (base === 'new_validator_permit' && Array.isArray(value)) {
    return value.map((p, i) => ({
      where: `new_validator_permit[${i}]`,
      actual: ours.new_validator_permit[i] ? 1 : 0,
      expected: p ? 1 : 0,
      tol: 0,
    }));
  }
  return null;
}

function perUid(name: string, value: unknown, ours: number[], tol: number): Check[] | null {
  if (Array.isArray(value)) {
    return value.map((v, i) => ({ where: `${name}[${i}]`, actual: ours[i], expected: Number(v), tol }));
  }
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).map(([i, v]) => ({
      where: `${name}[${i}]`,
      actual: ours[+i],
      expected: Number(v),
      tol,
    }));
  }
  return null;
}

function bondCheck(ours: EpochStepOutputs, i: number, j: number, expected: number, tol: number): Check {
  return { where: `bonds_u16[${i}][${j}]`, actual: bondAt(ours.bonds_u16, i, j), expected, tol };
}
