/**
 * Pacing of requests to a node: at most `rps` requests a second (OTF's public lite nodes allow 1 per
 * second per IP, replay.md §4), and exponential backoff after the node says "too many requests".
 */

export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const realClock: Clock = {
  now: () => performance.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

export class RequestBudget {
  readonly rps: number;
  readonly #clock: Clock;
  #next = Number.NEGATIVE_INFINITY;

  /** `rps` ≤ 0: no limit. */
  constructor(rps: number, clock: Clock = realClock) {
    this.rps = rps;
    this.#clock = clock;
  }

  /** Waits for this request's slot: slots are 1/rps seconds apart, in call order. */
  async take(): Promise<void> {
    const now = this.#clock.now();
    const at = Math.max(now, this.#next);
    if (this.rps > 0) this.#next = at + 1000 / this.rps;
    if (at > now) await this.#clock.sleep(at - now);
  }

  /** Nothing may be sent for `ms` (after a rate-limit answer). */
  pause(ms: number): void {
    this.#next = Math.max(this.#next, this.#clock.now() + ms);
  }
}

/**
 * A node or proxy refusing for rate: HTTP 429 at the WebSocket upgrade ("Unexpected server response:
 * 429"), or a JSON-RPC error saying so (jsonrpsee's rate-limit middleware: "RPC rate limit", code
 * -32029 "Too many requests" behind some proxies).
 */
export function isRateLimited(error: unknown): boolean {
  const message = error instanceof Error ? error.message : String(error);
  return /\b429\b|too many requests|rate.?limit|-32029\b/i.test(message);
}

/** Delay before retry `attempt` (0-based): base·2^attempt, at most `max`. */
export function backoffMs(attempt: number, base = 1000, max = 60_000): number {
  return Math.min(max, base * 2 ** attempt);
}
