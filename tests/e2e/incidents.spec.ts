// Incidents tell one story, on the training stack: access withdrawn mid-shift → the header shows the logged-out
// state with « Se reconnecter », the tab keeps its query (paused) and reruns after the next login; the SAS server
// unreachable → the tab says so with « Réessayer » and the LRM launch stays; a refused login of the previous user is
// not shown to the next one after a logout.
import { expectNoSeriousViolation } from './regulator-screen';
import { expect, screenshot, test } from './fixtures';
import { login } from './helpers';
import { VIEWPORTS } from './viewports';

const ALICE = { nationalId: '899999000005', name: 'Alice Plumevert' };
const CHLOE_INACTIVE = '899999000021';
const LAUNCH =
  'sas-console://recherche?origin=TEST-SAMU000&specialty=urn:oid:1.2.250.1.213.2.28%7CSM54' +
  '&inseecode=33063&streetname=cours%20de%20l%27Intendance&streetnumber=10';

// The training stack starts in the fixture, inside the test's time: a loaded machine needs more than the default.
test.describe.configure({ timeout: 600_000 });

for (const viewport of VIEWPORTS) {
  test.describe(`à ${viewport.name}`, () => {
    test.use({ viewport: { width: viewport.width, height: viewport.height } });

    test(`access withdrawn mid-shift: « Se reconnecter », the tab kept and rerun after login (${viewport.name})`, async ({
      page,
      harness,
    }) => {
      test.setTimeout(600_000);
      const shot = (name: string) => screenshot(page, `incidents-${viewport.name}-${name}`, { fullPage: false });
      await page.goto(harness.url);
      const psc = await login(page, harness, { nationalId: ALICE.nationalId });
      await psc.close();
      harness.launch(LAUNCH);
      const tab = page.getByRole('navigation').getByRole('button', { name: /^(?!Fermer).*LRM TEST-SAMU000/u });
      await expect(tab).toBeVisible();
      await expect(page.getByTestId('result-list').locator('article.card').first()).toBeVisible({ timeout: 60_000 });

      // The regulator's access is withdrawn: the next refresh of the session is refused.
      await harness.training.storage.regulators.setActive(ALICE.nationalId, false);
      await harness.session.refresh().catch(() => undefined);
      const header = page.getByRole('banner');
      await expect(header.getByRole('button', { name: 'Se reconnecter' })).toBeVisible();
      await expect(header.getByText(ALICE.name)).toHaveCount(0);
      await expect(page.getByRole('button', { name: 'Se déconnecter' })).toHaveCount(0);
      const ended = page.getByTestId('session-ended');
      await expect(ended).toContainText('Session terminée');
      await expect(ended).toContainText('Votre recherche est conservée : elle sera relancée après la reconnexion.');
      // The tab and its query are still there.
      await expect(tab).toBeVisible();
      await shot('01-session-ended-tab-kept');
      await expectNoSeriousViolation(page);

      // Access given back, the regulator logs in again: the same tab runs its search again.
      await harness.training.storage.regulators.setActive(ALICE.nationalId, true);
      const popupPromise = page.context().waitForEvent('page');
      await header.getByRole('button', { name: 'Se reconnecter' }).click();
      const again = await popupPromise;
      await again.locator(`input[name="identity"][value="${ALICE.nationalId}"]`).check();
      await again.getByLabel('Code PIN de la carte').fill('1234');
      await again.getByRole('button', { name: 'Se connecter' }).click();
      await expect(again.getByRole('heading', { name: 'Connexion réussie' })).toBeVisible();
      await again.close();
      await expect(header.getByText(ALICE.name)).toBeVisible();
      await expect(ended).toHaveCount(0);
      await expect(tab).toBeVisible();
      await expect(
        page.getByRole('navigation').getByRole('button', { name: /^(?!Fermer).*LRM TEST-SAMU000/u }),
      ).toHaveCount(1);
      await expect(page.getByTestId('result-list').locator('article.card').first()).toBeVisible({ timeout: 60_000 });
      await expect(page.getByTestId('status-strip').getByRole('status')).toHaveText(/ont répondu|a répondu/u, {
        timeout: 60_000,
      });
      await shot('02-tab-rerun-after-login');
    });

    test(`backend unreachable: the tab says so with « Réessayer », the LRM launch is kept (${viewport.name})`, async ({
      page,
      harness,
    }) => {
      const shot = (name: string) => screenshot(page, `incidents-${viewport.name}-${name}`, { fullPage: false });
      await page.goto(harness.url);
      const psc = await login(page, harness, { nationalId: ALICE.nationalId });
      await psc.close();
      // The SAS server goes away mid-shift (the console's access token is still valid).
      await harness.training.backend.close();
      harness.launch(LAUNCH);
      const tab = page.getByRole('navigation').getByRole('button', { name: /^(?!Fermer).*LRM TEST-SAMU000/u });
      await expect(tab).toBeVisible();
      const panel = page.getByTestId('search-tab');
      await expect(panel.getByRole('alert')).toContainText('Le serveur SAS ne répond pas', { timeout: 30_000 });
      const retry = panel.getByRole('button', { name: 'Réessayer' });
      await expect(retry).toBeVisible();
      await shot('05-backend-unreachable');
      await expectNoSeriousViolation(page);
      // « Réessayer » runs the same search again in the same tab (still unreachable here: it says so again).
      await retry.click();
      await expect(panel.getByRole('alert')).toContainText('Le serveur SAS ne répond pas', { timeout: 30_000 });
      // « Mes orientations » says its live link is lost and that it is reconnecting (by itself, no button).
      await page.getByTestId('open-orientations').click();
      const orientations = page.getByTestId('orientations-panel');
      await expect(orientations.getByTestId('orientations-reconnecting')).toHaveText(
        /^Connexion perdue — reconnexion…/u,
        { timeout: 30_000 },
      );
      await shot('06-orientations-reconnecting');
      await expectNoSeriousViolation(page);
      await expect(
        page.getByRole('navigation').getByRole('button', { name: /^(?!Fermer).*LRM TEST-SAMU000/u }),
      ).toHaveCount(1);
    });

    test(`the previous user's login refusal is cleared at logout (${viewport.name})`, async ({ page, harness }) => {
      test.setTimeout(600_000);
      const shot = (name: string) => screenshot(page, `incidents-${viewport.name}-${name}`, { fullPage: false });
      await page.goto(harness.url);
      const refused = await login(page, harness, { nationalId: CHLOE_INACTIVE }).catch(() => undefined);
      expect(refused).toBeUndefined();
      await expect(page.getByText(/retiré/u).first()).toBeVisible({ timeout: 15_000 });
      await shot('03-refusal-shown');
      for (const p of page.context().pages()) if (p !== page) await p.close();
      const psc = await login(page, harness, { nationalId: ALICE.nationalId });
      await psc.close();
      await page.getByRole('button', { name: 'Se déconnecter' }).click();
      await expect(page.getByRole('button', { name: 'Se connecter' })).toBeVisible();
      await expect(page.getByText(/retiré/u)).toHaveCount(0);
      await expect(page.getByText('Vous êtes déconnecté.')).toBeVisible();
      await shot('04-after-logout-no-previous-refusal');
      await expectNoSeriousViolation(page);
    });
  });
}
