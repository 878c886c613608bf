import { ApiPromise } from '@polkadot/api';
import { BudgetedWsProvider } from './budgeted-provider.ts';
import { ChainError, refusedEndpoint } from './chain-error.ts';
import { backoffMs, type Clock, isRateLimited, RequestBudget, realClock } from './request-budget.ts';

/**
 * One WebSocket connection to a node, with ApiPromise on it (no type bundle: the runtime's metadata
 * describes storage and runtime APIs). It connects when asked, backs off when the node refuses for rate
 * (HTTP 429 at the upgrade), turns a refused endpoint into a one-line ChainError, and reconnects after a
 * drop; ApiPromise keeps its metadata across reconnects.
 */

export interface ConnectionOptions {
  /** Requests per second (≤ 0: no limit). */
  rps: number;
  /** First backoff, ms (doubles per attempt, at most 60 s). */
  backoffBaseMs?: number;
  /** Attempts to (re)open the socket before giving up. */
  maxAttempts?: number;
  /** How long one attempt to open the socket may take, ms. */
  connectTimeoutMs?: number;
  /** One line per event worth telling the user (rate limits, drops, reconnects). */
  log?: (line: string) => void;
  clock?: Clock;
}

/** Why a socket did not open, in words, from the error the WebSocket reported. */
function reasonOf(message: string): string {
  if (/ECONNREFUSED/.test(message)) return 'connection refused';
  if (/ENOTFOUND|EAI_AGAIN/.test(message)) return 'host not found';
  const http = /Unexpected server response: (\d+)/.exec(message);
  if (http) return `the server answered HTTP ${http[1]} instead of opening a WebSocket`;
  return message || 'the connection closed';
}

class SocketError extends Error {}

function openSocket(provider: BudgetedWsProvider, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    let lastError = '';
    const offs: (() => void)[] = [];
    const finish = (error?: Error) => {
      clearTimeout(timer);
      for (const off of offs) off();
      if (error) reject(error);
      else resolve();
    };
    const timer = setTimeout(() => {
      finish(new SocketError(`no answer in ${Math.round(timeoutMs / 1000)} s`));
      provider.disconnect().catch(() => undefined);
    }, timeoutMs);
    offs.push(provider.on('connected', () => finish()));
    offs.push(
      provider.on('error', (event: unknown) => {
        const e = event as { message?: string; error?: Error } | undefined;
        lastError = e?.message || e?.error?.message || String(event);
      }),
    );
    offs.push(provider.on('disconnected', () => finish(new SocketError(lastError))));
    provider
      .connect()
      .catch((error: unknown) => finish(error instanceof Error ? error : new Error(String(error))));
  });
}

/** Errors that a reconnect can cure: the socket dropped, or a request was sent while it was down. */
export function isConnectionLost(error: unknown): boolean {
  const message = error instanceof Error ? error.message : String(error);
  return /disconnected from|WebSocket is not connected|No response received|socket hang up|ECONNRESET|Abnormal Closure/i.test(
    message,
  );
}

export class ChainConnection {
  readonly endpoint: string;
  readonly provider: BudgetedWsProvider;
  readonly #options: Required<Omit<ConnectionOptions, 'log'>> & Pick<ConnectionOptions, 'log'>;
  #api: ApiPromise | null = null;

  private constructor(endpoint: string, options: ConnectionOptions) {
    this.endpoint = endpoint;
    this.#options = {
      backoffBaseMs: 1000,
      maxAttempts: 6,
      connectTimeoutMs: 30_000,
      clock: realClock,
      ...options,
    };
    const budget = new RequestBudget(options.rps, this.#options.clock);
    this.provider = new BudgetedWsProvider(endpoint, {
      budget,
      backoffBaseMs: this.#options.backoffBaseMs,
      onRateLimited: (wait, method) =>
        options.log?.(`${endpoint} is rate limiting (${method}); waiting ${(wait / 1000).toFixed(0)} s`),
    });
  }

  static async open(endpoint: string, options: ConnectionOptions): Promise<ChainConnection> {
    if (!/^wss?:\/\//.test(endpoint))
      throw new ChainError(`--endpoint ${endpoint}: not a WebSocket URL (ws://… or wss://…)`);
    const connection = new ChainConnection(endpoint, options);
    await connection.#connect(true);
    return connection;
  }

  get api(): ApiPromise {
    if (this.#api === null) throw new Error('not connected');
    return this.#api;
  }

  /** Reopens the socket if it dropped (ApiPromise re-subscribes by itself once it is back). */
  async ensureConnected(): Promise<void> {
    if (!this.provider.isConnected) await this.#connect(false);
  }

  async close(): Promise<void> {
    if (this.#api !== null) await this.#api.disconnect().catch(() => undefined);
    else await this.provider.disconnect().catch(() => undefined);
  }

  async #connect(first: boolean): Promise<void> {
    const { maxAttempts, backoffBaseMs, connectTimeoutMs, clock, log } = this.#options;
    for (let attempt = 0; ; attempt++) {
      try {
        await openSocket(this.provider, connectTimeoutMs);
        if (this.#api === null) {
          const api = new ApiPromise({ provider: this.provider, noInitWarn: true });
          this.#api = api;
          await api.isReadyOrError;
        }
        if (!first) log?.(`reconnected to ${this.endpoint}`);
        return;
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        const limited = isRateLimited(error);
        // A first connection that is refused for any reason but rate is the user's to fix, at once.
        const retry = limited || !first || isConnectionLost(error);
        if (this.#api !== null && first) {
          await this.#api.disconnect().catch(() => undefined);
          this.#api = null;
        }
        if (!retry) throw refusedEndpoint(this.endpoint, reasonOf(message));
        if (attempt + 1 >= maxAttempts) {
          throw first
            ? refusedEndpoint(this.endpoint, `${reasonOf(message)} (after ${maxAttempts} attempts)`)
            : new ChainError(
                `lost the connection to ${this.endpoint} and could not reconnect (${reasonOf(message)}); run the same command again to resume`,
              );
        }
        const wait = backoffMs(attempt, backoffBaseMs);
        log?.(
          `${limited ? `${this.endpoint} is rate limiting` : `connection to ${this.endpoint}: ${reasonOf(message)}`}; retrying in ${(wait / 1000).toFixed(0)} s`,
        );
        await clock.sleep(wait);
      }
    }
  }
}
