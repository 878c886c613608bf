/**
 * Chain constants and defaults used by the emission and registration rules (emissions.md §3).
 * Amounts in rao; the chain name is in each comment. Governance or migrations may have changed the live
 * value: these are the values the spec records for HEAD 14bc6f9.
 */
import { RAO_PER_ALPHA, U16_MAX } from '../units.ts';

/** u64::MAX, the denominator of TaoWeight, CKBurn and child proportions. */
export const U64_MAX_BIG = 18_446_744_073_709_551_615n;

/** SubnetOwnerCut: 11 796 / 65 535 ≈ 17.9995 % of alpha_out (runtime). */
export const SUBNET_OWNER_CUT_U16 = 11_796;
export const SUBNET_OWNER_CUT = SUBNET_OWNER_CUT_U16 / U16_MAX;

/** TaoWeight raw value set by migrate_rao; w = raw / u64::MAX ≈ 0.18 (§2.2, root proportion). */
export const TAO_WEIGHT_RAW = 3_320_413_933_267_719_290n;
export const TAO_WEIGHT = Number(TAO_WEIGHT_RAW) / Number(U64_MAX_BIG);

/** Hard-coded miner share of (alpha_out − owner cut) in run_coinbase.rs emit_to_subnets. */
export const SERVER_SHARE = 0.5;

/** SubnetMovingAlpha (governance-settable) and EMAPriceHalvingBlocks (4 weeks), §2.3. */
export const SUBNET_MOVING_ALPHA = 0.000_003;
export const EMA_PRICE_HALVING_BLOCKS = 201_600;

/**
 * FlowEmaSmoothingFactor raw value; the chain divides it by i64::MAX (subnet_emissions.rs get_ema_flow),
 * giving a ≈ 3.209e-6 per block, a half-life of about 216 000 blocks (§2.4).
 */
export const FLOW_EMA_SMOOTHING_FACTOR_RAW = 29_597_889_189_277;
export const FLOW_EMA_ALPHA = FLOW_EMA_SMOOTHING_FACTOR_RAW / Number(2n ** 63n - 1n);
/** TaoFlowCutoff and FlowNormExponent defaults (§2.4). */
export const TAO_FLOW_CUTOFF = 0;
export const FLOW_NORM_EXPONENT = 1;

/** DefaultNeuronBurnCost: 1 TAO at init_new_network (§6). */
export const DEFAULT_NEURON_BURN_COST = RAO_PER_ALPHA;
/** BurnHalfLife (blocks, u16 on chain; max 36 100) and BurnIncreaseMult (U64F64 1.26), since 2026-04-22. */
export const BURN_HALF_LIFE = 360;
export const BURN_INCREASE_MULT = 1.26;
/** MinBurn / MaxBurn (runtime; migrate_reset_max_burn): 0.0005 TAO and 100 TAO. */
export const MIN_BURN = 500_000;
export const MAX_BURN = 100 * RAO_PER_ALPHA;

/** SubnetLimit: non-root subnets before registration prunes (migrate_subnet_limit_to_default). */
export const SUBNET_LIMIT = 128;
/** NetworkImmunityPeriod: 864 000 blocks = 120 days (migrate_network_immunity_period). */
export const NETWORK_IMMUNITY_PERIOD = 864_000;
/** NetworkMinLockCost: 1 TAO (migrate_rao). */
export const NETWORK_MIN_LOCK_COST = RAO_PER_ALPHA;
/** NetworkLockReductionInterval: 57 600 blocks (8 days), scaled by E / 1 TAO at use (§7). */
export const NETWORK_LOCK_REDUCTION_INTERVAL = 57_600;
/** NetworkRateLimit: one subnet registration per 28 800 blocks network-wide (§7). */
export const NETWORK_RATE_LIMIT = 28_800;
