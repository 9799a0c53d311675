import { expect, screenshot, test } from './fixtures';

test('the console opens on its French shell, in training', async ({ page, harness }) => {
  await page.goto(harness.url);
  await expect(page.getByText('SAS Console', { exact: true })).toBeVisible();
  await expect(page.getByText('FORMATION', { exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Se connecter' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Connectez-vous pour rechercher une offre de soins');
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await screenshot(page, '01-shell-logged-out');
});
