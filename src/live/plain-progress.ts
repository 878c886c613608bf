import type { LiveSession } from './session.ts';

/**
 * The live run without a terminal (stdout piped or redirected): a line per simulated day and a line per
 * network-wide event (halvings, subnets registered or dissolved, shocks); neuron registrations and
 * prunings are counted into the day's line. Returns a function that stops printing.
 */
const grouped = (n: number) => n.toLocaleString('en-US');

export function printPlainProgress(session: LiveSession, out: NodeJS.WritableStream): () => void {
  let registrations = 0;
  let prunings = 0;
  const stopEvents = session.onEvent((event) => {
    // A pruning is a registration too: a newcomer took the pruned uid.
    if (event.kind === 'registration') registrations++;
    else if (event.kind === 'pruning') {
      registrations++;
      prunings++;
    } else out.write(`block ${grouped(event.block)}  ${event.text}\n`);
  });
  const stopDays = session.onDay(() => {
    const s = session.snapshot();
    const active = s.subnets.filter((x) => x.active).length;
    out.write(
      `${s.date}  block ${grouped(s.block)}/${grouped(s.blocks)}  emission ${Number(s.blockEmission.toPrecision(4))} τ/block  ` +
        `subnets ${active}  registrations +${registrations}  pruned +${prunings}\n`,
    );
    registrations = 0;
    prunings = 0;
  });
  return () => {
    stopEvents();
    stopDays();
  };
}
