/**
 * The run's event log (events.csv): every scripted shock as it fires, TAO/USD regime changes, and the
 * contributors' notable moments (grant conversions, cliffs, milestones met or missed, leaving,
 * forfeiture, caps, an outside treasury that runs short). Plain records; the shell writes them.
 */
export interface RunEvent {
  block: number;
  day: number;
  /** What happened: a shock kind (`tao_usd`, `sell_pressure`, …), `regime`, or a contributor event. */
  kind: string;
  /** The subnet it concerns, or −1. */
  netuid: number;
  /** Who or what: a uid, a contributor/package/grant name, a regime… ('' when none). */
  subject: string;
  /** Its main figure (alpha sold, TAO staked, tokens forfeited, the new price…), NaN when none. */
  amount: number;
  /** One line a reader understands without the scenario at hand. */
  detail: string;
}

export type EventLog = RunEvent[];
