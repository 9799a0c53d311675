// Shared steps of the end-to-end tests: logging in through the training Pro Santé Connect, as a regulator would.
import type { Page } from '@playwright/test';
import { expect } from '@playwright/test';
import type { Harness } from '../../electron/harness/harness';

export interface TrainingLogin {
  /** Training identity's national id; default: the first one (Alice Plumevert, active regulator). */
  nationalId?: string;
  method?: 'cps' | 'ecps';
}

/**
 * Clicks "Se connecter", completes the training PSC login in the page the console opens (the harness's "system
 * browser" is a new page of the same browser), and waits for the console to show the user.
 */
export async function login(page: Page, harness: Harness, options: TrainingLogin = {}): Promise<Page> {
  void harness;
  const popupPromise = page.context().waitForEvent('page');
  await page.getByRole('button', { name: 'Se connecter' }).click();
  const psc = await popupPromise;
  await psc.waitForLoadState('domcontentloaded');
  await expect(psc.getByText('FORMATION').first()).toBeVisible();
  if (options.nationalId) await psc.locator(`input[name="identity"][value="${options.nationalId}"]`).check();
  if (options.method === 'ecps') {
    await psc.locator('input[name="method"][value="ecps"]').check();
    await psc.getByRole('button', { name: 'Se connecter' }).click();
    await expect(psc.getByText('Validez sur votre téléphone').first()).toBeVisible();
    await psc.getByRole('button', { name: 'Continuer' }).click();
  } else {
    await psc.getByLabel('Code PIN de la carte').fill('1234');
    await psc.getByRole('button', { name: 'Se connecter' }).click();
  }
  await expect(psc.getByRole('heading', { name: 'Connexion réussie' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Se déconnecter' })).toBeVisible();
  return psc;
}
