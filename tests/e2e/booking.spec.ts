// Booking end to end, the whole path on the real training environment (training PSC, SAS backend, simulated
// publishers): an LRM launch in Bordeaux → login → results → a slot of a practitioner whose publisher takes
// bookings → the publisher's page opens already logged in (no login form, no PSC page: asserted on every page the
// publisher served) → patient form → confirm → "Mes orientations" shows « Confirmé » within 2 s, live → « Annuler
// le rendez-vous » at the publisher → the console shows « Annulé ». Then the shift's journal, its CSV export, the
// link back to the search tab, and no patient data anywhere in the console. Screenshots at each step.
import { expectNoSeriousViolation } from './regulator-screen';
import { readFileSync } from 'node:fs';
import type { Page, Response } from '@playwright/test';
import type { Harness } from '../../electron/harness/harness';
import { expect, screenshot, test } from './fixtures';
import { login } from './helpers';

const ALICE = 'Alice Plumevert';
/** The patient, typed at the publisher only: none of it may ever reach the console. */
const PATIENT = { familyName: 'Vermeilcourt', givenName: 'Léonie', birthDate: '1987-04-23', phone: '06 47 58 69 70' };
const BORDEAUX = '33063';
const GENERAL_MEDICINE = 'SM54';

/**
 * A general practitioner of Bordeaux whose publisher takes bookings from the SAS (a practitioners' publisher that
 * accepts RDV V1 accounts) and who has free slots in the next two days: read from the running training data, so the
 * test does not depend on the day it runs.
 */
function bookablePractitioner(harness: Harness): {
  nationalId: string;
  familyName: string;
  publisherId: string;
  publisherName: string;
} {
  const now = new Date();
  const until = new Date(now.getTime() + 40 * 3600 * 1000);
  for (const practitioner of harness.training.directory.practitioners) {
    const publisher = practitioner.agendaSource
      ? harness.training.directory.getPublisher(practitioner.agendaSource)
      : undefined;
    if (!publisher || publisher.kind !== 'ps' || !publisher.acceptsV1Accounts) continue;
    if (!practitioner.places.some((p) => p.inseeCode === BORDEAUX)) continue;
    if (!practitioner.specialties.some((s) => s.code === GENERAL_MEDICINE)) continue;
    const slots =
      harness.training.publishers.get(publisher.id)?.catalogue.slotsOf(practitioner.nationalId, now, until) ?? [];
    if (slots.length === 0) continue;
    return {
      nationalId: practitioner.nationalId,
      familyName: practitioner.familyName,
      publisherId: publisher.id,
      publisherName: publisher.name,
    };
  }
  throw new Error('no bookable general practitioner in Bordeaux in the training data');
}

/** The LRM launch: an address in Bordeaux, general medicine, and that practitioner as the patient's GP (first card). */
function launchUrl(gpNationalId: string): string {
  return (
    'sas-console://recherche?origin=TEST-SAMU000' +
    `&practitioner=urn:oid:1.2.250.1.71.4.2.1%7C${gpNationalId}` +
    '&specialty=urn:oid:1.2.250.1.213.2.28%7CSM54' +
    `&inseecode=${BORDEAUX}&streetname=cours%20de%20l%27Intendance&streetnumber=10`
  );
}

interface ServedDocument {
  url: string;
  status: number;
  loginForm: boolean;
}

/**
 * Every document served from now on outside the console's own origin (the "system browser" pages), with its body
 * checked. By origin, not by page: a popup's first navigations happen before Playwright hands out its Page.
 */
function recordPublisherDocuments(
  consolePage: Page,
  consoleOrigin: string,
): { settled: () => Promise<ServedDocument[]> } {
  const pending: Promise<ServedDocument>[] = [];
  const onResponse = (response: Response) => {
    if (response.request().resourceType() !== 'document' || response.url().startsWith(consoleOrigin)) return;
    const status = response.status();
    pending.push(
      (status >= 200 && status < 300 ? response.text() : Promise.resolve('')).then(
        (body) => ({ url: response.url(), status, loginForm: body.includes('data-testid="booking-login-form"') }),
        () => ({ url: response.url(), status, loginForm: false }),
      ),
    );
  };
  consolePage.context().on('response', onResponse);
  return {
    settled: async () => {
      consolePage.context().off('response', onResponse);
      return Promise.all(pending);
    },
  };
}

/** A semicolon-separated line of the journal's CSV (cells quoted with "" when they hold ; or quotes). */
function csvCells(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i += 1) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ';') {
      cells.push(cell);
      cell = '';
    } else cell += c;
  }
  cells.push(cell);
  return cells;
}

