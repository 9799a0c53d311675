// The orientation loop closed, on the training stack with a real RabbitMQ: an LRM launch, a publisher slot booked at
// the publisher (single sign-on) and confirmed there; the appointment reaches the simulated LRM of the launch's SAMU
// (« DRM à rattacher ») and the console says « Transmis au LRM »; cancelled at the publisher, the LRM receives the
// update. The same with a SAS-agenda slot booked and cancelled in the console.
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { agendaPractitioner, bookAtPublisher, gpCard, launchUrl, publisherPractitioner } from './orientation-helpers';
import { expectNoSeriousViolation, openConsole, shot, VIEWPORTS } from './regulator-screen';

const SAMU = 'fr.health.samu330';

test.describe.configure({ timeout: 300_000 });

/** The simulated LRM's row for a console entry (its reference is the start of the SAS appointment id). */
async function lrmRow(drm: Page, consoleRow: Locator): Promise<Locator> {
  const text = (await consoleRow.getByTestId('orientation-ref').textContent()) ?? '';
  const reference = /^Réf\. ([0-9a-f]{8})\b/u.exec(text)?.[1];
  if (!reference) throw new Error(`no reference in « ${text} »`);
  return drm.locator(`section[data-samu="${SAMU}"] tr[data-appointment-id^="${reference}"]`);
}

/** The page refreshes itself; a test does not wait for that. */
async function expectOnLrmPage(drm: Page, row: () => Promise<Locator>, status: string, updates: number) {
  await expect(async () => {
    await drm.reload();
    const found = await row();
    await expect(found).toHaveCount(1, { timeout: 500 });
    await expect(found.locator('td').nth(6)).toHaveText(status, { timeout: 500 });
    await expect(found.locator('ol li')).toHaveCount(updates, { timeout: 500 });
  }).toPass({ timeout: 30_000 });
}

test('an appointment booked at a publisher, then in the SAS agenda, reaches the LRM, and so do their cancellations', async ({
  page,
  harness,
}) => {
  const lrm = harness.training.lrm;
  if (!lrm) throw new Error('no broker: the training LRM link is off (SAS_TEST_AMQP_URL)');
  const viewport = VIEWPORTS[0];
  const atPublisher = publisherPractitioner(harness);
  const onAgenda = await agendaPractitioner(harness);
  await openConsole(page, harness, viewport);
  await harness.training.backend.settled();

  // A publisher slot, booked at the publisher; its page stays open to cancel later.
  harness.launch(launchUrl(atPublisher));
  const booking = await bookAtPublisher(page, await gpCard(page, atPublisher));
  await page.bringToFront();

  // The console: the entry, then « Transmis au LRM » once the LRM acknowledged it (RC-DE).
  await page.getByTestId('open-orientations').click();
  const panel = page.getByTestId('orientations-panel');
  const publisherRow = panel.locator('[data-testid="orientation"]:not([data-publisher="sas-agenda"])');
  await expect(publisherRow.getByTestId('orientation-status')).toHaveText('Confirmé', { timeout: 10_000 });
  await expect(publisherRow.getByTestId('orientation-lrm')).toHaveText('Transmis au LRM', { timeout: 30_000 });

  // The LRM of the launch's SAMU shows the orientation to attach to the call's record.
  const drm = await page.context().newPage();
  await drm.setViewportSize(viewport);
  await drm.goto(lrm.pageUrl);
  await expect(drm.getByRole('heading', { name: 'DRM à rattacher' })).toBeVisible();
  await expectOnLrmPage(drm, () => lrmRow(drm, publisherRow), 'Confirmé', 1);
  await expect(await lrmRow(drm, publisherRow)).toContainText(atPublisher.familyName);

  // Cancelled at the publisher (RDV V3 update): the LRM receives the update, the console follows.
  await booking.bringToFront();
  await booking.getByRole('button', { name: 'Annuler le rendez-vous' }).click();
  await expectOnLrmPage(drm, () => lrmRow(drm, publisherRow), 'Annulé', 2);
  await page.bringToFront();
  await expect(publisherRow.getByTestId('orientation-status')).toHaveText('Annulé', { timeout: 10_000 });
  await expect(publisherRow.getByTestId('orientation-lrm')).toHaveText('Transmis au LRM', { timeout: 30_000 });
  await page.keyboard.press('Escape');

  // A SAS-agenda slot, confirmed in the console.
  harness.launch(launchUrl(onAgenda));
  const agendaChip = (await gpCard(page, onAgenda)).locator('button.slot[data-slot-kind="sas-agenda"]').first();
  await expect(agendaChip).toBeVisible({ timeout: 30_000 });
  await agendaChip.click();
  await page.getByTestId('agenda-dialog').getByRole('button', { name: 'Confirmer le rendez-vous' }).click();
  await expect(page.getByTestId('agenda-dialog')).toHaveCount(0, { timeout: 10_000 });
  await page.getByTestId('open-orientations').click();
  const agendaRow = panel.locator('[data-testid="orientation"][data-publisher="sas-agenda"]');
  await expect(agendaRow.getByTestId('orientation-lrm')).toHaveText('Transmis au LRM', { timeout: 30_000 });
  await expectOnLrmPage(drm, () => lrmRow(drm, agendaRow), 'Confirmé', 1);
  await shot(page, 'lrm-transmission-01-orientations-transmitted', viewport);
  await expectNoSeriousViolation(page);

  // Cancelled in the console: the LRM receives the update.
  await agendaRow.getByRole('button', { name: 'Annuler le rendez-vous' }).click();
  await agendaRow.getByRole('button', { name: 'Oui, annuler le rendez-vous' }).click();
  await expect(agendaRow.getByTestId('orientation-status')).toHaveText('Annulé', { timeout: 10_000 });
  await expectOnLrmPage(drm, () => lrmRow(drm, agendaRow), 'Annulé', 2);
  await expect(agendaRow.getByTestId('orientation-lrm')).toHaveText('Transmis au LRM', { timeout: 30_000 });

  // The simulated LRM's page, at both sizes.
  await drm.bringToFront();
  for (const size of VIEWPORTS) {
    await drm.setViewportSize(size);
    await shot(drm, 'lrm-transmission-02-drm-page', size);
  }
  await expectNoSeriousViolation(drm);
});
