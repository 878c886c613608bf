import { rm, stat } from 'node:fs/promises';
import { ChainError } from '../chain/chain-error.ts';
import { ChainConnection, isConnectionLost } from '../chain/connection.ts';
import { defaultRequestsPerSecond } from '../chain/endpoints.ts';
import { fetchSnapshot, WHATS, type What } from '../chain/fetch-snapshot.ts';
import { quietPolkadotLogs } from '../chain/polkadot-log.ts';
import { isRateLimited } from '../chain/request-budget.ts';
import { lastSnapshot, openSnapshotAppender } from '../chain/snapshot-file.ts';
import {
  type Every,
  estimateSnapshots,
  type FetchRange,
  nextFetchBlock,
} from '../engine/replay/fetch-plan.ts';
import type { ChainSnapshot } from '../engine/replay/snapshot.ts';
import { EXIT_INTERRUPTED, EXIT_OK, UsageError } from './exit-codes.ts';
import { createProgressBar } from './progress.ts';

/**
 * `replay fetch`: snapshots of a subnet over a range of blocks into a JSON Lines file, one line per
 * block, resumable (it continues after the file's last complete line), paced to --rps, and reconnecting
 * after a drop. Every failure the user can fix is one line (ChainError, UsageError, exit 2).
 */

export interface FetchOptions {
  endpoint: string;
  netuid: string;
  from: string;
  to?: string;
  every?: string;
  what?: string;
  out: string;
  rps?: string;
  mechid?: string;
  quiet?: boolean;
}

/** Tries of one snapshot after dropped connections before giving up. */
const SNAPSHOT_TRIES = 8;

function wholeNumber(option: string, value: string | undefined, min = 0): number {
  const n = Number(value);
  if (value === undefined || value === '' || !Number.isInteger(n) || n < min)
    throw new UsageError(`${option} ${value ?? ''}: a whole number ≥ ${min}`);
  return n;
}

function parseEvery(value: string | undefined): Every {
  if (value === undefined || value === 'tempo') return { kind: 'tempo' };
  return { kind: 'blocks', step: wholeNumber('--every', value, 1) };
}

interface Plan {
  endpoint: string;
  netuid: number;
  mechid: number;
  what: What;
  range: FetchRange;
  /** --from head: the range is the latest finalized block, known once connected. */
  fromHead: boolean;
  rps: number;
}

function plan(options: FetchOptions): Plan {
  const fromHead = options.from === 'head';
  if (fromHead && options.to !== undefined)
    throw new UsageError('--from head fetches the latest finalized block: leave out --to');
  const from = fromHead ? 0 : wholeNumber('--from', options.from);
  const to = options.to === undefined ? from : wholeNumber('--to', options.to);
  if (to < from) throw new UsageError(`--to ${to}: before --from ${from}`);
  const what = (options.what ?? 'all') as What;
  if (!WHATS.includes(what)) throw new UsageError(`--what ${what}: one of ${WHATS.join(', ')}`);
  const every = parseEvery(options.every);
  if (every.kind === 'tempo' && what === 'weights')
    throw new UsageError(
      '--every tempo reads the tempo from the metagraph: use --what all, or --every <blocks>',
    );
  const rps = options.rps === undefined ? defaultRequestsPerSecond(options.endpoint) : Number(options.rps);
  if (!(rps >= 0))
    throw new UsageError(`--rps ${options.rps}: requests per second, a number ≥ 0 (0: no limit)`);
  return {
    endpoint: options.endpoint,
    netuid: wholeNumber('--netuid', options.netuid),
    mechid: options.mechid === undefined ? 0 : wholeNumber('--mechid', options.mechid),
    what,
    range: { from, to, every },
    fromHead,
    rps,
  };
}

