// Tabs you can tell apart, on the real training environment: titled with commune + specialty (+ the GP's name when
// the search found them), detailed with the LRM origin and time; a tab whose search failed shows its error inline
// with « Réessayer »; a refused launch is one alert with its time and origin, not a tab; more tabs than fit go to
// an overflow list that shows them all; a new launch opens in front and the previous tab is one key away
// (Ctrl+Tab, Ctrl+Shift+Tab, Ctrl+1…9).
import { expect, test } from './fixtures';
import {
  AGEN_LAUNCH,
  BORDEAUX_LAUNCH,
  expectNoSeriousViolation,
  openConsole,
  shot,
  VIEWPORTS,
  waitForResults,
} from './regulator-screen';

test.describe.configure({ timeout: 420_000 });

const TALENCE = 'sas-console://recherche?origin=TEST-SAMU001&specialty=SM54&inseecode=33522&city=Talence';
const MERIGNAC = 'sas-console://recherche?origin=TEST-SAMU002&specialty=p%C3%A9diatre&city=M%C3%A9rignac';
const VILLENAVE = 'sas-console://recherche?origin=TEST-SAMU003&city=Villenave-d%27Ornon';
const NOWHERE = 'sas-console://recherche?origin=TEST-SAMU004&city=Zzyzxville';

for (const viewport of VIEWPORTS) {
  test(`${viewport.width}×${viewport.height}: titles, failed tab, refused launch, overflow, keys`, async ({
    page,
    harness,
  }) => {
    await openConsole(page, harness, viewport);
    const strip = page.getByRole('navigation', { name: 'Recherches ouvertes' });

    harness.launch(BORDEAUX_LAUNCH);
    await waitForResults(page);
    // Title: commune + specialty + the GP the search found; detail: LRM origin and time.
    const first = strip.locator('li.tab').first();
    await expect(first.locator('.tab-title')).toHaveText(/^Bordeaux · Médecine générale · Dr .*Lavandevif$/u);
    await expect(first.locator('.tab-detail')).toHaveText(/^LRM TEST-SAMU000 à \d\d:\d\d$/u);

    harness.launch(AGEN_LAUNCH);
    // The new launch opens in front.
    await expect(strip.locator('li.tab-active .tab-title')).toHaveText(/^Agen · Médecine générale/u);
    await waitForResults(page);
    await shot(page, 'tabs-01-two-launches', viewport);

    // Ctrl+Shift+Tab / Ctrl+Tab / Ctrl+1…9 move between tabs, even from a field.
    await page.getByRole('combobox', { name: 'Spécialité' }).focus();
    await page.keyboard.press('Control+Shift+Tab');
    await expect(strip.locator('li.tab-active .tab-title')).toHaveText(/^Bordeaux/u);
    await page.keyboard.press('Control+Tab');
    await expect(strip.locator('li.tab-active .tab-title')).toHaveText(/^Agen/u);
    await page.keyboard.press('Control+1');
    await expect(strip.locator('li.tab-active .tab-title')).toHaveText(/^Bordeaux/u);
    await page.keyboard.press('Control+2');
    await expect(strip.locator('li.tab-active .tab-title')).toHaveText(/^Agen/u);

    // A search that fails: the tab says « Échec », its error is inline with « Réessayer ».
    harness.launch(NOWHERE);
    const failed = strip.locator('li.tab-failed');
    await expect(failed).toHaveCount(1, { timeout: 30_000 });
    const alert = page.getByTestId('search-tab').getByRole('alert').first();
    await expect(alert).toBeVisible();
    await expect(alert.getByRole('button', { name: 'Réessayer' })).toBeVisible();
    await shot(page, 'tabs-02-failed-tab-retry', viewport);
    await alert.getByRole('button', { name: 'Réessayer' }).click();
    await expect(strip.locator('li.tab-failed')).toHaveCount(1, { timeout: 30_000 });

    // A refused launch (no location at all) is an alert with its time and origin, not a tab.
    const tabsBefore = await strip.locator('li.tab').count();
    harness.launch('sas-console://recherche?origin=TEST-SAMU009&specialty=SM54');
    const refused = page
      .getByRole('alert')
      .filter({ hasText: /Lancement reçu du logiciel de régulation à \d\d:\d\d/u });
    await expect(refused).toHaveCount(1);
    await expect(refused).toContainText('(LRM TEST-SAMU009)');
    await expect(strip.locator('li.tab')).toHaveCount(tabsBefore);
    await shot(page, 'tabs-03-refused-launch', viewport);
    await refused.getByRole('button').click();
    await expect(refused).toHaveCount(0);

    // More tabs than fit: the overflow list shows them all.
    for (const url of [TALENCE, MERIGNAC, VILLENAVE, AGEN_LAUNCH, TALENCE, MERIGNAC, VILLENAVE]) harness.launch(url);
    const total = tabsBefore + 7;
    const more = strip.getByRole('button', { name: /^Tous les onglets/u });
    if (total * 210 > viewport.width - 40) {
      await expect(more).toBeVisible();
      await more.click();
      await expect(page.getByTestId('tab-overflow-list').locator('li')).toHaveCount(total);
      await shot(page, 'tabs-04-overflow-list', viewport);
      await expectNoSeriousViolation(page);
      await page.getByTestId('tab-overflow-list').locator('li').first().getByRole('button').click();
      await expect(strip.locator('li.tab-active .tab-title')).toHaveText(/^Bordeaux/u);
    } else {
      await expect(strip.locator('li.tab')).toHaveCount(total);
    }
  });
}
