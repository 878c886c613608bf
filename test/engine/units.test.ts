import { describe, expect, it } from 'vitest';
import { formatRao, RAO_PER_ALPHA, RAO_PER_ALPHA_BIG } from '../../src/engine/units.ts';

describe('formatRao', () => {
  it('prints exact alpha with 9 decimals', () => {
    expect(formatRao(1_500_000_000n)).toBe('1.500000000');
    expect(formatRao(0n)).toBe('0.000000000');
    expect(formatRao(1n)).toBe('0.000000001');
    expect(formatRao(-2_000_000_001n)).toBe('-2.000000001');
    // Beyond 2^53 rao the text stays exact: 21M alpha + 1 rao.
    expect(formatRao(21_000_000_000_000_001n)).toBe('21000000.000000001');
  });
  it('1 alpha = 1e9 rao', () => {
    expect(RAO_PER_ALPHA).toBe(1e9);
    expect(RAO_PER_ALPHA_BIG).toBe(1_000_000_000n);
  });
});
