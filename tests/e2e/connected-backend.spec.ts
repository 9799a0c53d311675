// The console against a backend that runs as its own process, as on every real workstation: the training backend
// started by `npm run backend` (child process, free ports), the web harness pointed at it with its URL bare and
// with a trailing slash. The whole path: login → search → booking at a publisher → « Mes orientations », and the
// FORMATION badge because the backend says it is a training one.
import { type ChildProcess, spawn } from 'node:child_process';
import type { Locator, Page } from '@playwright/test';
import { loadTrainingDataset } from '../../backend/training/dataset/files';
import { startConnectedHarness, type ConnectedHarness } from '../../electron/harness/harness';
import { expect, screenshot, test } from './fixtures';

interface BackendProcess {
  url: string;
  child: ChildProcess;
}

/** `npm run backend` with SAS_BACKEND_PORT=0: reads the backend's address from what it prints. */
async function startBackendProcess(): Promise<BackendProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'backend/cli.ts'], {
    env: { ...process.env, SAS_BACKEND_PORT: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  let errors = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    errors = (errors + chunk.toString('utf8')).slice(-4000);
  });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`backend not started in 60 s:\n${errors}`)), 60_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const found = /API et fournisseur d’identité : (http:\/\/127\.0\.0\.1:\d+)/u.exec(output);
      if (found?.[1]) {
        clearTimeout(timer);
        resolve(found[1]);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`backend exited (${String(code)}):\n${errors}`));
    });
  });
  return { url, child };
}

async function stopBackendProcess(backend: BackendProcess): Promise<void> {
  if (backend.child.exitCode !== null) return;
  const exited = new Promise((resolve) => backend.child.once('exit', resolve));
  backend.child.kill('SIGTERM');
  await exited;
}

/** The training PSC login, in the page the console opens as its "system browser". */
async function loginAsAlice(page: Page): Promise<void> {
  const opened = page.context().waitForEvent('page');
  await page.getByRole('button', { name: 'Se connecter' }).click();
  const psc = await opened;
  await psc.waitForLoadState('domcontentloaded');
  await psc.getByLabel('Code PIN de la carte').fill('1234');
  await psc.getByRole('button', { name: 'Se connecter' }).click();
  await expect(psc.getByRole('heading', { name: 'Connexion réussie' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Se déconnecter' })).toBeVisible();
  await psc.close();
}

const LAUNCH =
  'sas-console://recherche?origin=TEST-SAMU000&specialty=urn:oid:1.2.250.1.213.2.28%7CSM54' +
  '&inseecode=33063&streetname=cours%20de%20l%27Intendance&streetnumber=10';

/**
 * Family names of the practitioners whose publisher takes bookings from the SAS (a practitioners' publisher that
 * accepts RDV V1 accounts): read from the training data set the backend process runs on.
 */
async function bookableFamilyNames(): Promise<Set<string>> {
  const { careOffer } = await loadTrainingDataset();
  const accepting = new Set(
    careOffer.publishers.filter((p) => p.kind === 'ps' && p.acceptsV1Accounts).map((p) => p.id),
  );
  return new Set(
    careOffer.practitioners.filter((p) => p.agendaSource && accepting.has(p.agendaSource)).map((p) => p.familyName),
  );
}

/** The first bookable slot of a card whose practitioner's publisher takes SAS bookings. */
async function bookableSlot(page: Page, names: Set<string>): Promise<Locator> {
  const cards = page.getByTestId('result-list').locator('article.card');
  await expect(cards.locator('button.slot[data-slot-kind="bookable"]').first()).toBeVisible({ timeout: 30_000 });
  for (let index = 0; index < (await cards.count()); index += 1) {
    const card = cards.nth(index);
    const heading = (await card.getByRole('heading', { level: 3 }).textContent()) ?? '';
    const slot = card.locator('button.slot[data-slot-kind="bookable"]').first();
    if ([...names].some((name) => heading.includes(name)) && (await slot.count()) > 0) return slot;
  }
  throw new Error('no card with a slot bookable from the SAS');
}

let backend: BackendProcess;

test.beforeAll(async () => {
  test.setTimeout(90_000);
  backend = await startBackendProcess();
});

test.afterAll(async () => {
  if (backend) await stopBackendProcess(backend);
});

for (const variant of [
  { name: 'bare', suffix: '' },
  { name: 'trailing-slash', suffix: '/' },
]) {
  test(`connected to a separate backend (URL ${variant.name}): login → search → booking → « Mes orientations »`, async ({
    page,
  }) => {
    test.setTimeout(150_000);
    const harness: ConnectedHarness = await startConnectedHarness(`${backend.url}${variant.suffix}`);
    try {
      // Every request the console page or its "system browser" makes to the backend: none with a doubled slash.
      const backendRequests: string[] = [];
      page.context().on('request', (request) => {
        if (request.url().startsWith(backend.url)) backendRequests.push(request.url());
      });
      await page.goto(harness.url);
      // A training backend says so: « FORMATION » in connected mode too.
      await expect(page.locator('header').getByText('FORMATION').first()).toBeVisible();
      await loginAsAlice(page);

      harness.launch(LAUNCH);
      await expect(page.getByRole('button', { name: /^(?!Fermer).*LRM TEST-SAMU000 à \d\d:\d\d/u })).toBeVisible();
      const slot = await bookableSlot(page, await bookableFamilyNames());
      await screenshot(page, `connected-${variant.name}-01-results`);

      const opened = page.context().waitForEvent('page');
      await slot.click();
      const booking = await opened;
      await booking.waitForLoadState('domcontentloaded');
      // The account push to the publishers (RDV V1) runs after the login, in the backend process: give it a moment.
      await expect(async () => {
        if ((await booking.getByTestId('booking-regulator').count()) === 0) await booking.reload();
        await expect(booking.getByTestId('booking-regulator')).toContainText('Alice Plumevert', { timeout: 1_000 });
      }).toPass({ timeout: 15_000 });
      await booking.getByLabel('Nom', { exact: true }).fill('Testcourt');
      await booking.getByLabel('Prénom', { exact: true }).fill('Léa');
      await booking.getByLabel('Date de naissance').fill('1990-01-02');
      await booking.getByLabel('Téléphone').fill('06 00 00 00 00');
      await booking.getByRole('button', { name: 'Confirmer le rendez-vous' }).click();
      await expect(booking.getByTestId('booking-status')).toContainText('Confirmé');

      await page.getByTestId('open-orientations').click();
      const row = page.getByTestId('orientations-panel').getByTestId('orientation').first();
      await expect(row.getByTestId('orientation-status')).toHaveText('Confirmé', { timeout: 10_000 });
      await screenshot(page, `connected-${variant.name}-02-orientations`);

      expect(backendRequests.length).toBeGreaterThan(0);
      expect(backendRequests.filter((url) => new URL(url).pathname.includes('//'))).toEqual([]);
    } finally {
      await harness.close();
    }
  });
}
