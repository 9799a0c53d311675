// The privacy scan: the whole path with every file the console writes pointed into one temporary
// folder, then that folder scanned for the patient's data. Zero hits expected.
//
// The console's files: its journal (file-backed, as in Electron), its log, its renderer profile (Chromium's storage
// and caches: the console window runs in a persistent browser profile inside the folder), and the embedded training
// backend's database (PGlite on disk: in training mode the backend runs inside the console). The harness keeps
// settings and secrets in memory (there is no file-backed store for them outside Electron): not scanned, said so.
// The publisher's booking pages open in a separate "system browser" (another browser context, outside the folder),
// as they would on a workstation: the patient form belongs to the publisher, not to the console.
import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, expect, test, type BrowserContext, type Page } from '@playwright/test';
import { startHarness, type Harness } from '../../electron/harness/harness';
import { FileJournalStore } from '../../electron/services/journal-file-store';
import { chromiumLaunchOptions } from '../../playwright.config';
import { describeScan, scanTree, type Needle } from '../support/privacy-scan';

/** The patient's address in the LRM launch, and what is typed in the publisher's form: distinctive on purpose. */
const STREET_NAME = 'rue Zéphyrin Quasimodo';
const STREET_NUMBER = '4711';
const PATIENT = {
  familyName: 'Zorglub-Testpatient',
  givenName: 'Ermengarde',
  birthDate: '1937-05-14',
  phone: '0611223344',
};
const BORDEAUX = '33063';

const NEEDLES: Needle[] = [
  { label: 'nom de rue', text: STREET_NAME },
  { label: 'nom de rue (Quasimodo)', text: 'Quasimodo' },
  { label: 'nom de rue (Zéphyrin)', text: 'Zéphyrin' },
  { label: 'numéro de rue', text: STREET_NUMBER, wholeNumber: true },
  { label: 'nom du patient', text: PATIENT.familyName },
  { label: 'nom du patient (Zorglub)', text: 'Zorglub' },
  { label: 'prénom du patient', text: PATIENT.givenName },
  { label: 'date de naissance', text: PATIENT.birthDate },
  { label: 'date de naissance (JJ/MM/AAAA)', text: '14/05/1937' },
  { label: 'téléphone', text: PATIENT.phone, wholeNumber: true },
  { label: 'téléphone (espacé)', text: '06 11 22 33 44' },
  { label: 'téléphone (+33)', text: '+33611223344' },
];

/** A Bordeaux general practitioner with free slots, on a publisher that takes SAS bookings (as booking.spec.ts does). */
function bookablePractitioner(harness: Harness): { nationalId: string; familyName: string } {
  const now = new Date();
  const until = new Date(now.getTime() + 40 * 3600 * 1000);
  for (const practitioner of harness.training.directory.practitioners) {
    const publisher = practitioner.agendaSource
      ? harness.training.directory.getPublisher(practitioner.agendaSource)
      : undefined;
    if (!publisher || publisher.kind !== 'ps' || !publisher.acceptsV1Accounts) continue;
    if (!practitioner.places.some((p) => p.inseeCode === BORDEAUX)) continue;
    if (!practitioner.specialties.some((s) => s.code === 'SM54')) continue;
    if (
      (harness.training.publishers.get(publisher.id)?.catalogue.slotsOf(practitioner.nationalId, now, until) ?? [])
        .length === 0
    )
      continue;
    return { nationalId: practitioner.nationalId, familyName: practitioner.familyName };
  }
  throw new Error('no bookable general practitioner in Bordeaux in the training data');
}

/**
 * The console window's context never loads pages outside the harness: what it opens "in the system browser" is
 * caught here and handed to the test, which opens it in the system browser's context.
 */
function catchExternalOpens(consoleContext: BrowserContext, harnessOrigin: string) {
  const urls: string[] = [];
  const waiters: ((url: string) => void)[] = [];
  void consoleContext.route('**/*', async (route) => {
    const url = route.request().url();
    if (url.startsWith(harnessOrigin)) return route.continue();
    await route.abort();
    if (route.request().isNavigationRequest()) {
      urls.push(url);
      waiters.shift()?.(url);
    }
  });
  consoleContext.on('page', (page) => {
    // The window.open popups of the console: their navigation was aborted above; close them.
    if (consoleContext.pages().length > 1) void page.close().catch(() => undefined);
  });
  return {
    next: () => new Promise<string>((resolve) => waiters.push(resolve)),
    all: urls,
  };
}

