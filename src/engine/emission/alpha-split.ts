/**
 * Split of one block's alpha_out (emissions.md §1 step g): the owner cut first, then 50 % of the rest to
 * miners (PendingServerEmission) and 50 % to validators (PendingValidatorEmission). Root stakers' share
 * of the validator half is 0 here: this engine has no root network yet.
 * Integer rao; the odd rao of an uneven half goes to validators so nothing is lost.
 */
export interface AlphaSplit {
  owner: number;
  server: number;
  validator: number;
}

export function splitAlphaOut(alphaOut: number, ownerCut: number): AlphaSplit {
  const owner = Math.floor(alphaOut * ownerCut);
  const rest = alphaOut - owner;
  const server = Math.floor(rest / 2);
  return { owner, server, validator: rest - server };
}
