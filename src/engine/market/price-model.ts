/**
 * TAO/USD price models (compensation.md §1 "Markets", §3). TAO/USD is exogenous: the whole daily path is
 * generated before the run from the scenario's seed and handed to the engine as a typed array. Alpha
 * prices stay endogenous (each subnet's pool).
 *
 * Drifts and volatilities are annual, in the GBM convention dS/S = μ dt + σ dW, so E[S_t] = S_0·e^{μt};
 * one step is one day (dt = 1/365).
 */

/** A named regime of the Markov switching model. */
export interface Regime {
  name: string;
  /** Annual drift μ and volatility σ while in this regime. */
  drift: number;
  volatility: number;
}

export type PriceModel =
  | { model: 'constant'; initial: number }
  | { model: 'gbm'; initial: number; drift: number; volatility: number }
  | {
      model: 'merton';
      initial: number;
      drift: number;
      volatility: number;
      /** Jumps per year (Poisson rate λ) and the normal law of one log-jump, N(mean, sd²). */
      jumps: { rate: number; mean: number; sd: number };
    }
  | {
      model: 'regimes';
      initial: number;
      regimes: Regime[];
      /** regimes × regimes, row-major: per-day probability of moving from row i to column j (rows sum to 1). */
      transitions: Float64Array;
      /** Index of the regime on day 0. */
      start: number;
    }
  | {
      model: 'historical';
      /** Prices at (possibly fractional) days since the start, sorted by day; linear in between. */
      points: { day: number; price: number }[];
    };

/** A generated path: USD per TAO on days 0…D, and the regime index of each day (regime model only). */
export interface PricePath {
  usd: Float64Array;
  regime: Uint8Array | null;
  regimeNames: readonly string[];
}

/** One day as a fraction of the year the drifts and volatilities are quoted in. */
export const DAY_IN_YEARS = 1 / 365;
