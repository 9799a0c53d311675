// Shift change on one workstation: Alice logs out with a search open (asked to confirm, the tab is dropped), Bruno
// logs in — Pro Santé Connect asks again who is there (identity step, card PIN) — and books a slot: the booking
// page and the appointment the publisher reports (V3 operator) carry Bruno's identity, never Alice's.
import { expectNoSeriousViolation } from './regulator-screen';
import type { Page } from '@playwright/test';
import type { Harness } from '@harness/harness';
import { expect, screenshot, test } from './fixtures';
import { login } from './helpers';
import { VIEWPORTS } from './viewports';

const ALICE = { nationalId: '899999000005', name: 'Alice Plumevert' };
const BRUNO = { nationalId: '899999000013', name: 'Bruno Lunedoux' };
const BORDEAUX = '33063';

/** A Bordeaux GP whose publisher takes SAS bookings and has slots soon (read from the running training data). */
function bookablePractitioner(harness: Harness): { nationalId: string; familyName: string; publisherId: string } {
  const now = new Date();
  const until = new Date(now.getTime() + 40 * 3600 * 1000);
  for (const practitioner of harness.training.directory.practitioners) {
    const publisher = practitioner.agendaSource
      ? harness.training.directory.getPublisher(practitioner.agendaSource)
      : undefined;
    if (!publisher || publisher.kind !== 'ps' || !publisher.acceptsV1Accounts) continue;
    if (!practitioner.places.some((p) => p.inseeCode === BORDEAUX)) continue;
    if (!practitioner.specialties.some((s) => s.code === 'SM54')) continue;
    const slots =
      harness.training.publishers.get(publisher.id)?.catalogue.slotsOf(practitioner.nationalId, now, until) ?? [];
    if (slots.length > 0)
      return { nationalId: practitioner.nationalId, familyName: practitioner.familyName, publisherId: publisher.id };
  }
  throw new Error('no bookable general practitioner in Bordeaux in the training data');
}

function launchUrl(gpNationalId: string): string {
  return (
    'sas-console://recherche?origin=TEST-SAMU000' +
    `&practitioner=urn:oid:1.2.250.1.71.4.2.1%7C${gpNationalId}` +
    '&specialty=urn:oid:1.2.250.1.213.2.28%7CSM54' +
    `&inseecode=${BORDEAUX}&streetname=cours%20de%20l%27Intendance&streetnumber=10`
  );
}

// The training stack starts in the fixture, inside the test's time: a loaded machine needs more than the default.
test.describe.configure({ timeout: 600_000 });

for (const viewport of VIEWPORTS) {
  test.describe(`à ${viewport.name}`, () => {
    test.use({ viewport: { width: viewport.width, height: viewport.height } });

    test(`shift change: logout ends every session, the next regulator logs in and books under their own name (${viewport.name})`, async ({
      page,
      harness,
    }) => {
      test.setTimeout(600_000);
      const chosen = bookablePractitioner(harness);
      const shot = (name: string, target: Page = page) =>
        screenshot(target, `shift-${viewport.name}-${name}`, { fullPage: false });
      await page.goto(harness.url);
      const first = await login(page, harness, { nationalId: ALICE.nationalId });
      await first.close();
      await expect(page.getByText(ALICE.name)).toBeVisible();
      await harness.training.backend.settled();

      // Alice has a search open when the shift ends.
      harness.launch(launchUrl(chosen.nationalId));
      const list = page.getByTestId('result-list');
      await expect(list.locator('article.card').first()).toBeVisible({ timeout: 60_000 });

      // « Se déconnecter » asks first: the open search will be dropped.
      await page.getByRole('button', { name: 'Se déconnecter' }).click();
      const dialog = page.getByRole('dialog', { name: 'Se déconnecter ?' });
      await expect(dialog).toBeVisible();
      await expect(dialog).toContainText('1 recherche est ouverte');
      await shot('01-logout-confirmation');
      await expectNoSeriousViolation(page);
      // Staying is possible: nothing is lost.
      await dialog.getByRole('button', { name: 'Rester connecté' }).click();
      await expect(dialog).toBeHidden();
      await expect(page.getByTestId('search-tab')).toBeVisible();
      await page.getByRole('button', { name: 'Se déconnecter' }).click();
      await dialog.getByRole('button', { name: 'Se déconnecter et fermer les recherches' }).click();
      await expect(page.getByRole('button', { name: 'Se connecter' })).toBeVisible();
      await expect(page.getByText(ALICE.name)).toHaveCount(0);
      await expect(page.getByTestId('search-tab')).toHaveCount(0);
      await shot('02-logged-out');

      // « Se connecter »: Pro Santé Connect shows its identity step again (no silent login as Alice).
      const popupPromise = page.context().waitForEvent('page');
      await page.getByRole('button', { name: 'Se connecter' }).click();
      const psc = await popupPromise;
      await psc.waitForLoadState('domcontentloaded');
      const identity = psc.locator(`input[name="identity"][value="${BRUNO.nationalId}"]`);
      await expect(identity).toBeVisible({ timeout: 15_000 });
      await expect(psc.getByLabel('Code PIN de la carte')).toBeVisible();
      await shot('03-psc-identity-step-again', psc);
      await identity.check();
      await psc.getByLabel('Code PIN de la carte').fill('1234');
      await psc.getByRole('button', { name: 'Se connecter' }).click();
      await expect(psc.getByRole('heading', { name: 'Connexion réussie' })).toBeVisible();
      await psc.close();
      await expect(page.getByText(BRUNO.name)).toBeVisible();
      await expect(page.getByText(ALICE.name)).toHaveCount(0);
      await harness.training.backend.settled();
      await shot('04-next-regulator-logged-in');

      // Bruno books a slot: the publisher's page and its report to the SAS carry Bruno's identity.
      harness.launch(launchUrl(chosen.nationalId));
      const card = list.locator('article.card').first();
      await expect(card.getByRole('heading', { level: 3 })).toContainText(chosen.familyName, { timeout: 60_000 });
      const slot = card.locator('button.slot[data-slot-kind="bookable"]').first();
      await expect(slot).toBeVisible({ timeout: 60_000 });
      const opened = page.context().waitForEvent('page');
      await slot.click();
      const booking = await opened;
      await booking.waitForLoadState('domcontentloaded');
      await expect(booking.getByTestId('booking-regulator')).toContainText(BRUNO.name);
      await expect(booking.getByTestId('booking-regulator')).not.toContainText(ALICE.name);
      await booking.getByLabel('Nom', { exact: true }).fill('Vermeilcourt');
      await booking.getByLabel('Prénom', { exact: true }).fill('Léonie');
      await booking.getByLabel('Date de naissance').fill('1987-04-23');
      await booking.getByLabel('Téléphone').fill('06 47 58 69 70');
      await booking.getByRole('button', { name: 'Confirmer le rendez-vous' }).click();
      await expect(booking.getByTestId('booking-status')).toContainText('Confirmé');
      await shot('05-booking-as-next-regulator', booking);
      const appointments = harness.training.publishers.get(chosen.publisherId)?.routes?.pages.bookings.list() ?? [];
      expect(appointments.map((a) => a.operatorId)).toEqual([BRUNO.nationalId]);
      await booking.close();
      await shot('06-console-after-booking');
    });
  });
}
