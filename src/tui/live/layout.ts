/**
 * How many rows each panel gets in a terminal of `height` rows. The frame stays one row short of the
 * terminal (a frame as tall as the terminal makes ink clear the screen on every redraw). Fixed: the
 * header (2), the key bar (1) and one title row per panel; the rest goes to the subnets first (up to
 * a third), then neurons, contributors and the event log, which takes what is left.
 */
export interface Layout {
  subnets: number;
  neurons: number;
  contributors: number;
  events: number;
}

export function layoutFor(
  height: number,
  counts: { subnets: number; neurons: number; contributors: number | null },
): Layout {
  const hasContributors = counts.contributors !== null;
  const titles = 1 + 2 + 1 + (hasContributors ? 1 : 0); // subnets, neurons (title + columns), events, contributors
  let free = Math.max(0, height - 1 - 2 - 1 - titles);
  const take = (want: number) => {
    const got = Math.max(0, Math.min(want, free));
    free -= got;
    return got;
  };
  const subnets = take(Math.min(counts.subnets, Math.max(2, Math.floor(free / 3))));
  const neurons = take(Math.min(counts.neurons, Math.max(3, Math.floor(free / 2.5))));
  const contributors = hasContributors
    ? take(Math.min(counts.contributors ?? 0, Math.max(1, Math.floor(free / 3))))
    : 0;
  return { subnets, neurons, contributors, events: free };
}

/** The first row of a window of `rows` rows over `count` that keeps row `selected` in view, centred when it can. */
export function windowStart(count: number, rows: number, selected: number): number {
  if (count <= rows) return 0;
  return Math.max(0, Math.min(count - rows, selected - Math.floor(rows / 2)));
}
