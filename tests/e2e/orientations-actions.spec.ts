// « Mes orientations » you act on, on the real training environment, at both screen sizes: two LRM launches (two
// calls); a publisher slot booked at the publisher (SSO) from the first; a SAS-agenda slot confirmed in the console
// from the second (accessible dialog: Échap cancels, Entrée confirms, the hand-over phone shown). Each entry names
// its call, the practitioner and the place, its reference, its status history and its LRM transmission state; the
// SAS-agenda one is cancelled in the console, the publisher one re-opens its booking page at the publisher.
import { expect, test } from './fixtures';
import { agendaPractitioner, bookAtPublisher, gpCard, launchUrl, publisherPractitioner } from './orientation-helpers';
import { expectNoSeriousViolation, openConsole, shot, VIEWPORTS } from './regulator-screen';

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
    const booking = await bookAtPublisher(page, await gpCard(page, atPublisher));
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
