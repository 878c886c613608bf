import type { Rng } from '../rng.ts';
import { gbmPath } from './gbm.ts';
import { interpolatePoints } from './historical.ts';
import { mertonPath } from './jump-diffusion.ts';
import type { PriceModel, PricePath } from './price-model.ts';
import { regimePath } from './regimes.ts';

/** The TAO/USD path of days 0…days under `model`, drawn from `rng` (the run's `market/tao-usd` stream). */
export function generatePricePath(model: PriceModel, days: number, rng: Rng): PricePath {
  const usd = new Float64Array(days + 1);
  switch (model.model) {
    case 'constant':
      usd.fill(model.initial);
      return { usd, regime: null, regimeNames: [] };
    case 'gbm':
      usd[0] = model.initial;
      gbmPath(usd, model.drift, model.volatility, rng);
      return { usd, regime: null, regimeNames: [] };
    case 'merton':
      usd[0] = model.initial;
      mertonPath(usd, model.drift, model.volatility, model.jumps, rng);
      return { usd, regime: null, regimeNames: [] };
    case 'regimes': {
      usd[0] = model.initial;
      const regime = new Uint8Array(days + 1);
      regimePath(usd, regime, model.regimes, model.transitions, model.start, rng);
      return { usd, regime, regimeNames: model.regimes.map((r) => r.name) };
    }
    case 'historical':
      interpolatePoints(model.points, usd);
      return { usd, regime: null, regimeNames: [] };
  }
}
