import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportSpec } from '../../src/report/chart-spec.ts';
import { writeReport } from '../../src/report/write-report.ts';
import { chromiumMissing, withBrowser } from '../helpers/chromium.ts';
import { COMPENSATION_CHARTS, compensationSweepFolder, runFolder, sweepFolder } from './fixtures.ts';

/**
 * report.html opened in headless Chromium: every chart is drawn with its data (series pixels on its
 * canvas) — the compensation charts (TAO/USD with events, grant and package values, Monte Carlo bands,
 * packages against their cash twins, a sweep's grant bands) among them — the event log's table has its
 * rows, no console error, and no request but the file itself. Skipped, and says so, without Chromium
 * (CI installs it).
 */

const tmp = mkdtempSync(join(tmpdir(), 'subnet-sim-report-browser-'));
if (chromiumMissing !== null) console.warn(`skipped: report.html in headless Chromium: ${chromiumMissing}`);
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

interface Opened {
  drawn: { id: string; series: number; points: number }[];
  /** Rows of each table section (the event log). */
  tableRows: Record<string, number>;
  /** Per chart section: pixels of the first series' colour on its canvas. */
  seriesPixels: Record<string, number>;
  errors: string[];
  requests: string[];
}

/**
 * The little of the DOM the page is read through (the project's types have no DOM library). Functions
 * given to page.evaluate run in the page: they may name types, not variables of this file.
 */
interface Canvas {
  width: number;
  height: number;
  getContext(kind: '2d'): {
    getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray };
  };
}
interface Page {
  __report?: { charts: Opened['drawn'] };
  document: {
    querySelectorAll(selector: string): Iterable<{
      id: string;
      querySelectorAll(s: string): Iterable<Canvas> & { length: number };
    }>;
  };
}

/** Opens the page, waits for its charts, and reads what was drawn. */
async function open(path: string): Promise<Opened> {
  return withBrowser(async (context) => {
    const page = await context.newPage();
    const errors: string[] = [];
    const requests: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(pathToFileURL(path).href);
    await page.waitForFunction(() => (globalThis as unknown as Page).__report !== undefined);
    const drawn = await page.evaluate(() => (globalThis as unknown as Page).__report!.charts);
    // The first series is drawn in #1f77b4 (strokes, points, translucent bars): count pixels of that hue.
    const seriesPixels = await page.evaluate(() => {
      const out: Record<string, number> = {};
      for (const section of (globalThis as unknown as Page).document.querySelectorAll('section.chart')) {
        let count = 0;
        for (const canvas of section.querySelectorAll('canvas')) {
          const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
          for (let i = 0; i < data.length; i += 4) {
            const [r, g, b, a] = [data[i], data[i + 1], data[i + 2], data[i + 3]];
            if (a > 40 && b > 120 && b > r + 60 && g > r + 20 && b > g) count++;
          }
        }
        out[section.id] = count;
      }
      return out;
    });
    const tableRows = await page.evaluate(() => {
      const out: Record<string, number> = {};
      for (const section of (globalThis as unknown as Page).document.querySelectorAll('section.table'))
        out[section.id] = section.querySelectorAll('tbody tr').length;
      return out;
    });
    return { drawn, tableRows, seriesPixels, errors, requests };
  });
}

describe.skipIf(chromiumMissing !== null)(
  `report.html in headless Chromium${chromiumMissing ? ` — skipped: ${chromiumMissing}` : ''}`,
  () => {
    const reports: Record<string, { path: string; report: ReportSpec; opened?: Opened }> = {};

    const KINDS = ['run', 'sweep', 'compensation-sweep'];

    beforeAll(async () => {
      await runFolder(join(tmp, 'run'));
      await sweepFolder(join(tmp, 'sweep'));
      await compensationSweepFolder(join(tmp, 'compensation-sweep'));
      for (const kind of KINDS) {
        reports[kind] = await writeReport(join(tmp, kind));
        reports[kind].opened = await open(reports[kind].path);
      }
    }, 180_000);

    it('the compensation charts are among those drawn, and the event log lists its events', () => {
      const drawn = (kind: string) => reports[kind].opened!.drawn.map((c) => c.id);
      expect(drawn('run')).toEqual(expect.arrayContaining(COMPENSATION_CHARTS));
      expect(drawn('compensation-sweep')).toContain('grant-bands-0');
      const events = reports.run.report.tables.find((t) => t.id === 'events')!;
      expect(events.rows.length).toBeGreaterThan(0);
      expect(reports.run.opened!.tableRows).toEqual({ events: events.rows.length });
    });

    for (const kind of KINDS) {
      it(`${kind}: every chart is drawn with its data`, () => {
        const { report, opened } = reports[kind];
        expect(opened!.drawn.map((c) => c.id)).toEqual(report.charts.map((c) => c.id));
        for (const c of opened!.drawn) expect(c.points, c.id).toBeGreaterThan(0);
        for (const c of report.charts) expect(opened!.seriesPixels[c.id], c.id).toBeGreaterThan(20);
      });

      it(`${kind}: no console error, no request but the file itself`, () => {
        const { path, opened } = reports[kind];
        expect(opened!.errors).toEqual([]);
        expect(opened!.requests).toEqual([pathToFileURL(path).href]);
      });
    }
  },
);
