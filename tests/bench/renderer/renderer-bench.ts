// P5: the renderer in Chromium (Debian's, through Playwright's library API): time to render N results in the
// list, and frame times while `map.panBy` pans a map of M markers, against the built renderer and a scripted
// console (no backend: the figures are the UI's own).
import { chromium, type Browser, type Page } from '@playwright/test';
import { chromiumLaunchOptions } from '@root/playwright.config';
import { percentile } from '../lib/stats';
import type { RowSpec, RunMeasure } from '../lib/rows';
import {
  installBenchConsole,
  installFiberHook,
  NAME_HELPER,
  panAndTimeFrames,
  playAndTimeRender,
} from './page-scripts';
import { buildScenario, type RendererScenario } from './scenario';

const FRAME_60HZ_MS = 1000 / 60;

export const P5_LIST = (n: number): RowSpec => ({
  id: 'P5a',
  title: `render ${n} results (list painted)`,
  unit: 'ms',
  direction: 'none',
  targetRule: 'none in issue 9',
});
export const P5_PAN = (n: number): RowSpec => ({
  id: 'P5b',
  title: `frame time p95 while panning ${n} markers`,
  unit: 'ms',
  direction: 'none',
  targetRule: 'none in issue 9 (60 Hz frame = 16.7 ms)',
});

export interface RendererOptions {
  url: string;
  runs: number;
  warmups: number;
  listResults: number;
  mapMarkers: number;
  panFrames: number;
}

async function openScenario(browser: Browser, url: string, scenario: RendererScenario): Promise<Page> {
  const context = await browser.newContext({
    locale: 'fr-FR',
    timezoneId: 'Europe/Paris',
    viewport: { width: 1440, height: 900 },
  });
  const page = await context.newPage();
  await page.addInitScript({ content: NAME_HELPER });
  await page.addInitScript(installFiberHook);
  await page.addInitScript(installBenchConsole, scenario.launch);
  await page.goto(url);
  // The launch opened its tab and started its search; the (lazy) map is loaded and idle, still empty.
  await page.waitForFunction(
    () => (window as unknown as { __bench?: { searchId?: string } }).__bench?.searchId !== undefined,
    undefined,
    { timeout: 30_000 },
  );
  await page.locator('[data-testid="result-map"][data-idle="true"]').waitFor({ timeout: 30_000 });
  // As one JSON string: Playwright's own argument serialization is slow on a few megabytes of objects.
  await page.evaluate(
    (json) => (window as unknown as { __bench: { load(e: unknown): void } }).__bench.load(JSON.parse(json)),
    JSON.stringify(scenario.events),
  );
  return page;
}

async function closePage(page: Page): Promise<void> {
  await page.context().close();
}

export interface RendererRows {
  list: RunMeasure[];
  pan: RunMeasure[];
  notes: string[];
}

export async function benchRenderer(options: RendererOptions): Promise<RendererRows> {
  const browser = await chromium.launch(chromiumLaunchOptions);
  const rows: RendererRows = { list: [], pan: [], notes: [] };
  try {
    const listScenario = buildScenario(options.listResults, 20);
    for (let i = 0; i < options.warmups + options.runs; i += 1) {
      const page = await openScenario(browser, options.url, listScenario);
      try {
        const timing = await page.evaluate(playAndTimeRender, options.listResults);
        if (i < options.warmups) continue;
        if (timing.rows < options.listResults)
          throw new Error(`the list showed ${timing.rows} rows for ${options.listResults} results`);
        rows.list.push({
          figure: timing.listMs,
          extra: {
            'map markers drawn ms': timing.mapMs,
            'scroll to last card ms': timing.lastCardMs,
            'list rows': timing.rows,
          },
        });
      } finally {
        await closePage(page);
      }
    }

    const mapScenario = buildScenario(options.mapMarkers, 40);
    const page = await openScenario(browser, options.url, mapScenario);
    try {
      const map = page.locator('[data-testid="result-map"]');
      const idle = () => page.locator('[data-testid="result-map"][data-idle="true"]').waitFor({ timeout: 30_000 });
      const pans = async (warmups: number) => {
        const runs: number[][] = [];
        for (let i = 0; i < warmups + options.runs; i += 1) {
          const deltas = await page.evaluate(panAndTimeFrames, { frames: options.panFrames, stepPx: 12 });
          await idle();
          if (i >= warmups) runs.push(deltas);
        }
        return runs;
      };
      // The same view first without markers (the location only: base map, commune names, radius), then with them.
      await page.evaluate(() =>
        (window as unknown as { __bench: { play(from: number, to: number): number } }).__bench.play(0, 1),
      );
      await page.waitForTimeout(100);
      await idle();
      const empty = await pans(0);
      await page.evaluate(playAndTimeRender, options.mapMarkers);
      await idle();
      const markers = Number(await map.getAttribute('data-markers'));
      const clustered = (await map.getAttribute('data-clustered')) === 'true';
      if (markers !== options.mapMarkers) throw new Error(`the map has ${markers} markers for ${options.mapMarkers}`);
      const loaded = await pans(options.warmups);
      loaded.forEach((deltas, i) => {
        const without = empty[i] ?? [];
        rows.pan.push({
          figure: percentile(deltas, 95),
          extra: {
            'p50 ms': percentile(deltas, 50),
            'max ms': Math.max(...deltas),
            'frames over 16.7 ms': deltas.filter((d) => d > FRAME_60HZ_MS + 1).length,
            'same view without markers: p95 ms': percentile(without, 95),
            'same view without markers: p50 ms': percentile(without, 50),
          },
        });
      });
      rows.notes.push(
        `map: ${markers} markers, ${clustered ? 'clustered' : 'not clustered'} (the app clusters above 300); ${options.panFrames} frames per run, panBy 12 px per frame; ` +
          `headless Chromium ${browser.version()} draws WebGL in software (SwiftShader), so frame times are pessimistic next to a desktop GPU.`,
      );
    } finally {
      await closePage(page);
    }
  } finally {
    await browser.close();
  }
  return rows;
}
