// Room for results on a small screen, on the real training environment: an LRM launch with a street address in
// Agen (specialty written « généraliste »), one notice and the status strip on screen. At 1366×768 at least three
// practitioner cards are fully visible without scrolling, notices take one line and can be dismissed, the filter row
// does not wrap, « Mes orientations » and the journal open as a drawer over the results (the search bar keeps its
// size and place), body text is at least 13 px and badges at least 11 px.
import { expectNoSeriousViolation } from './regulator-screen';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { login } from './helpers';

const AGEN_LAUNCH =
  'sas-console://recherche?origin=TEST-SAMU000&specialty=g%C3%A9n%C3%A9raliste' +
  '&inseecode=47001&city=Agen&streetname=boulevard%20des%20Lilas&streetnumber=101';

// The shared machine is slow to start the training stack: the harness's set-up counts in this budget.
test.describe.configure({ timeout: 420_000 });

async function fontPx(page: Page, selector: string): Promise<number[]> {
  return page
    .locator(selector)
    .evaluateAll((nodes) => nodes.slice(0, 30).map((n) => Number.parseFloat(getComputedStyle(n).fontSize)));
}

for (const viewport of [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
]) {
  test(`${viewport.width}×${viewport.height}: three cards visible with a notice and the status strip; drawers do not squeeze the bar`, async ({
    page,
    harness,
  }) => {
    await page.setViewportSize(viewport);
    await page.goto(harness.url);
    (await login(page, harness)).close().catch(() => undefined);
    harness.launch(AGEN_LAUNCH);

    const list = page.getByTestId('result-list');
    await expect(page.getByTestId('status-strip')).toContainText(/Recherche terminée/u, { timeout: 30_000 });
    await expect(page.getByText(/Triés par distance/u).first()).toBeVisible();
    // One notice on screen: the LRM did not name the patient's GP.
    const notice = page.getByTestId('gp-notice');
    await expect(notice).toBeVisible();
    const name = `layout-01-agen-generaliste-${viewport.width}x${viewport.height}`;
    await page.screenshot({ path: `tests/e2e/screenshots/${name}.png` });

    // At least three practitioner cards entirely inside the list's visible area, without scrolling.
    const fullyVisible = await list.locator('article.card-ps').evaluateAll((cards) => {
      const scroller = cards[0]?.closest('.result-scroller') ?? document.documentElement;
      const box = scroller.getBoundingClientRect();
      const bottom = Math.min(box.bottom, window.innerHeight);
      return cards.filter((c) => {
        const r = c.getBoundingClientRect();
        return r.top >= box.top - 1 && r.bottom <= bottom + 1 && r.height > 0;
      }).length;
    });
    expect(fullyVisible).toBeGreaterThanOrEqual(3);

    // Notices: one line, dismissable.
    const noticeBox = await notice.boundingBox();
    const lineHeight = await notice
      .locator('.notice-text')
      .evaluate(
        (n) =>
          Number.parseFloat(getComputedStyle(n).lineHeight) || 1.3 * Number.parseFloat(getComputedStyle(n).fontSize),
      );
    expect(noticeBox?.height ?? 0).toBeLessThanOrEqual(lineHeight + 16);

    // The filter row does not wrap: every filter on the same line.
    const rows = await page.locator('.filter-bar .filter').evaluateAll((nodes) => {
      const boxes = nodes.map((n) => n.getBoundingClientRect());
      const middles = boxes.map((b) => b.top + b.height / 2);
      return { spread: Math.max(...middles) - Math.min(...middles), height: Math.min(...boxes.map((b) => b.height)) };
    });
    expect(rows.spread).toBeLessThan(rows.height / 2);

    // Sizes: body text ≥ 13 px, badges ≥ 11 px (computed).
    for (const selector of [
      '.card-address',
      '.card-specialties',
      '.card-participation',
      '.location-line',
      '.notice-text',
      '.filter',
      '.slot-time',
    ]) {
      for (const size of await fontPx(page, selector)) expect(size, selector).toBeGreaterThanOrEqual(13);
    }
    for (const selector of ['.badge', '.slot-type', '.slot-walkin', '.slot-mode', '.tab-detail', '.btn-count']) {
      for (const size of await fontPx(page, selector)) expect(size, selector).toBeGreaterThanOrEqual(11);
    }
    await expectNoSeriousViolation(page);

    await notice.getByRole('button', { name: 'Masquer ce message' }).click();
    await expect(notice).toHaveCount(0);

    // « Mes orientations » and the journal: drawers over the results; the search bar keeps its box.
    const bar = page.getByRole('search');
    const before = await bar.boundingBox();
    await page.getByRole('button', { name: /Mes orientations/u }).click();
    await expect(page.getByTestId('orientations-panel')).toBeVisible();
    expect(await bar.boundingBox()).toEqual(before);
    await page.screenshot({
      path: `tests/e2e/screenshots/layout-02-orientations-drawer-${viewport.width}x${viewport.height}.png`,
    });
    await page
      .getByRole('button', { name: /Journal de garde/u })
      .first()
      .click();
    await expect(page.getByTestId('journal-panel')).toBeVisible();
    expect(await bar.boundingBox()).toEqual(before);
    await page.screenshot({
      path: `tests/e2e/screenshots/layout-03-journal-drawer-${viewport.width}x${viewport.height}.png`,
    });
    await expectNoSeriousViolation(page);
  });
}
