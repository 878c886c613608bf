import { describe, expect, it } from 'vitest';
import { registerArrivals } from '../../../src/engine/network/neuron-registration.ts';
import { DEFAULT_FEE_RATE } from '../../../src/engine/pool/fee.ts';
import { emptyQuote } from '../../../src/engine/pool/swap.ts';
import { makeSubnet, minerGroup, validatorGroup } from '../../helpers/config.ts';

/**
 * A registration pays the burn (emissions.md §6), by hand on the default pool (10 000 TAO / 500 000
 * alpha) and a 1 TAO burn: fee ⌊1e9·33/65535⌋ = 503 547 rao to the block author, the other 999 496 453
 * rao buy ⌊500 000e9 · 999 496 453 / (10 000e9 + 999 496 453)⌋ = 49 969 828 183 rao of alpha, which
 * is destroyed; the burn then rises ×1.26 to 1 260 000 000 rao.
 */
describe('registerArrivals (neuron registration burn)', () => {
  function fixture() {
    const fx = makeSubnet({
      maxUids: 4,
      immunityPeriod: 0,
      minNonImmuneUids: 1,
      validators: [validatorGroup({ count: 2 })],
      miners: [minerGroup({ count: 2 })],
    });
    const market = fx.sim.network.markets[0];
    market.burn = 1e9;
    fx.subnet.nextRegistrationBlock = 500;
    return { ...fx, market, ledger: fx.sim.network.ledger };
  }

  it('swaps the burn into the pool with the fee, destroys the alpha bought and bumps the burn ×1.26', () => {
    const { subnet, config, streams, market, ledger } = fixture();
    const outside = ledger.outside;
    const issuance = market.pool.alpha + market.alphaOut;
    registerArrivals(subnet, config, 500, streams, market, ledger, DEFAULT_FEE_RATE, emptyQuote());
    expect(market.pool.tao).toBe(10_000e9 + 999_496_453);
    expect(market.pool.alpha).toBe(500_000e9 - 49_969_828_183);
    expect(ledger.feeSink).toBe(503_547);
    expect(ledger.outside).toBe(outside - 1_000_000_000n); // the registrant's TAO, from outside the model
    expect(market.recycledAlpha).toBe(49_969_828_183);
    expect(market.pool.alpha + market.alphaOut).toBe(issuance - 49_969_828_183); // alpha issuance falls
    expect(market.userFlow).toBe(999_496_453); // counts as user inflow, net of the fee
    expect(market.burn).toBe(1_260_000_000);
    expect(market.registrationsPaid).toBe(1);
    expect(market.registrationTao).toBe(1e9);
    expect(subnet.registrationsSinceEpoch).toBe(1);
    expect(subnet.prunedSinceEpoch).toBe(1); // the subnet was full: a uid was freed
    expect(subnet.nextRegistrationBlock).toBeGreaterThan(500);
  });

  it('a registration the pool cannot price fails and costs nothing', () => {
    const { subnet, config, streams, market, ledger } = fixture();
    market.pool.alpha = 999_999; // below SwapMinimumReserve on the output side
    const before = { tao: market.pool.tao, burn: market.burn, outside: ledger.outside };
    registerArrivals(subnet, config, 500, streams, market, ledger, DEFAULT_FEE_RATE, emptyQuote());
    expect(market.pool.tao).toBe(before.tao);
    expect(market.burn).toBe(before.burn);
    expect(ledger.outside).toBe(before.outside);
    expect(subnet.registrationsSinceEpoch).toBe(0);
  });
});
