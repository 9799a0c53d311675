// What can be booked looks bookable, on the real training environment (Bordeaux: publishers, the SAS agenda,
// slots without a booking page, the SOS Médecins walk-in site): each kind of slot looks different and says what to
// do, a legend explains them, a click on a slot says at once that the booking page opened in the browser and marks
// the slot, a walk-in site shows one line with its hours instead of chips.
import { expect, test } from './fixtures';
import {
  BORDEAUX_LAUNCH,
  expectNoSeriousViolation,
  openConsole,
  shot,
  VIEWPORTS,
  waitForResults,
} from './regulator-screen';

test.describe.configure({ timeout: 420_000 });

for (const viewport of VIEWPORTS) {
  test(`${viewport.width}×${viewport.height}: slot kinds, legend, booking feedback, walk-in hours`, async ({
    page,
    harness,
  }) => {
    await openConsole(page, harness, viewport);
    harness.launch(BORDEAUX_LAUNCH);
    await waitForResults(page);
    const list = page.getByTestId('result-list');

    // The legend says what each kind of chip means and the action that applies.
    await page.getByText('Légende des créneaux').click();
    const legend = page.getByTestId('slot-legend');
    await expect(legend.locator('li')).toHaveText([
      /Réservable en ligne/u,
      /Agenda SAS/u,
      /Sans page de réservation : appelez le numéro affiché/u,
      /Éditeur sans compte régulateur : appelez le numéro affiché/u,
      /Sans rendez-vous/u,
    ]);
    await shot(page, 'slots-01-legend', viewport);
    await page.getByText('Légende des créneaux').click();

    // Bookable chips and the others do not look alike: border style differs, the action is written on the chip.
    const bookable = list.locator('button.slot[data-slot-kind="bookable"]').first();
    await expect(bookable).toBeVisible();
    const other = list.locator('button.slot[data-slot-kind="no-url"], button.slot[data-slot-kind="sas-agenda"]');
    await expect(other.first()).toBeVisible();
    const styleOf = (l: typeof bookable) =>
      l.evaluate((b) => {
        const style = getComputedStyle(b);
        return `${style.borderTopStyle} ${style.backgroundColor} ${style.backgroundImage} ${style.boxShadow}`;
      });
    expect(await styleOf(other.first())).not.toBe(await styleOf(bookable));
    await expect(other.first().locator('.slot-action')).toHaveText(/appeler|agenda SAS/u);
    const bookableStyle = await styleOf(bookable);

    // A publisher that takes no regulator accounts (no RDV V1): its chips look apart, say to call, and open nothing.
    const noAccountChips = list.locator('button.slot[data-slot-kind="no-account"]');
    for (let i = 0; i < 40 && (await noAccountChips.count()) === 0; i += 1)
      await list.evaluate((l) => l.scrollBy(0, 500));
    const noAccount = noAccountChips.first();
    await noAccount.scrollIntoViewIfNeeded();
    expect(await styleOf(noAccount)).not.toBe(bookableStyle);
    await expect(noAccount.locator('.slot-action')).toHaveText('appeler');
    const pagesBefore = page.context().pages().length;
    await noAccount.click();
    await expect(page.getByTestId('booking-feedback')).toHaveText(/n’accepte pas les comptes des régulateurs/u);
    expect(page.context().pages()).toHaveLength(pagesBefore);
    await shot(page, 'slots-02b-no-regulator-account', viewport);

    // The walk-in site: one line with its hours, no walk-in chips.
    // The list is virtualized: scroll it until the SOS Médecins site's card is rendered.
    const walkIn = list.locator('.slot-walkin-line').first();
    for (let i = 0; i < 40 && (await list.locator('article.card-sos').count()) === 0; i += 1)
      await list.evaluate((l) => l.scrollBy(0, 500));
    await list.locator('article.card-sos').first().scrollIntoViewIfNeeded();
    await expect(walkIn).toHaveText(/sans rendez-vous de \d\d:\d\d à \d\d:\d\d$/u);
    await expect(list.locator('button.slot[data-slot-kind="walk-in"]')).toHaveCount(0);
    await shot(page, 'slots-02-kinds-walk-in', viewport);

    // A click on a bookable slot: the booking page opens in the browser, the console says so at once.
    await list.evaluate((l) => l.scrollTo(0, 0));
    // Held by its id: further pages of the offer may arrive meanwhile, « the first bookable chip » may change.
    const slotId = await list.locator('button.slot[data-slot-kind="bookable"]').first().getAttribute('data-slot-id');
    const chosen = list.locator(`button.slot[data-slot-id="${slotId}"]`);
    const opened = page.context().waitForEvent('page');
    await chosen.click();
    const booking = await opened;
    await expect(page.getByTestId('booking-feedback')).toHaveText(
      /^Page de réservation du créneau de \d\d:\d\d ouverte dans le navigateur\.$/u,
    );
    await expect(list.locator(`button.slot[data-slot-id="${slotId}"] .slot-state-opened`)).toHaveText('page ouverte');
    await page.bringToFront();
    await shot(page, 'slots-03-booking-opened', viewport);
    await expectNoSeriousViolation(page);
    await booking.close();
  });
}
