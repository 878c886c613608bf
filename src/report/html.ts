import type { ReportSpec, TableSpec } from './chart-spec.ts';

/** The report's inlined assets: uPlot's script and stylesheet, and the script that draws the charts. */
export interface ReportAssets {
  uplotScript: string;
  uplotStyle: string;
  chartsScript: string;
}

const escapeHtml = (text: string) =>
  text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');

/** JSON safe inside <script>: no "</script>", no line separators that end a JS string. */
const scriptJson = (value: unknown) =>
  JSON.stringify(value)
    .replaceAll('<', '\\u003c')
    .replaceAll('\u2028', '\\u2028')
    .replaceAll('\u2029', '\\u2029');

const STYLE = `
body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: #1d2330; margin: 0; background: #f6f7f9; }
header, main, footer, .tables { max-width: 1000px; margin: 0 auto; padding: 0 16px; }
h1 { font-size: 1.5rem; margin: 1.2rem 0 0.6rem; }
h2 { font-size: 1.1rem; margin: 0 0 0.2rem; }
table.facts { border-collapse: collapse; margin-bottom: 1rem; }
table.facts th { text-align: left; font-weight: 600; padding: 2px 16px 2px 0; color: #555; }
table.facts td { padding: 2px 0; font-variant-numeric: tabular-nums; }
section.chart { background: #fff; border: 1px solid #e1e4ea; border-radius: 6px; padding: 12px 12px 4px; margin: 0 0 16px; }
section.chart p { margin: 0 0 8px; color: #555; font-size: 0.9rem; }
section.table { background: #fff; border: 1px solid #e1e4ea; border-radius: 6px; padding: 12px; margin: 0 0 16px; overflow-x: auto; }
section.table p { margin: 0 0 8px; color: #555; font-size: 0.9rem; }
section.table table { border-collapse: collapse; font-size: 0.85rem; font-variant-numeric: tabular-nums; }
section.table th, section.table td { text-align: left; padding: 2px 12px 2px 0; border-bottom: 1px solid #eef0f3; vertical-align: top; }
footer { color: #777; font-size: 0.85rem; padding-bottom: 2rem; }
`;

function renderTable(t: TableSpec): string {
  const head = t.columns.map((c) => `<th>${escapeHtml(c)}</th>`).join('');
  const body = t.rows
    .map((r) => `<tr>${r.map((cell) => `<td>${escapeHtml(cell)}</td>`).join('')}</tr>`)
    .join('\n');
  return `<section class="table" id="${escapeHtml(t.id)}">
<h2>${escapeHtml(t.title)}</h2>
<p>${escapeHtml(t.description)}</p>
<table><thead><tr>${head}</tr></thead>
<tbody>
${body}
</tbody></table>
</section>`;
}

/**
 * One self-contained page: the Content-Security-Policy forbids every fetch (scripts and styles are
 * inline), so the report opens from a file, offline, the same anywhere.
 */
export function renderHtml(report: ReportSpec, assets: ReportAssets): string {
  const facts = report.facts
    .map(([name, value]) => `<tr><th>${escapeHtml(name)}</th><td>${escapeHtml(value)}</td></tr>`)
    .join('\n');
  const notes = report.notes.map((n) => `<li>${escapeHtml(n)}</li>`).join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:">
<title>${escapeHtml(report.title)}</title>
<style>${assets.uplotStyle}</style>
<style>${STYLE}</style>
</head>
<body>
<header>
<h1>${escapeHtml(report.title)}</h1>
<table class="facts">
${facts}
</table>
</header>
<main id="charts"></main>
<div class="tables">
${report.tables.map(renderTable).join('\n')}
</div>
<footer>
${notes === '' ? '' : `<ul>${notes}</ul>`}
<p>Written by subnet-sim report. Charts drawn with uPlot (MIT licence), inlined.</p>
</footer>
<script type="application/json" id="report-data">${scriptJson({ charts: report.charts })}</script>
<script>${assets.uplotScript}</script>
<script>${assets.chartsScript}</script>
</body>
</html>
`;
}
