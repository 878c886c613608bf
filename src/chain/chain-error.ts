import { ARCHIVE_ENDPOINT, FINNEY_ENDPOINT } from './endpoints.ts';

/**
 * A failure the user can act on, with a one-line message saying what to do; the CLI prints it as is
 * (exit 2). Anything else reaching the CLI is an internal error.
 */
export class ChainError extends Error {
  override name = 'ChainError';
}

export function refusedEndpoint(endpoint: string, reason: string): ChainError {
  return new ChainError(
    `cannot connect to ${endpoint}: ${reason}; check the URL and that the node is up (public: ${FINNEY_ENDPOINT}, archive: ${ARCHIVE_ENDPOINT})`,
  );
}

export function unknownNetuid(netuid: number, block: number): ChainError {
  return new ChainError(
    `netuid ${netuid} does not exist at block ${block} (not registered yet, or dissolved); pick a netuid that exists at that block, e.g. see https://taostats.io/subnets`,
  );
}

export function blockAheadOfChain(block: number, head: number | undefined): ChainError {
  return new ChainError(
    `block ${block} is not on the chain yet${head === undefined ? '' : ` (head is #${head})`}; use --to ${head ?? '<a lower block>'} or lower`,
  );
}

export function stateDiscarded(endpoint: string, block: number): ChainError {
  return new ChainError(
    `${endpoint} no longer has the state of block ${block} (a non-archive node keeps only recent blocks); use --endpoint ${ARCHIVE_ENDPOINT}`,
  );
}

/** A node's error for state it pruned ("State already discarded for 0x…", "Unknown block"). */
export function isDiscardedStateError(error: unknown): boolean {
  const message = error instanceof Error ? error.message : String(error);
  return /state already discarded|unknown block|state.*pruned|not.*archive/i.test(message);
}