/** The file's last snapshot, if it belongs to this fetch (same subnet and mechanism). */
async function resumePoint(out: string, p: Plan): Promise<ChainSnapshot | null> {
  const last = await lastSnapshot(out);
  if (last === null) return null;
  if (last.netuid !== p.netuid || last.mechid !== p.mechid)
    throw new UsageError(
      `--out ${out}: holds netuid ${last.netuid} (mechanism ${last.mechid}), not netuid ${p.netuid} (mechanism ${p.mechid}); choose another file`,
    );
  return last;
}

export async function replayFetchCommand(options: FetchOptions): Promise<number> {
  const p = plan(options);
  const say = (line: string) => {
    if (!options.quiet) process.stderr.write(`${line}\n`);
  };
  let previous = await resumePoint(options.out, p);
  let block = nextFetchBlock(p.range, previous);
  if (previous !== null) say(`${options.out}: resuming after block ${previous.block}`);
  if (block === null && !p.fromHead) {
    say(`${options.out}: complete up to block ${previous?.block} (nothing to fetch)`);
    return EXIT_OK;
  }
  const restoreLogs = quietPolkadotLogs();
  const interrupt = new AbortController();
  const onSigint = () => interrupt.abort();
  process.once('SIGINT', onSigint);
  const bar = options.quiet ? null : createProgressBar(`netuid ${p.netuid}`);
  let connection: ChainConnection | null = null;
  let fetched = 0;
  const existed =
    previous !== null ||
    (await stat(options.out).then(
      () => true,
      () => false,
    ));
  const appender = await openSnapshotAppender(options.out);
  try {
    connection = await ChainConnection.open(p.endpoint, { rps: p.rps, log: (line) => say(line) });
    if (p.fromHead) {
      const head = await connection.api.rpc.chain.getHeader(
        await connection.api.rpc.chain.getFinalizedHead(),
      );
      p.range.from = p.range.to = head.number.toNumber();
      block = nextFetchBlock(p.range, previous);
    }
    const startRequests = connection.provider.counts.total;
    while (block !== null) {
      if (interrupt.signal.aborted) {
        bar?.finish();
        say(`interrupted after block ${previous?.block ?? '—'}: run the same command to resume`);
        return EXIT_INTERRUPTED;
      }
      const snapshot = await fetchWithRetries(
        connection,
        { block, netuid: p.netuid, mechid: p.mechid, what: p.what },
        say,
      );
      await appender.append(snapshot);
      fetched++;
      previous = snapshot;
      block = nextFetchBlock(p.range, previous);
      bar?.update(
        fetched,
        Math.max(fetched + (block === null ? 0 : 1), estimateSnapshots(p.range, previous)),
      );
    }
    bar?.finish();
    const requests = connection.provider.counts.total - startRequests;
    say(
      `${fetched} snapshot${fetched === 1 ? '' : 's'} of netuid ${p.netuid} (last block ${previous?.block}) → ${options.out}; ${requests} requests (${(requests / Math.max(1, fetched)).toFixed(1)} a snapshot)`,
    );
    return EXIT_OK;
  } finally {
    bar?.finish();
    process.removeListener('SIGINT', onSigint);
    await appender.close();
    // A fetch that failed before its first snapshot leaves no empty file behind.
    if (fetched === 0 && !existed) await rm(options.out, { force: true });
    await connection?.close();
    restoreLogs();
  }
}

async function fetchWithRetries(
  connection: ChainConnection,
  request: Parameters<typeof fetchSnapshot>[1],
  say: (line: string) => void,
): Promise<ChainSnapshot> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fetchSnapshot(connection, request);
    } catch (error) {
      if (error instanceof ChainError) throw error;
      if (isRateLimited(error))
        throw new ChainError(
          `${connection.endpoint} keeps refusing for rate: lower --rps (now ${connection.provider.counts.rateLimited} refusals) and run the same command to resume`,
        );
      if (!isConnectionLost(error) || attempt >= SNAPSHOT_TRIES) throw error;
      say(`block ${request.block}: connection lost; reconnecting`);
      await connection.ensureConnected();
    }
  }
}
