// Shared steps of the regulator-screen specs (layout, slots, tabs, search bar, journal, LRM inputs): the two screen
// sizes, the training launches they use, the axe check.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import type { Harness } from '../../electron/harness/harness';
import { expect } from './fixtures';
import { login } from './helpers';

export const VIEWPORTS = [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
] as const;

/** An LRM launch with a street address in Agen and the specialty as free text, as real LRMs send it. */
export const AGEN_LAUNCH =
  'sas-console://recherche?origin=TEST-SAMU000&specialty=g%C3%A9n%C3%A9raliste' +
  '&inseecode=47001&city=Agen&streetname=boulevard%20des%20Lilas&streetnumber=101';

/** General medicine in Bordeaux (its SOS Médecins site takes walk-ins), GP named. */
export const BORDEAUX_LAUNCH =
  'sas-console://recherche?origin=TEST-SAMU000' +
  '&practitioner=urn:oid:1.2.250.1.71.4.2.1%7C899990002299' +
  '&specialty=urn:oid:1.2.250.1.213.2.28%7CSM54' +
  '&inseecode=33063&streetname=cours%20de%20l%27Intendance&streetnumber=10';

export async function expectNoSeriousViolation(page: Page): Promise<void> {
  const result = await new AxeBuilder({ page }).analyze();
  const serious = result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(serious).toEqual([]);
}

export async function openConsole(
  page: Page,
  harness: Harness,
  viewport: { width: number; height: number },
  nationalId?: string,
): Promise<void> {
  await page.setViewportSize(viewport);
  await page.goto(harness.url);
  const psc = await login(page, harness, nationalId ? { nationalId } : {});
  await psc.close();
}

export async function waitForResults(page: Page): Promise<void> {
  await expect(page.getByTestId('status-strip')).toContainText(/Recherche terminée/u, { timeout: 40_000 });
}

export const shot = (page: Page, name: string, viewport: { width: number; height: number }) =>
  page.screenshot({ path: `tests/e2e/screenshots/${name}-${viewport.width}x${viewport.height}.png` });
