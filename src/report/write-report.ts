import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { writeFileAtomic } from '../output/atomic-file.ts';
import { buildReport } from './build-report.ts';
import type { ReportSpec } from './chart-spec.ts';
import { type ReportAssets, renderHtml } from './html.ts';

const require = createRequire(import.meta.url);

/** uPlot from node_modules and the chart script beside this file, read to be inlined. */
export async function reportAssets(): Promise<ReportAssets> {
  const [uplotScript, uplotStyle, chartsScript] = await Promise.all([
    readFile(require.resolve('uplot/dist/uPlot.iife.min.js'), 'utf8'),
    readFile(require.resolve('uplot/dist/uPlot.min.css'), 'utf8'),
    readFile(new URL('./client/charts.js', import.meta.url), 'utf8'),
  ]);
  return { uplotScript, uplotStyle, chartsScript };
}

/** Writes `<dir>/report.html` (or `out`) atomically; returns the path and what it holds. */
export async function writeReport(dir: string, out?: string): Promise<{ path: string; report: ReportSpec }> {
  const report = await buildReport(dir);
  const path = out ?? join(dir, 'report.html');
  await writeFileAtomic(path, renderHtml(report, await reportAssets()));
  return { path, report };
}
