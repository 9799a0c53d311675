// « Mes orientations » you act on, on the real training environment, at both screen sizes: two LRM launches (two
// calls); a publisher slot booked at the publisher (SSO) from the first; a SAS-agenda slot confirmed in the console
// from the second (accessible dialog: Échap cancels, Entrée confirms, the hand-over phone shown). Each entry names
// its call, the practitioner and the place, its reference, its status history and its LRM transmission state; the
// SAS-agenda one is cancelled in the console, the publisher one re-opens its booking page at the publisher.
import type { Page } from '@playwright/test';
import type { Harness } from '../../electron/harness/harness';
import { expect, test } from './fixtures';
import { expectNoSeriousViolation, openConsole, shot, VIEWPORTS } from './regulator-screen';

const GENERAL_MEDICINE = 'SM54';
const PATIENT = { familyName: 'Vermeilcourt', givenName: 'Léonie', birthDate: '1987-04-23', phone: '06 47 58 69 70' };

interface Chosen {
  nationalId: string;
  familyName: string;
  inseeCode: string;
}

/** The coming hours the search shows in its first days, clear of slots about to start. */
function soonWindow(): { from: Date; to: Date } {
  const now = Date.now();
  return { from: new Date(now + 30 * 60_000), to: new Date(now + 40 * 3600_000) };
}

/** A general practitioner whose publisher takes bookings from the SAS with single sign-on, with free slots soon. */
function publisherPractitioner(harness: Harness): Chosen {
  const { from, to } = soonWindow();
  for (const p of harness.training.directory.practitioners) {
    const publisher = p.agendaSource ? harness.training.directory.getPublisher(p.agendaSource) : undefined;
    if (!publisher || publisher.kind !== 'ps' || !publisher.acceptsV1Accounts) continue;
    const inseeCode = p.places[0]?.inseeCode;
    if (!inseeCode || !p.specialties.some((s) => s.code === GENERAL_MEDICINE)) continue;
    if ((harness.training.publishers.get(publisher.id)?.catalogue.slotsOf(p.nationalId, from, to) ?? []).length === 0)
      continue;
    return { nationalId: p.nationalId, familyName: p.familyName, inseeCode };
  }
  throw new Error('no bookable general practitioner in the training data');
}

/** A general practitioner on the SAS agenda (no interfaced software) with agenda slots soon. */
async function agendaPractitioner(harness: Harness): Promise<Chosen> {
  const { from, to } = soonWindow();
  const candidates = harness.training.directory.practitioners.filter(
    (p) => p.agendaSource === 'sas-agenda' && p.specialties.some((s) => s.code === GENERAL_MEDICINE),
  );
  for (const p of candidates) {
    const inseeCode = p.places[0]?.inseeCode;
    if (!inseeCode) continue;
    const slots = await harness.training.storage.agendaSlots.listForPractitioners([p.nationalId], { from, to });
    if (slots.length > 0) return { nationalId: p.nationalId, familyName: p.familyName, inseeCode };
  }
  throw new Error('no general practitioner on the SAS agenda with slots in the training data');
}

/** An LRM launch naming the practitioner as the patient's GP: their card comes first. */
const launchUrl = (chosen: Chosen) =>
  'sas-console://recherche?origin=TEST-SAMU000' +
  `&practitioner=urn:oid:1.2.250.1.71.4.2.1%7C${chosen.nationalId}` +
  `&specialty=urn:oid:1.2.250.1.213.2.28%7C${GENERAL_MEDICINE}&inseecode=${chosen.inseeCode}`;

async function gpCard(page: Page, chosen: Chosen) {
  const card = page.getByTestId('result-list').locator('article.card').first();
  await expect(card.getByRole('heading', { level: 3 })).toContainText(chosen.familyName, { timeout: 30_000 });
  return card;
}

test.describe.configure({ timeout: 300_000 });