test('the whole path: LRM launch → slot → publisher already logged in → confirmed, then cancelled, live in « Mes orientations »', async ({
  page,
  harness,
}) => {
  test.setTimeout(120_000);
  const chosen = bookablePractitioner(harness);
  await page.goto(harness.url);
  const psc = await login(page, harness);
  await psc.close();
  // The login pushed Alice's account to every publisher (RDV V1): the publisher must know her before the booking.
  await harness.training.backend.settled();

  // The LRM launches a search: the practitioner, named as the patient's GP, is the first card.
  harness.launch(launchUrl(chosen.nationalId));
  const lrmTab = page.getByRole('button', { name: /^(?!Fermer).*LRM TEST-SAMU000 à \d\d:\d\d/u });
  await expect(lrmTab).toBeVisible();
  const list = page.getByTestId('result-list');
  const card = list.locator('article.card').first();
  await expect(card.getByRole('heading', { level: 3 })).toContainText(chosen.familyName, { timeout: 20_000 });
  const slot = card.locator('button.slot[data-slot-kind="bookable"]').first();
  await expect(slot).toBeVisible({ timeout: 20_000 });

  // « Mes orientations » from the header: empty, counter at 0.
  const openOrientations = page.getByTestId('open-orientations');
  await expect(openOrientations).toHaveAccessibleName(/^Mes orientations.*aucun rendez-vous/u);
  await openOrientations.click();
  const panel = page.getByTestId('orientations-panel');
  await expect(panel.getByRole('heading', { name: 'Mes orientations' })).toBeFocused();
  await expect(panel).toContainText('Aucun rendez-vous pour l’instant');
  await expect(page.getByTestId('orientations-count')).toHaveText('0');
  await screenshot(page, 'booking-01-results-and-empty-orientations');
  await expectNoSeriousViolation(page);

  // A slot opens the publisher's booking page in the "system browser": a new page of this browser.
  const served = recordPublisherDocuments(page, new URL(harness.url).origin);
  const opened = page.context().waitForEvent('page');
  await slot.click();
  const booking = await opened;
  await booking.waitForLoadState('domcontentloaded');
  await expect(booking.getByTestId('booking-regulator')).toContainText(ALICE);
  await expect(booking.getByTestId('booking-regulator')).toContainText('via la plateforme SAS');
  await expect(booking.getByRole('heading', { name: 'Prendre rendez-vous' })).toBeVisible();
  await expect(booking.getByTestId('booking-login-form')).toHaveCount(0);
  await expect(booking.getByTestId('booking-selected-slot')).toBeVisible();
  expect(new URL(booking.url()).pathname).toMatch(/^\/rdv\/.+\/agenda$/u);
  await screenshot(booking, 'booking-02-publisher-agenda-already-logged-in');

  // No login form appeared on any page the publisher served, and the training PSC showed nothing: the SSO went
  // through the backend's provider silently (RDV V2).
  const documents = await served.settled();
  const pscOrigin = new URL(harness.training.psc.issuer).origin;
  const publisherOrigin = new URL(booking.url()).origin;
  expect(documents.some((d) => d.url.startsWith(`${publisherOrigin}/rdv/`) && d.url.includes('origin=sas'))).toBe(true);
  expect(documents.some((d) => d.url.startsWith(harness.training.backend.identity.issuer))).toBe(true);
  expect(documents.filter((d) => d.url.startsWith(pscOrigin))).toEqual([]);
  expect(documents.filter((d) => d.loginForm)).toEqual([]);
  expect(harness.training.publishers.get(chosen.publisherId)?.server.origin).toBe(publisherOrigin);

  // The patient form, then confirm: the publisher reports the appointment to the SAS platform (RDV V3).
  await booking.getByLabel('Nom', { exact: true }).fill(PATIENT.familyName);
  await booking.getByLabel('Prénom', { exact: true }).fill(PATIENT.givenName);
  await booking.getByLabel('Date de naissance').fill(PATIENT.birthDate);
  await booking.getByLabel('Téléphone').fill(PATIENT.phone);
  await screenshot(booking, 'booking-03-patient-form');
  await booking.getByRole('button', { name: 'Confirmer le rendez-vous' }).click();
  await expect(booking.getByTestId('booking-status')).toContainText('Confirmé');
  await expect(booking.getByTestId('booking-report')).toContainText('Compte rendu transmis à la plateforme SAS');

  // The console shows it within 2 s, without any reload.
  const row = panel.getByTestId('orientation').first();
  await expect(row.getByTestId('orientation-status')).toHaveText('Confirmé', { timeout: 2_000 });
  await screenshot(booking, 'booking-04-publisher-confirmed');
  await expect(panel.getByTestId('orientation')).toHaveCount(1);
  await expect(row).toContainText(chosen.familyName);
  await expect(row).toContainText(`Éditeur : ${chosen.publisherName}`);
  await expect(row.getByTestId('orientation-updated')).toHaveText(/^mis à jour à \d\d:\d\d$/u);
  await expect(
    row.getByRole('button', { name: /^Revenir à la recherche — .*\(LRM TEST-SAMU000 à \d\d:\d\d\)$/u }),
  ).toBeVisible();
  await expect(page.getByTestId('orientations-count')).toHaveText('1');
  await expect(page.getByTestId('orientations-live')).toContainText(`Nouveau rendez-vous : `);
  await expect(page.getByTestId('orientations-live')).toContainText('Confirmé');
  await screenshot(page, 'booking-05-console-confirmed');
  await expectNoSeriousViolation(page);

  // « Annuler le rendez-vous » at the publisher: a conditional PUT, and the console shows « Annulé », live.
  await booking.getByRole('button', { name: 'Annuler le rendez-vous' }).click();
  await expect(booking.getByTestId('booking-status')).toContainText('Annulé');
  await screenshot(booking, 'booking-06-publisher-cancelled');
  await expect(row.getByTestId('orientation-status')).toHaveText('Annulé', { timeout: 2_000 });
  await expect(row).toHaveAttribute('data-status', 'cancelled');
  await expect(panel.getByTestId('orientation')).toHaveCount(1);
  await expect(page.getByTestId('orientations-live')).toContainText('Annulé');
  await screenshot(page, 'booking-07-console-cancelled');

  // The journal of the shift: the booking opened, confirmed, then changed — with the practitioner, never the patient.
  await page.keyboard.press('g');
  const journal = page.getByTestId('journal-panel');
  await expect(journal.getByRole('heading', { name: 'Journal de garde' })).toBeFocused();
  const rows = journal.getByTestId('journal-row');
  await expect(rows).toHaveCount(3);
  await expect(journal.locator('tr[data-kind="booking-opened"]')).toContainText('Réservation ouverte');
  await expect(journal.locator('tr[data-kind="booking-opened"]')).toContainText(chosen.familyName);
  await expect(journal.locator('tr[data-kind="booking-opened"]')).toContainText(chosen.publisherName);
  await expect(journal.locator('tr[data-kind="booking-confirmed"]')).toContainText('Rendez-vous confirmé');
  await expect(journal.locator('tr[data-kind="booking-confirmed"]')).toContainText('Confirmé');
  await expect(journal.locator('tr[data-kind="booking-changed"]')).toContainText('Annulé');
  await screenshot(page, 'booking-08-journal');
  await expectNoSeriousViolation(page);

  // « Exporter en CSV » downloads the journal; its rows are the ones on screen.
  const downloading = page.waitForEvent('download');
  await journal.getByRole('button', { name: 'Exporter en CSV' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^journal-sas-\d{4}-\d{2}-\d{2}\.csv$/u);
  const csv = readFileSync(await download.path(), 'utf8');
  expect(csv.startsWith('\uFEFF')).toBe(true);
  const [header, ...lines] = csv
    .slice(1)
    .split('\r\n')
    .filter((l) => l !== '');
  expect(csvCells(header ?? '')).toEqual([
    'Date et heure',
    'Fuseau',
    'Régulateur',
    'Action',
    'Professionnel ou structure',
    'RPPS ou FINESS',
    'Détail',
    'Enregistrement',
  ]);
  const fromCsv = lines
    .map((l) => csvCells(l))
    .map((c) => [c[3], c[4], c[6]].join(' | '))
    .sort();
  const onScreen = (
    await rows.evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')))
  )
    .map((c) => [c[2], c[3], c[4]].join(' | '))
    .sort();
  expect(fromCsv).toEqual(onScreen);
  expect(fromCsv.some((l) => l.startsWith('Réservation ouverte | '))).toBe(true);
  expect(fromCsv.some((l) => l.startsWith('Rendez-vous confirmé | '))).toBe(true);
  await expect(journal.getByRole('status')).toContainText(`Journal exporté : ${download.suggestedFilename()}`);

  // No patient data anywhere in the console or its export: the patient stayed at the publisher.
  const consoleText = await page.locator('body').innerText();
  for (const value of Object.values(PATIENT)) {
    expect(consoleText).not.toContain(value);
    expect(csv).not.toContain(value);
  }
  expect(consoleText).not.toContain('23/04/1987');

  // The appointment links back to its search tab: from another tab, one click brings the LRM search back.
  await page.getByRole('combobox', { name: 'Adresse ou commune du patient' }).fill('Agen');
  await page.getByRole('option', { name: /^Agen/u }).first().click();
  await page.getByRole('button', { name: 'Rechercher' }).click();
  const manualTab = page.getByRole('button', { name: /^(?!Fermer).*Recherche à \d\d:\d\d/u });
  await expect(manualTab).toHaveAttribute('aria-current', 'page');
  await page.keyboard.press('v');
  await expect(panel.getByRole('heading', { name: 'Mes orientations' })).toBeFocused();
  await panel.getByRole('button', { name: /^Revenir à la recherche — .*LRM TEST-SAMU000/u }).click();
  await expect(lrmTab).toHaveAttribute('aria-current', 'page');
  await expect(lrmTab).toBeFocused();
  await expect(panel).toHaveCount(0);
  await screenshot(page, 'booking-09-back-to-the-search-tab');
});
