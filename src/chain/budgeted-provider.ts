import { WsProvider } from '@polkadot/api';
import { backoffMs, isRateLimited, type RequestBudget } from './request-budget.ts';

type SubscriptionHandler = Parameters<WsProvider['send']>[3];

/** Requests sent, by JSON-RPC method (retries included), and rate-limit answers met. */
export interface RequestCounts {
  total: number;
  byMethod: Map<string, number>;
  rateLimited: number;
}

export interface BudgetOptions {
  budget: RequestBudget;
  /** First backoff after a rate-limit answer, ms (doubles each time, at most 60 s). */
  backoffBaseMs?: number;
  /** Rate-limit answers tolerated for one request before giving up. */
  maxRateLimitRetries?: number;
  onRateLimited?: (waitMs: number, method: string) => void;
}

/**
 * The WebSocket provider every request of ApiPromise goes through: it waits for the request's slot in
 * the budget, counts it, and retries it after a backoff when the node answers "too many requests".
 * It never connects on its own (connection.ts decides when), and never serves a request from
 * WsProvider's answer cache: a retried request must reach the node again.
 */
export class BudgetedWsProvider extends WsProvider {
  readonly counts: RequestCounts = { total: 0, byMethod: new Map(), rateLimited: 0 };
  readonly #options: BudgetOptions;

  constructor(endpoint: string, options: BudgetOptions) {
    super(endpoint, false);
    this.#options = options;
  }

  override async send<T = unknown>(
    method: string,
    params: unknown[],
    _isCacheable?: boolean,
    subscription?: SubscriptionHandler,
  ): Promise<T> {
    const { budget, backoffBaseMs = 1000, maxRateLimitRetries = 8 } = this.#options;
    for (let attempt = 0; ; attempt++) {
      await budget.take();
      this.counts.total++;
      this.counts.byMethod.set(method, (this.counts.byMethod.get(method) ?? 0) + 1);
      try {
        return await super.send<T>(method, params, false, subscription);
      } catch (error) {
        if (!isRateLimited(error) || attempt >= maxRateLimitRetries) throw error;
        this.counts.rateLimited++;
        const wait = backoffMs(attempt, backoffBaseMs);
        budget.pause(wait);
        this.#options.onRateLimited?.(wait, method);
      }
    }
  }
}