test('privacy: after a whole path, no file the console wrote holds the patient’s address or form values', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const root = await mkdtemp(join(tmpdir(), 'sas-privacy-'));
  const consoleDir = join(root, 'console');
  const logFile = join(consoleDir, 'logs', 'console.log');
  mkdirSync(join(consoleDir, 'logs'), { recursive: true });
  const journalFile = join(consoleDir, 'journal', 'orientations.jsonl');
  let harness: Harness | undefined;
  let consoleContext: BrowserContext | undefined;
  let systemContext: BrowserContext | undefined;
  try {
    harness = await startHarness({
      journalStore: new FileJournalStore(journalFile),
      log: (line) => appendFileSync(logFile, `${new Date().toISOString()} ${line}\n`),
      training: { storage: { driver: 'pglite', dataDir: join(root, 'backend-formation', 'pglite') } },
    });
    const chosen = bookablePractitioner(harness);
    consoleContext = await chromium.launchPersistentContext(join(consoleDir, 'renderer-profile'), {
      ...chromiumLaunchOptions,
      locale: 'fr-FR',
      timezoneId: 'Europe/Paris',
      viewport: { width: 1440, height: 900 },
    });
    systemContext = await browser.newContext({ locale: 'fr-FR', timezoneId: 'Europe/Paris' });
    const external = catchExternalOpens(consoleContext, new URL(harness.url).origin);
    const consolePage: Page = consoleContext.pages()[0] ?? (await consoleContext.newPage());
    await consolePage.goto(harness.url);

    // Login: the console opens PSC in the system browser.
    const pscOpened = external.next();
    await consolePage.getByRole('button', { name: 'Se connecter' }).click();
    const system = await systemContext.newPage();
    await system.goto(await pscOpened);
    await system.getByLabel('Code PIN de la carte').fill('1234');
    await system.getByRole('button', { name: 'Se connecter' }).click();
    await expect(system.getByRole('heading', { name: 'Connexion réussie' })).toBeVisible();
    await expect(consolePage.getByRole('button', { name: 'Se déconnecter' })).toBeVisible();
    await harness.training.backend.settled();

    // The LRM launch with the patient's address; the bookable practitioner named as GP comes first.
    harness.launch(
      'sas-console://recherche?origin=TEST-SAMU000' +
        `&practitioner=urn:oid:1.2.250.1.71.4.2.1%7C${chosen.nationalId}` +
        '&specialty=urn:oid:1.2.250.1.213.2.28%7CSM54' +
        `&inseecode=${BORDEAUX}&streetname=${encodeURIComponent(STREET_NAME)}&streetnumber=${STREET_NUMBER}`,
    );
    const card = consolePage.getByTestId('result-list').locator('article.card').first();
    await expect(card.getByRole('heading', { level: 3 })).toContainText(chosen.familyName, { timeout: 20_000 });
    const slot = card.locator('button.slot[data-slot-kind="bookable"]').first();
    await expect(slot).toBeVisible({ timeout: 20_000 });

    // The slot's booking page, in the system browser, already logged in; the patient form; confirm.
    const bookingOpened = external.next();
    await slot.click();
    await system.goto(await bookingOpened);
    await expect(system.getByRole('heading', { name: 'Prendre rendez-vous' })).toBeVisible();
    await system.getByLabel('Nom', { exact: true }).fill(PATIENT.familyName);
    await system.getByLabel('Prénom', { exact: true }).fill(PATIENT.givenName);
    await system.getByLabel('Date de naissance').fill(PATIENT.birthDate);
    await system.getByLabel('Téléphone').fill(PATIENT.phone);
    await system.getByRole('button', { name: 'Confirmer le rendez-vous' }).click();
    await expect(system.getByTestId('booking-status')).toContainText('Confirmé');
    await expect(system.getByTestId('booking-report')).toContainText('Compte rendu transmis à la plateforme SAS');

    // The console learns it (RDV V3, live) and writes its journal.
    await consolePage.getByTestId('open-orientations').click();
    await expect(consolePage.getByTestId('orientations-panel').getByTestId('orientation-status').first()).toHaveText(
      'Confirmé',
      { timeout: 10_000 },
    );
    await expect
      .poll(async () => (await readFile(journalFile, 'utf8').catch(() => '')).includes('booking-confirmed'), {
        timeout: 10_000,
      })
      .toBe(true);
    expect(external.all.length).toBe(2);
  } finally {
    // Everything closed first, so every file is flushed before the scan.
    await systemContext?.close();
    await consoleContext?.close();
    await harness?.close();
  }

  // A witness file, so the scan is shown to find what it looks for in this very tree: the street as Chromium's storage
  // writes text (UTF-16LE) and the name as a URL carries it (percent-encoded, `+` for spaces).
  const witness = join('temoin', 'temoin.bin');
  mkdirSync(join(root, 'temoin'));
  writeFileSync(
    join(root, witness),
    Buffer.concat([
      Buffer.from(STREET_NAME, 'utf16le'),
      Buffer.from(`&n=${encodeURIComponent(`${PATIENT.givenName} ${PATIENT.familyName}`).replace(/%20/gu, '+')}`),
    ]),
  );
  const report = await scanTree(root, NEEDLES);
  console.log(describeScan({ ...report, hits: report.hits.filter((h) => h.file !== witness) }));
  console.log(
    'Non analysés (en mémoire dans le banc web) : réglages et secrets ; hors périmètre : le navigateur système (pages de l’éditeur).',
  );
  // The scan saw the console's real files: the journal with the booking, the renderer profile, the backend database.
  const journal = await readFile(journalFile, 'utf8');
  expect(journal).toContain('booking-opened');
  expect(journal).toContain('booking-confirmed');
  expect(report.files.some((f) => f.path.startsWith(join('console', 'renderer-profile')))).toBe(true);
  expect(report.files.some((f) => f.path.startsWith(join('backend-formation', 'pglite')))).toBe(true);
  expect(report.files.some((f) => f.path === join('console', 'logs', 'console.log'))).toBe(true);
  const witnessed = new Set(report.hits.filter((h) => h.file === witness).map((h) => h.needle));
  expect([...witnessed].sort()).toEqual([
    'nom de rue',
    'nom de rue (Quasimodo)',
    'nom de rue (Zéphyrin)',
    'nom du patient',
    'nom du patient (Zorglub)',
    'prénom du patient',
  ]);
  expect(report.hits.filter((h) => h.file !== witness)).toEqual([]);
  await rm(root, { recursive: true, force: true });
});
