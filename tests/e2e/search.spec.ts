// The search screen end to end, on the real training environment (training PSC, SAS backend, simulated publishers):
// an LRM launch in the urban training department (Bordeaux, general medicine, the patient's GP named by IDNPS)
// shows the GP first with the badge, first-intention cards with slots, a hanging publisher as late while other
// cards are on screen, a filter that changes the list and its count, markers on the map, then in second intention
// the CPTS cards with their phone numbers. Every state is screenshotted and checked with axe.
import { expectNoSeriousViolation } from './regulator-screen';
import { test as base, type Locator, type Page } from '@playwright/test';
import { startHarness, type Harness } from '../../electron/harness/harness';
import { expect, screenshot } from './fixtures';
import { login } from './helpers';

/** Dr Lavandevif, general practitioner in Bordeaux in the training data set (individual, accepts beyond slots). */
const GP_IDNPS = '899990002299';
const GP_NAME = /Lavandevif/u;
/** A publisher of several Bordeaux practitioners, made to hang: it must show as late, the others must not wait. */
const HANGING = { id: 'rdv-hirondelle', name: 'RDV Hirondelle' };
const LAUNCH =
  'sas-console://recherche?origin=TEST-SAMU000' +
  `&practitioner=urn:oid:1.2.250.1.71.4.2.1%7C${GP_IDNPS}` +
  '&specialty=urn:oid:1.2.250.1.213.2.28%7CSM54' +
  '&inseecode=33063&streetname=cours%20de%20l%27Intendance&streetnumber=10';

const test = base.extend<{ harness: Harness }>({
  // Playwright reads a fixture's dependencies from its first parameter's pattern: it must be a destructuring.
  // eslint-disable-next-line no-empty-pattern
  harness: async ({}, use) => {
    // A long publisher timeout keeps the hanging publisher "late" (not yet "délai dépassé") while we look at it.
    const harness = await startHarness({
      training: { publishers: { [HANGING.id]: { fault: { kind: 'hang' } } }, publisherTimeoutMs: 20_000 },
    });
    await use(harness);
    await harness.close();
  },
});

async function mapIdle(page: Page): Promise<Locator> {
  const map = page.getByTestId('result-map');
  await page.locator('[data-testid="result-map"][data-idle="true"]').waitFor({ timeout: 30_000 });
  return map;
}

