import type { SubnetConfig } from '../config.ts';
import { applyBuy, quoteBuy, type SwapQuote } from '../pool/swap.ts';
import { bumpBurn } from '../registration/burn.ts';
import type { SubnetState } from '../state.ts';
import type { SubnetStreams } from '../streams.ts';
import { nextArrivalBlock, registerMiner } from '../subnet/registration.ts';
import type { NetworkLedger, SubnetMarket } from './state.ts';

/**
 * The miners arriving at `block` register, each paying the burn (emissions.md §6): the registrant's
 * TAO (from outside the model) buys alpha through the pool with the normal fee, the alpha bought is
 * destroyed (recycled: alpha issuance falls) and the burn is bumped ×BurnIncreaseMult. A registration
 * the pool cannot price or the subnet cannot seat fails and costs nothing.
 */
export function registerArrivals(
  subnet: SubnetState,
  config: SubnetConfig,
  block: number,
  streams: SubnetStreams,
  market: SubnetMarket,
  ledger: NetworkLedger,
  feeRate: number,
  quote: SwapQuote,
): void {
  while (subnet.nextRegistrationBlock <= block) {
    const burn = market.burn;
    if (burn <= 0) {
      registerMiner(subnet, config, block, streams.seatModel); // a free registration buys nothing
    } else if (
      quoteBuy(market.pool, burn, feeRate, quote).rejected === null &&
      registerMiner(subnet, config, block, streams.seatModel) >= 0
    ) {
      applyBuy(market.pool, quote);
      ledger.outside -= BigInt(burn);
      ledger.feeSink += quote.fee;
      market.recycledAlpha += quote.amountOut;
      market.userFlow += burn - quote.fee;
      market.registrationsPaid++;
      market.registrationTao += burn;
      const rules = config.market.burn;
      market.burn = bumpBurn(burn, rules.increase, rules.min, rules.max);
    }
    subnet.nextRegistrationBlock = nextArrivalBlock(block, config.registration.perDay, streams.registration);
  }
}
