import { expect, screenshot, test } from './fixtures';
import { login } from './helpers';

test('login through the training Pro Santé Connect, then logout', async ({ page, harness }) => {
  await page.goto(harness.url);
  const psc = await login(page, harness);
  await screenshot(psc, '02-login-callback-page');
  await psc.close();
  await expect(page.getByText('Alice Plumevert')).toBeVisible();
  await expect(page.getByText(/Session jusqu’à \d\d:\d\d/u)).toBeVisible();
  await screenshot(page, '03-logged-in');
  await page.getByRole('button', { name: 'Se déconnecter' }).click();
  await expect(page.getByRole('button', { name: 'Se connecter' })).toBeVisible();
  await expect(page.getByText('Alice Plumevert')).toHaveCount(0);
});

test('an inactive regulator is refused with a French message and no session', async ({ page, harness }) => {
  await page.goto(harness.url);
  const popupPromise = page.context().waitForEvent('page');
  await page.getByRole('button', { name: 'Se connecter' }).click();
  const psc = await popupPromise;
  await psc.locator('input[name="identity"][value="899999000021"]').check();
  await psc.getByLabel('Code PIN de la carte').fill('1234');
  await psc.getByRole('button', { name: 'Se connecter' }).click();
  await expect(psc.getByRole('heading', { name: 'Accès retiré' })).toBeVisible();
  await screenshot(psc, '04-login-refused-inactive');
  // The console learns it too, and says it in French.
  await expect(page.getByRole('button', { name: 'Se connecter' })).toBeVisible({ timeout: 15_000 });
  await expect(page.getByText(/retiré/u).first()).toBeVisible();
  await screenshot(page, '04b-console-after-refusal');
  await expect(page.getByRole('button', { name: 'Se déconnecter' })).toHaveCount(0);
});

test('a launch received while logged out waits for login; a malformed one is refused in French', async ({
  page,
  harness,
}) => {
  await page.goto(harness.url);
  harness.launch('sas-console://recherche?origin=TEST-SAMU000&streetnumber=12&inseecode=33063');
  const alert = page.getByRole('alert').filter({ hasText: 'Lancement depuis le logiciel de régulation refusé' });
  await expect(alert).toBeVisible();
  await expect(alert).toContainText('streetnumber');
  await screenshot(page, '05-launch-refused');
  harness.launch(
    'sas-console://recherche?origin=TEST-SAMU000&inseecode=33063&streetname=cours%20de%20l%27Intendance&streetnumber=10',
  );
  expect(harness.services.launches.pendingCount()).toBe(1);
  // The screen says a call's search waits for the login.
  await expect(page.getByTestId('launches-waiting')).toHaveText('1 recherche du LRM en attente de connexion');
  await screenshot(page, '05b-launch-waiting-for-login');
  await login(page, harness);
  await expect(page.getByTestId('launches-waiting')).toHaveCount(0);
  await expect.poll(() => harness.services.launches.pendingCount()).toBe(0);
  // It ran right after login, in its own tab labelled with its origin.
  await expect(
    page.getByRole('navigation').getByRole('button', { name: /^(?!Fermer).*LRM TEST-SAMU000/u }),
  ).toBeVisible();
  await expect(page.getByText(/Résultats autour de .*Bordeaux/u)).toBeVisible({ timeout: 20_000 });
  await screenshot(page, '06-queued-launch-ran-after-login');
});

test('a login in progress can be cancelled from the console', async ({ page, harness }) => {
  await page.goto(harness.url);
  const popupPromise = page.context().waitForEvent('page');
  await page.getByRole('button', { name: 'Se connecter' }).click();
  const psc = await popupPromise;
  await expect(page.getByRole('status')).toHaveText('Connexion en cours…');
  await screenshot(page, '02a-login-in-progress');
  await page.getByRole('button', { name: 'Annuler' }).click();
  await expect(page.getByRole('button', { name: 'Se connecter' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Se déconnecter' })).toHaveCount(0);
  // Finishing the abandoned login in the browser afterwards must not open a session.
  await psc.getByLabel('Code PIN de la carte').fill('1234');
  await psc.getByRole('button', { name: 'Se connecter' }).click();
  await psc.waitForLoadState('load');
  await expect(page.getByRole('button', { name: 'Se déconnecter' })).toHaveCount(0);
});