test('an LRM launch: GP first, slots, late publisher, filter, map, then CPTS in second intention', async ({
  page,
  harness,
}) => {
  test.setTimeout(120_000);
  await page.goto(harness.url);
  const psc = await login(page, harness);
  await psc.close();
  await expect(page.getByRole('heading', { name: 'Aucune recherche ouverte' })).toBeVisible();

  harness.launch(LAUNCH);

  // The launch opens its own tab, labelled with its origin, and fills the bar.
  await expect(page.getByRole('button', { name: /^(?!Fermer).*LRM TEST-SAMU000 à \d\d:\d\d/u })).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Spécialité' })).toHaveValue('Médecine générale');
  await expect(page.getByLabel('Médecin traitant')).toHaveValue(`RPPS ${GP_IDNPS.slice(1)}`);

  // The GP is pinned first with the badge.
  const list = page.getByTestId('result-list');
  const first = list.locator('article.card').first();
  await expect(first.getByText('MÉDECIN TRAITANT', { exact: true })).toBeVisible({ timeout: 20_000 });
  await expect(first.getByRole('heading', { level: 3 })).toHaveText(GP_NAME);

  // The hanging publisher shows as late while other cards, with slots, are already on screen.
  const strip = page.getByTestId('status-strip');
  const hanging = strip.locator('.source-problem', { hasText: HANGING.name });
  await expect(hanging).toHaveAttribute('data-state', 'late', { timeout: 15_000 });
  await expect(strip).toContainText(/\d+ éditeurs? sur \d+ (a|ont) répondu/u);
  const withSlots = list.locator('article.card-ps:not(.card-gp)').filter({ has: page.locator('button.slot') });
  await expect(withSlots.first()).toBeVisible();
  expect(await list.locator('article.card').count()).toBeGreaterThan(1);
  await mapIdle(page);
  await screenshot(page, 'search-01-launch-gp-first-late-publisher');
  await expectNoSeriousViolation(page);

  // The map shows the cards' markers.
  const map = await mapIdle(page);
  await expect(map).toHaveAttribute('data-markers', /^[1-9]\d*$/u);
  await expect
    .poll(async () => Number(await map.getAttribute('data-rendered-markers')), { timeout: 20_000 })
    .toBeGreaterThan(0);

  // A filter changes the list and its count: the first filter whose count is below the number of cards.
  const count = page.getByTestId('results-count');
  const cardsBefore = Number((await count.textContent())?.match(/\d+/u)?.[0]);
  let chosen: Locator | undefined;
  for (const id of [
    'mode-teleconsultation',
    'mode-domicile',
    'day-next-days',
    'day-today',
    'type-PRO',
    'type-SNP',
    'type-PUBLIC',
    'mode-cabinet',
  ]) {
    const button = page.locator(`[data-filter="${id}"]`);
    const n = Number(await button.locator('.filter-count').textContent());
    if (n > 0 && n + 1 < cardsBefore) {
      chosen = button;
      break;
    }
  }
  expect(chosen, 'a filter that narrows the list').toBeDefined();
  if (!chosen) return;
  await chosen.click();
  await expect(chosen).toHaveAttribute('aria-pressed', 'true');
  await expect(count).not.toHaveText(`${cardsBefore} résultats`);
  const cardsAfter = Number((await count.textContent())?.match(/\d+/u)?.[0]);
  expect(cardsAfter).toBeLessThan(cardsBefore);
  await screenshot(page, 'search-02-filter-applied');
  await page.keyboard.press('x');
  await expect(chosen).toHaveAttribute('aria-pressed', 'false');
  await expect(count).toHaveText(`${cardsBefore} résultats`);

  // Second intention: CPTS cards with their contact number, practitioners accepting patients beyond slots.
  await page.getByRole('button', { name: /Créneaux en sus des disponibilités/u }).click();
  const cpts = list.locator('article.card-cpts');
  await expect(cpts.first()).toBeVisible();
  await expect(cpts.first().getByRole('link', { name: /^Appeler le 0\d( \d\d){4}$/u })).toBeVisible();
  await expect(cpts.first().getByRole('button', { name: /Voir tous les professionnels de la CPTS/u })).toBeVisible();
  await expect(list.getByText('Professionnels acceptant des patients hors créneaux', { exact: true })).toBeVisible();
  await screenshot(page, 'search-03-second-intention-cpts');
  await expectNoSeriousViolation(page);

  // The CPTS's practitioners, one click away.
  await cpts
    .first()
    .getByRole('button', { name: /Voir tous les professionnels de la CPTS/u })
    .click();
  await expect(page.getByRole('heading', { name: /^Professionnels de la CPTS/u })).toBeVisible();
  await expect(list.locator('article.card-ps').first()).toBeVisible();
  await screenshot(page, 'search-04-cpts-members');
  await page.getByRole('button', { name: 'Retour à la recherche' }).click();

  // In the end the hanging publisher is reported as timed out, and only it is offered for a retry.
  await expect(hanging).toHaveAttribute('data-state', 'timeout', { timeout: 30_000 });
  await expect(page.getByRole('button', { name: /Relancer la recherche/u })).toHaveAttribute(
    'title',
    `Interroge à nouveau : ${HANGING.name}`,
  );
  await screenshot(page, 'search-05-publisher-timeout');

  // "Relancer la recherche" re-asks that publisher alone: it is awaited again, the others' answers stay.
  const answeredBefore = (await strip.locator('.status-headline').textContent())?.match(/^\d+/u)?.[0];
  await page.getByRole('button', { name: /Relancer la recherche/u }).click();
  await expect(hanging).toHaveCount(0);
  await expect(strip.locator('.status-headline')).toContainText(new RegExp(`^${answeredBefore} éditeurs? sur`, 'u'));
  await expect(hanging).toHaveAttribute('data-state', 'late', { timeout: 10_000 });
  await expect(page.getByTestId('results-count')).toHaveText(/^[1-9]\d* résultats?$/u);
});

test('a manual search: commune suggestions, a new tab, and a slot opens the publisher’s booking page', async ({
  page,
  harness,
}) => {
  test.setTimeout(90_000);
  await page.goto(harness.url);
  const psc = await login(page, harness);
  await psc.close();

  const location = page.getByRole('combobox', { name: 'Adresse ou commune du patient' });
  await location.fill('Agen');
  const suggestion = page.getByRole('option', { name: /^Agen/u }).first();
  await expect(suggestion).toBeVisible();
  await screenshot(page, 'search-06-location-suggestions');
  await suggestion.click();
  await page.getByRole('button', { name: 'Rechercher' }).click();

  await expect(page.getByRole('button', { name: /^(?!Fermer).*Recherche à \d\d:\d\d/u })).toBeVisible();
  // A manual search has no LRM to blame for a missing GP: nothing is said.
  await expect(page.getByTestId('gp-notice')).toHaveCount(0);
  const list = page.getByTestId('result-list');
  const slot = list.locator('button.slot[data-slot-kind="bookable"]').first();
  await expect(slot).toBeVisible({ timeout: 20_000 });
  await expect(page.getByTestId('status-strip')).toContainText(/Recherche terminée/u, { timeout: 20_000 });
  await mapIdle(page);
  await screenshot(page, 'search-07-manual-search-agen');
  await expectNoSeriousViolation(page);

  // Booking: the publisher's page opens in the "system browser" (a new page of this browser, in the harness).
  const opened = page.context().waitForEvent('page');
  await slot.click();
  const booking = await opened;
  await booking.waitForLoadState('domcontentloaded');
  expect(new URL(booking.url()).hostname).toBe('127.0.0.1');
  await expect(page.getByRole('alert')).toHaveCount(0);
});