for (const viewport of VIEWPORTS) {
  test(`${viewport.width}×${viewport.height}: a publisher booking and a SAS-agenda booking, acted on from « Mes orientations »`, async ({
    page,
    harness,
  }) => {
    const atPublisher = publisherPractitioner(harness);
    const onAgenda = await agendaPractitioner(harness);
    await openConsole(page, harness, viewport);
    // The login pushed the regulator's account to the publishers (RDV V1): they must know her before a booking.
    await harness.training.backend.settled();

    // First call: a publisher slot, booked at the publisher (already logged in), confirmed there.
    harness.launch(launchUrl(atPublisher));
    const first = await gpCard(page, atPublisher);
    const bookable = first.locator('button.slot[data-slot-kind="bookable"]').first();
    await expect(bookable).toBeVisible({ timeout: 30_000 });
    const opened = page.context().waitForEvent('page');
    await bookable.click();
    const booking = await opened;
    await booking.waitForLoadState('domcontentloaded');
    await booking.getByLabel('Nom', { exact: true }).fill(PATIENT.familyName);
    await booking.getByLabel('Prénom', { exact: true }).fill(PATIENT.givenName);
    await booking.getByLabel('Date de naissance').fill(PATIENT.birthDate);
    await booking.getByLabel('Téléphone').fill(PATIENT.phone);
    await booking.getByRole('button', { name: 'Confirmer le rendez-vous' }).click();
    await expect(booking.getByTestId('booking-status')).toContainText('Confirmé');
    await booking.close();
    await page.bringToFront();

    // Its entry names the call, the practitioner and the place, and offers to re-open the publisher's page.
    await page.getByTestId('open-orientations').click();
    const panel = page.getByTestId('orientations-panel');
    const publisherRow = panel.locator('[data-testid="orientation"]:not([data-publisher="sas-agenda"])');
    await expect(publisherRow).toHaveCount(1, { timeout: 5_000 });
    await expect(publisherRow.getByTestId('orientation-status')).toHaveText('Confirmé');
    await expect(publisherRow).toContainText(atPublisher.familyName);
    await expect(publisherRow.getByTestId('orientation-call')).toHaveText(
      /^Appel LRM TEST-SAMU000 · .+ · lancé à \d\d:\d\d$/u,
    );
    await expect(publisherRow.getByTestId('orientation-place')).toHaveText(/^Lieu : .+\d{5} /u);
    await expect(publisherRow.getByRole('button', { name: 'Ouvrir chez l’éditeur' })).toBeVisible();
    await shot(page, 'orientations-actions-00-publisher-entry', viewport);
    await expectNoSeriousViolation(page);
    await page.keyboard.press('Escape');
    await expect(panel).toHaveCount(0);

    // Second call: a SAS-agenda slot of the practitioner named as GP.
    harness.launch(launchUrl(onAgenda));
    const second = await gpCard(page, onAgenda);
    const agendaChip = second.locator('button.slot[data-slot-kind="sas-agenda"]').first();
    await expect(agendaChip).toBeVisible({ timeout: 30_000 });
    await expect(agendaChip).not.toContainText('appeler');
    const chipTime = (await agendaChip.locator('.slot-time').textContent()) ?? '';

    // The confirmation: practitioner, place, time (as the chip reads it), mode, the hand-over phone. Échap cancels.
    await agendaChip.click();
    const dialog = page.getByTestId('agenda-dialog');
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole('heading', { name: 'Confirmer le rendez-vous dans l’agenda SAS' })).toBeVisible();
    await expect(dialog.getByTestId('agenda-practitioner')).toContainText(onAgenda.familyName);
    await expect(dialog.getByTestId('agenda-time')).toContainText(chipTime);
    await expect(dialog.getByTestId('agenda-place')).not.toBeEmpty();
    await expect(dialog.getByTestId('agenda-phone')).toContainText(/\d\d \d\d \d\d \d\d \d\d|aucun numéro connu/u);
    await expect(dialog.getByRole('button', { name: 'Confirmer le rendez-vous' })).toBeFocused();
    await shot(page, 'orientations-actions-01-agenda-confirmation', viewport);
    await expectNoSeriousViolation(page);
    // Tab stays inside the dialog.
    for (let i = 0; i < 4; i += 1) {
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.closest('dialog') !== null)).toBe(true);
    }
    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
    await expect(agendaChip).toBeFocused();

    // Entrée confirms: the chip shows booked.
    await agendaChip.click();
    await expect(dialog).toBeVisible();
    await page.keyboard.press('Enter');
    await shot(page, 'orientations-actions-02-agenda-answer', viewport);
    await expect(dialog).toHaveCount(0, { timeout: 10_000 });
    await expect(agendaChip).toContainText('réservé');
    await expect(page.getByTestId('booking-feedback')).toContainText('confirmé dans l’agenda SAS');

    // « Mes orientations »: both entries, each naming its call, the practitioner and the place.
    await page.getByTestId('open-orientations').click();
    const agendaRow = panel.locator('[data-testid="orientation"][data-publisher="sas-agenda"]');
    await expect(agendaRow).toHaveCount(1);
    await expect(publisherRow).toHaveCount(1);
    for (const [row, chosen] of [
      [agendaRow, onAgenda],
      [publisherRow, atPublisher],
    ] as const) {
      await expect(row).toContainText(chosen.familyName);
      await expect(row.getByTestId('orientation-call')).toHaveText(
        /^Appel LRM TEST-SAMU000 · .+ · lancé à \d\d:\d\d$/u,
      );
      await expect(row.getByTestId('orientation-place')).toHaveText(/^Lieu : /u);
      await expect(row.getByTestId('orientation-ref')).toHaveText(/^Réf\. [0-9a-z]{1,8}/iu);
      // Sent back to the SAMU of the launch: transmitted once the LRM acknowledged, pending until then.
      await expect(row.getByTestId('orientation-lrm')).toHaveText(
        /^(Transmis au LRM|En attente de transmission au LRM)$/u,
      );
    }
    await expect(agendaRow.getByTestId('orientation-status')).toHaveText('Confirmé');
    await expect(publisherRow.getByRole('button', { name: 'Ouvrir chez l’éditeur' })).toBeVisible();
    await agendaRow.getByTestId('orientation-history').locator('summary').click();
    await expect(agendaRow.getByTestId('orientation-history').locator('li').first()).toHaveText(
      /^\d\d:\d\d — Confirmé$/u,
    );
    await shot(page, 'orientations-actions-03-orientations', viewport);
    await expectNoSeriousViolation(page);

    // Cancelling the SAS-agenda appointment in the console, after a yes.
    await agendaRow.getByRole('button', { name: 'Annuler le rendez-vous' }).click();
    await agendaRow.getByRole('button', { name: 'Oui, annuler le rendez-vous' }).click();
    await expect(agendaRow.getByTestId('orientation-status')).toHaveText('Annulé', { timeout: 10_000 });
    await expect(agendaRow.getByTestId('orientation-history').locator('li')).toHaveCount(2);
    await shot(page, 'orientations-actions-04-agenda-cancelled', viewport);

    // « Ouvrir chez l’éditeur » re-opens the booking page that led to the publisher's appointment (SSO).
    const reopened = page.context().waitForEvent('page');
    await publisherRow.getByRole('button', { name: 'Ouvrir chez l’éditeur' }).click();
    const again = await reopened;
    await again.waitForLoadState('domcontentloaded');
    await expect(again.getByTestId('booking-login-form')).toHaveCount(0);
    await again.close();
  });
}
