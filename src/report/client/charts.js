// Runs in the browser, inlined into report.html after uPlot: draws each chart of the report's data.
// Plain JavaScript with no imports: the page must work from a file, offline.
(() => {
  const PALETTE = [
    '#1f77b4',
    '#d62728',
    '#2ca02c',
    '#ff7f0e',
    '#9467bd',
    '#8c564b',
    '#e377c2',
    '#7f7f7f',
    '#bcbd22',
    '#17becf',
  ];
  const data = JSON.parse(document.getElementById('report-data').textContent);
  const main = document.getElementById('charts');
  const drawn = [];

  // A chart fills its card: the holder's width inside the card's padding.
  const width = (holder) => Math.max(320, holder.clientWidth);

  // Tick labels with the decimals their spacing needs (uPlot's default drops them for small shares).
  function ticks(_u, splits) {
    const step = splits.length > 1 ? Math.abs(splits[1] - splits[0]) : Math.abs(splits[0] ?? 1);
    const decimals = step > 0 ? Math.min(10, Math.max(0, 1 - Math.floor(Math.log10(step)))) : 0;
    return splits.map((v) =>
      v == null
        ? ''
        : Math.abs(v) >= 1000
          ? v.toLocaleString('en-US', { maximumFractionDigits: 0 })
          : v.toFixed(decimals),
    );
  }

  function categoryAxis(spec) {
    // A category may span lines ("contributor\npackage"); long lines are drawn slanted.
    const lines = spec.categories.map((c) => c.split('\n'));
    const long = lines.some((l) => l.some((line) => line.length > 14));
    const rows = Math.max(1, ...lines.map((l) => l.length));
    return {
      label: spec.x.label,
      splits: () => spec.categories.map((_, i) => i),
      values: (_u, splits) => splits.map((i) => spec.categories[i] ?? ''),
      rotate: long ? -20 : 0,
      size: (long ? 90 : 50) + 16 * (rows - 1),
    };
  }

  function seriesOptions(spec) {
    const banded = new Set((spec.bands ?? []).flat());
    return spec.series.map((s, i) => {
      const colour = PALETTE[i % PALETTE.length];
      if (spec.kind === 'bars') {
        // Grouped bars: the group spans `group` of a category, each series a slice of it, left to right.
        const n = spec.series.length;
        const group = n === 1 ? 0.6 : Math.min(0.84, 0.35 * n);
        const size = group / n;
        return {
          label: s.label,
          stroke: colour,
          fill: `${colour}99`,
          width: 1,
          paths: uPlot.paths.bars({
            disp: {
              x0: { unit: 1, values: (u) => u.data[0].map((x) => x - group / 2 + i * size) },
              size: { unit: 1, values: () => [size] },
            },
          }),
          points: { show: false },
        };
      }
      if (s.points || (spec.kind === 'points' && i === 0)) {
        return {
          label: s.label,
          stroke: colour,
          paths: () => null,
          points: { show: true, size: 7, width: 1, stroke: colour, fill: `${colour}cc` },
        };
      }
      return {
        label: s.label,
        stroke: banded.has(i) ? `${PALETTE[0]}88` : colour,
        width: banded.has(i) ? 1 : 2,
        spanGaps: spec.kind === 'points',
        points: { show: false },
      };
    });
  }

  function options(spec, holder) {
    const categorical = Array.isArray(spec.categories);
    return {
      width: width(holder),
      height: 320,
      scales: {
        x:
          categorical || spec.kind === 'bars'
            ? { time: false, range: (_u, min, max) => [min - 0.5, max + 0.5] }
            : spec.kind === 'points'
              ? // Points at the ends stay whole inside the plot.
                {
                  time: false,
                  range: (_u, min, max) => [min - (max - min || 1) * 0.04, max + (max - min || 1) * 0.04],
                }
              : { time: false },
        // Bars stand on 0.
        ...(spec.kind === 'bars'
          ? { y: { range: (_u, min, max) => [Math.min(0, min), max > 0 ? max * 1.1 : 1] } }
          : {}),
      },
      axes: [
        categorical ? categoryAxis(spec) : { label: spec.x.label, values: ticks },
        { label: spec.y.label, size: 80, values: ticks },
      ],
      series: [{ label: spec.x.label }, ...seriesOptions(spec)],
      bands: (spec.bands ?? []).map(([upper, lower]) => ({
        series: [upper + 1, lower + 1],
        fill: `${PALETTE[0]}33`,
      })),
      legend: { show: spec.series.length > 1 || spec.kind !== 'bars' },
    };
  }

  for (const spec of data.charts) {
    const section = document.createElement('section');
    section.className = 'chart';
    section.id = spec.id;
    const title = document.createElement('h2');
    title.textContent = spec.title;
    const about = document.createElement('p');
    about.textContent = spec.description;
    const holder = document.createElement('div');
    section.append(title, about, holder);
    main.append(section);
    try {
      const plot = new uPlot(
        options(spec, holder),
        [spec.x.values, ...spec.series.map((s) => s.values)],
        holder,
      );
      const points = spec.series.reduce(
        (n, s) => n + s.values.filter((v) => v !== null && Number.isFinite(v)).length,
        0,
      );
      drawn.push({ id: spec.id, plot, holder, series: spec.series.length, points });
    } catch (error) {
      console.error(`chart ${spec.id}: ${error}`);
      holder.textContent = `This chart could not be drawn: ${error}`;
    }
  }

  window.addEventListener('resize', () => {
    for (const d of drawn) d.plot.setSize({ width: width(d.holder), height: 320 });
  });
  // Read by the browser test: which charts were drawn, with how many values.
  window.__report = { charts: drawn.map(({ id, series, points }) => ({ id, series, points })) };
})();
