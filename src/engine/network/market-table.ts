import type { Pool } from '../pool/pool.ts';
import type { SubnetMarket } from './state.ts';

/**
 * Every subnet's market numbers in one Float64Array, a row of FIELDS per subnet. The block loop reads
 * and writes ~30 of them for each of 128 subnets every block; as fields of 128 objects each double was
 * a separate heap box, and after an epoch has swept the cache each one a miss (~half the block step's
 * time). A row is 4–5 cache lines, the rows are adjacent, and the views below keep `m.alphaOut` and
 * `m.pool.tao` readable: their accessors compile to a typed-array load or store.
 */
const POOL_FIELDS = ['tao', 'alpha', 'quoteWeight'] as const;
/** SubnetMarket's numbers, the ones the block loop uses first; booleans are stored as 0 / 1. */
const NUMBER_FIELDS = [
  'alphaOut',
  'movingPrice',
  'minerBurned',
  'startBlock',
  'flowEma',
  'protocolFlowEma',
  'userFlow',
  'protocolFlow',
  'share',
  'taoIn',
  'alphaIn',
  'excessTao',
  'alphaEmission',
  'ownerCutBlock',
  'rootAlphaBlock',
  'mintedAlpha',
  'recycledAlpha',
  'protocolAlpha',
  'pendingRoot',
  'pendingRootTao',
  'rootStakersAlpha',
  'rootClaimable',
  'burn',
  'burnDecayQ32',
  'registeredAt',
  'dissolvedAt',
  'rootDividends',
  'outsideAlpha',
  'ownerAlpha',
  'burnedAlpha',
  'parentAlpha',
  'initialIssuance',
  'dividendYield',
  'registrationsPaid',
  'registrationTao',
  'volume',
] as const;
const BOOLEAN_FIELDS = ['active', 'emissionEnabled'] as const;
const STRIDE = POOL_FIELDS.length + NUMBER_FIELDS.length + BOOLEAN_FIELDS.length;

type NumberField = (typeof NUMBER_FIELDS)[number];
type BooleanField = (typeof BOOLEAN_FIELDS)[number];
/** What a market holds besides its pool: checked against SubnetMarket below. */
type MarketNumbers = Record<NumberField, number> & Record<BooleanField, boolean>;
const _fieldsCoverTheMarket: MarketNumbers = null as unknown as Omit<SubnetMarket, 'pool'>;
const _marketCoversTheFields: Omit<SubnetMarket, 'pool'> = null as unknown as MarketNumbers;

/** A Pool whose reserves and weight live in the table. */
class PoolRow {
  constructor(
    readonly data: Float64Array,
    readonly at: number,
  ) {}
}
POOL_FIELDS.forEach((name, i) => {
  Object.defineProperty(PoolRow.prototype, name, {
    get(this: PoolRow) {
      return this.data[this.at + i];
    },
    set(this: PoolRow, v: number) {
      this.data[this.at + i] = v;
    },
  });
});

class MarketRow {
  readonly pool: Pool;
  constructor(
    readonly data: Float64Array,
    readonly at: number,
  ) {
    this.pool = new PoolRow(data, at) as unknown as Pool;
  }
}
NUMBER_FIELDS.forEach((name, k) => {
  const i = POOL_FIELDS.length + k;
  Object.defineProperty(MarketRow.prototype, name, {
    get(this: MarketRow) {
      return this.data[this.at + i];
    },
    set(this: MarketRow, v: number) {
      this.data[this.at + i] = v;
    },
  });
});
BOOLEAN_FIELDS.forEach((name, k) => {
  const i = POOL_FIELDS.length + NUMBER_FIELDS.length + k;
  Object.defineProperty(MarketRow.prototype, name, {
    get(this: MarketRow) {
      return this.data[this.at + i] !== 0;
    },
    set(this: MarketRow, v: boolean) {
      this.data[this.at + i] = v ? 1 : 0;
    },
  });
});

/** `count` markets backed by one table, every number 0 and every flag false. */
export function createMarkets(count: number): SubnetMarket[] {
  const data = new Float64Array(count * STRIDE);
  return Array.from({ length: count }, (_, k) => new MarketRow(data, k * STRIDE) as unknown as SubnetMarket);
}
