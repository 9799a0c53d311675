// What the orientation specs share: practitioners of the training data chosen for what the test books (a publisher
// taking SAS bookings with single sign-on, or the SAS agenda), the LRM launch naming them as GP, and their card.
import type { Locator, Page } from '@playwright/test';
import type { Harness } from '../../electron/harness/harness';
import { expect } from './fixtures';

const GENERAL_MEDICINE = 'SM54';
const PATIENT = {
  familyName: 'Vermeilcourt',
  givenName: 'Léonie',
  birthDate: '1987-04-23',
  phone: '06 47 58 69 70',
};

export interface Chosen {
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
export function publisherPractitioner(harness: Harness): Chosen {
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
export async function agendaPractitioner(harness: Harness): Promise<Chosen> {
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
export const launchUrl = (chosen: Chosen) =>
  'sas-console://recherche?origin=TEST-SAMU000' +
  `&practitioner=urn:oid:1.2.250.1.71.4.2.1%7C${chosen.nationalId}` +
  `&specialty=urn:oid:1.2.250.1.213.2.28%7C${GENERAL_MEDICINE}&inseecode=${chosen.inseeCode}`;

export async function gpCard(page: Page, chosen: Chosen) {
  const card = page.getByTestId('result-list').locator('article.card').first();
  await expect(card.getByRole('heading', { level: 3 })).toContainText(chosen.familyName, { timeout: 30_000 });
  return card;
}

/**
 * Books the first bookable slot of the card at its publisher (the page opens already logged in: single sign-on),
 * fills the patient and confirms there; the publisher's page is returned, still open.
 */
export async function bookAtPublisher(page: Page, card: Locator): Promise<Page> {
  const bookable = card.locator('button.slot[data-slot-kind="bookable"]').first();
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
  return booking;
}
