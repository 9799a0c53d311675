// Real LRM inputs on the real training environment, at 1366×768 and 1920×1080: a free-text specialty
// (« généraliste ») with a street address in Agen gives a search by distance; an unknown specialty (« plombier »)
// still opens its tab with the location resolved and the picker; a Réunion patient's tab names the patient's zone
// (the training data has no offer there, and says so).
import { expect, test } from './fixtures';
import {
  AGEN_LAUNCH,
  expectNoSeriousViolation,
  openConsole,
  shot,
  VIEWPORTS,
  waitForResults,
} from './regulator-screen';

test.describe.configure({ timeout: 420_000 });

for (const viewport of VIEWPORTS) {
  test(`${viewport.width}×${viewport.height}: généraliste + Agen street, plombier picker, Réunion zone`, async ({
    page,
    harness,
  }) => {
    await openConsole(page, harness, viewport);

    harness.launch(AGEN_LAUNCH);
    await waitForResults(page);
    await expect(page.getByText('Triés par distance')).toBeVisible();
    const distances = await page
      .getByTestId('result-list')
      .locator('article.card-ps .card-distance')
      .evaluateAll((nodes) =>
        nodes.map((n) => {
          const m = /à ([\d\s,]+) (m|km)/u.exec(n.textContent ?? '');
          const value = Number((m?.[1] ?? '').replace(/\s/gu, '').replace(',', '.'));
          return m?.[2] === 'km' ? value * 1000 : value;
        }),
      );
    expect(distances.length).toBeGreaterThanOrEqual(3);
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
    await shot(page, 'lrm-01-generaliste-agen-street-distance-order', viewport);
    await expectNoSeriousViolation(page);

    harness.launch('sas-console://recherche?origin=TEST-SAMU000&specialty=plombier&inseecode=47001&city=Agen');
    await expect(page.getByText(/plombier/u).first()).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Spécialité non reconnue' })).toBeVisible({ timeout: 30_000 });
    await expect(page.locator('.location-line').first()).toContainText(/Agen/u, { timeout: 30_000 });
    await shot(page, 'lrm-02-plombier-specialty-picker', viewport);
    await expectNoSeriousViolation(page);

    harness.launch('sas-console://recherche?origin=TEST-SAMU974&specialty=SM54&inseecode=97411&city=Saint-Denis');
    await expect(page.getByTestId('zone-notice')).toHaveText(/Réunion \(UTC\+04:00\)/u, { timeout: 30_000 });
    await shot(page, 'lrm-03-reunion-zone-named', viewport);
  });
}
