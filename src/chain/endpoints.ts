/**
 * Bittensor's public endpoints (replay.md §4, from opentensor/bittensor `bittensor/core/settings.py`)
 * and what they allow: OTF's lite nodes keep ~300 blocks of state and answer 1 request/s per IP.
 */
export const FINNEY_ENDPOINT = 'wss://entrypoint-finney.opentensor.ai:443';
export const ARCHIVE_ENDPOINT = 'wss://archive.chain.opentensor.ai:443';

/** Request budget when --rps is not given: 1/s for remote nodes (public limits), unlimited on this machine. */
export function defaultRequestsPerSecond(endpoint: string): number {
  return isLoopback(endpoint) ? 0 : 1;
}

export function isLoopback(endpoint: string): boolean {
  try {
    const host = new URL(endpoint).hostname;
    return host === 'localhost' || host === '::1' || host === '[::1]' || host.startsWith('127.');
  } catch {
    return false;
  }
}
