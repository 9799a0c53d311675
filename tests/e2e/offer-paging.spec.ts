// The list's further practitioners on the real training stack, its offer page lowered to 20: a general medicine
// search in Bordeaux holds far more in its radius. Scrolling to the end of the list brings the next ones (the
// notice « N professionnels affichés sur TOTAL » grows, the total stays), with no card twice. At both screen sizes.
import { test as base, type Page } from '@playwright/test';
import { startHarness, type Harness } from '../../electron/harness/harness';
import { expect, screenshot } from './fixtures';
import { login } from './helpers';
import { VIEWPORTS } from './viewports';

const LAUNCH =
  'sas-console://recherche?origin=TEST-SAMU000' +
  '&specialty=urn:oid:1.2.250.1.213.2.28%7CSM54' +
  '&inseecode=33063&streetname=cours%20de%20l%27Intendance&streetnumber=10';

const test = base.extend<{ harness: Harness }>({
  // Playwright reads a fixture's dependencies from its first parameter's pattern: it must be a destructuring.
  // eslint-disable-next-line no-empty-pattern
  harness: async ({}, use) => {
    const harness = await startHarness({ training: { backend: { offerPageSize: 20 } } });
    await use(harness);
    await harness.close();
  },
});

/** The notice's two numbers: practitioners shown, practitioners in the radius (the notice goes once all are). */
async function shownOf(page: Page, total = 0): Promise<{ shown: number; total: number }> {
  const notice = page.getByTestId('offer-page-notice');
  // The notice goes away once every practitioner is listed, possibly between two reads: gone means all shown.
  const text = await notice.textContent({ timeout: 1_000 }).catch(() => undefined);
  if (text === undefined || text === null) return { shown: total, total };
  const match = /(\d+) professionnels affichés sur (\d+) dans le rayon/u.exec(text);
  return { shown: Number(match?.[1] ?? 0), total: Number(match?.[2] ?? 0) };
}

async function renderedKeys(page: Page): Promise<string[]> {
  return page
    .getByTestId('result-list')
    .locator('[data-card-key]')
    .evaluateAll((cards) => cards.map((card) => card.getAttribute('data-card-key') ?? ''));
}

for (const viewport of VIEWPORTS) {
  test(`scrolling to the end of the list brings the next practitioners (${viewport.name})`, async ({
    page,
    harness,
  }) => {
    test.setTimeout(120_000);
    await page.setViewportSize({ width: viewport.width, height: viewport.height });
    await page.goto(harness.url);
    const psc = await login(page, harness);
    await psc.close();
    harness.launch(LAUNCH);

    const notice = page.getByTestId('offer-page-notice');
    await expect(notice).toContainText(/professionnels affichés sur \d+ dans le rayon/u, { timeout: 20_000 });
    const first = await shownOf(page);
    expect(first.total).toBeGreaterThan(40);
    await expect(page.getByTestId('status-strip')).toBeVisible();
    await screenshot(page, `offer-paging-01-first-page-${viewport.name}`, { fullPage: false });

    const list = page.getByTestId('result-list');
    // A tall screen may fill itself (a short list asks by itself); each scroll to the end brings more until all.
    for (let round = 0; round < 3; round += 1) {
      const before = (await shownOf(page, first.total)).shown;
      if (before >= first.total) break;
      await list.evaluate((scroller) => scroller.scrollTo({ top: scroller.scrollHeight }));
      await expect
        .poll(async () => (await shownOf(page, first.total)).shown, { timeout: 20_000 })
        .toBeGreaterThan(before);
    }
    const after = await shownOf(page, first.total);
    expect(after.total).toBe(first.total);
    expect(after.shown).toBeGreaterThanOrEqual(Math.min(first.total, first.shown + 3 * 20 - 1));
    const keys = await renderedKeys(page);
    expect(new Set(keys).size).toBe(keys.length);
    await screenshot(page, `offer-paging-02-after-scrolling-${viewport.name}`, { fullPage: false });
  });
}
