/**
 * Split of one block's alpha_out (emissions.md §1 step g; run_coinbase.rs `emit_to_subnets`):
 * 1. owner cut first (pass ownerCut 0 when OwnerCutEnabled is false): owner = ⌊A·cut⌋, a = A − owner;
 * 2. server (miners, PendingServerEmission) = ⌊a/2⌋;
 * 3. root (PendingRootAlphaDivs, or recycled when the root-sell flag is off) = ⌊ρ·a/2⌋;
 * 4. validator (PendingValidatorEmission) = the rest, a − server − root.
 * Integer rao. The chain floors each bucket separately and loses up to 3 rao of dust a block; we give
 * the odd rao of an uneven half and the fractional root rao to validators so that
 * owner + server + validator + root === alphaOut.
 */
export interface AlphaSplit {
  owner: number;
  server: number;
  validator: number;
  /** Root stakers' alpha (ρ of the validator half); 0 without a root network. */
  root: number;
}

export function splitAlphaOut(
  alphaOut: number,
  ownerCut: number,
  rootProportion = 0,
  out?: AlphaSplit,
): AlphaSplit {
  const owner = Math.floor(alphaOut * ownerCut);
  const rest = alphaOut - owner;
  const server = Math.floor(rest / 2);
  // ρ outside [0, 1] (or NaN) cannot come from §2.2; clamp so validator never goes negative.
  const rho = rootProportion > 0 ? Math.min(rootProportion, 1) : 0;
  const root = Math.floor(rho * rest * 0.5);
  const target = out ?? { owner: 0, server: 0, validator: 0, root: 0 };
  target.owner = owner;
  target.server = server;
  target.root = root;
  target.validator = rest - server - root;
  return target;
}
