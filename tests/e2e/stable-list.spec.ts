// A list that holds still, on the training stack with a slow publisher (answering seconds after the pick): the regulator picks card 3 while
// the patient's GP (first card, at the slow publisher) still waits for its slots; when the slots arrive and the GP
// card grows, card 3 stays where it was (< 2 px), under the pointer, selected and focused.
import { expectNoSeriousViolation } from './regulator-screen';
import type { Harness } from '@harness/harness';
import { FAULTY, faultyPublishers } from './faulty-publishers';
import { expect, screenshot, test } from './fixtures';
import { login } from './helpers';
import { VIEWPORTS } from './viewports';

/** Later than the first cards take to show on a loaded machine, so the pick comes well before the answer. */
const SLOW_MS = 40_000;

const BORDEAUX = '33063';

/** A Bordeaux GP at the slow publisher with slots in the coming hours: its card grows when they arrive. */
function slowGp(harness: Harness): { nationalId: string; familyName: string } {
  const now = new Date();
  const until = new Date(now.getTime() + 40 * 3600 * 1000);
  const catalogue = harness.training.publishers.get(FAULTY.slow.id)?.catalogue;
  const found = harness.training.directory.practitioners.find(
    (p) =>
      p.agendaSource === FAULTY.slow.id &&
      p.places.some((place) => place.inseeCode === BORDEAUX) &&
      p.specialties.some((s) => s.code === 'SM54') &&
      (catalogue?.slotsOf(p.nationalId, now, until).length ?? 0) > 0,
  );
  if (!found) throw new Error('no Bordeaux GP with slots at the slow publisher in the training data');
  return { nationalId: found.nationalId, familyName: found.familyName };
}

function launchWithGp(nationalId: string): string {
  return (
    'sas-console://recherche?origin=TEST-SAMU000' +
    `&practitioner=urn:oid:1.2.250.1.71.4.2.1%7C${nationalId}` +
    '&specialty=urn:oid:1.2.250.1.213.2.28%7CSM54' +
    `&inseecode=${BORDEAUX}&streetname=cours%20de%20l%27Intendance&streetnumber=10`
  );
}

test.use({ harnessOptions: faultyPublishers({ slowMs: SLOW_MS, timeoutMs: SLOW_MS + 20_000 }) });

// The training stack starts in the fixture, inside the test's time: a loaded machine needs more than the default.
test.describe.configure({ timeout: 600_000 });

for (const viewport of VIEWPORTS) {
  test.describe(`à ${viewport.name}`, () => {
    test.use({ viewport: { width: viewport.width, height: viewport.height } });

    test(`a late answer does not move the selected card (${viewport.name})`, async ({ page, harness }) => {
      test.setTimeout(600_000);
      const shot = (name: string) => screenshot(page, `stable-${viewport.name}-${name}`, { fullPage: false });
      const gp = slowGp(harness);
      await page.goto(harness.url);
      const psc = await login(page, harness);
      await psc.close();
      harness.launch(launchWithGp(gp.nationalId));
      const list = page.getByTestId('result-list');
      const cards = list.locator('article.card');
      const gpCard = list.locator('article.card-gp');
      await expect(gpCard.getByRole('heading', { level: 3 })).toContainText(gp.familyName, { timeout: 60_000 });
      await expect(cards.nth(2)).toBeVisible();
      // The GP's publisher has not answered yet: its card is still short.
      await expect(gpCard).toContainText(`Créneaux en attente de ${FAULTY.slow.name}`);
      await expect(gpCard.locator('button.slot')).toHaveCount(0);

      // The regulator picks card 3 (on its name, not on a slot).
      const third = cards.nth(2);
      const name = (await third.getByRole('heading', { level: 3 }).textContent()) ?? '';
      await third.getByRole('heading', { level: 3 }).click();
      await expect(third).toHaveAttribute('aria-current', 'true');
      const before = await third.boundingBox();
      // The measure must come before the late answer, else the test proves nothing.
      await expect(gpCard.locator('button.slot')).toHaveCount(0, { timeout: 1_000 });
      await shot('01-card-3-selected-before-late-answer');

      // The slow publisher answers: the GP card above gets its slots and grows.
      await expect(gpCard.locator('button.slot').first()).toBeVisible({ timeout: SLOW_MS + 20_000 });
      await page.waitForTimeout(500);
      const still = list.locator('article.card', { hasText: name }).first();
      const after = await still.boundingBox();
      expect(before).not.toBeNull();
      expect(after).not.toBeNull();
      expect(Math.abs((after?.y ?? 0) - (before?.y ?? 0))).toBeLessThan(2);
      expect(Math.abs((after?.x ?? 0) - (before?.x ?? 0))).toBeLessThan(2);
      // Still selected, still the same practitioner under the pointer.
      await expect(still).toHaveAttribute('aria-current', 'true');
      await shot('02-card-3-held-after-late-answer');
      await expectNoSeriousViolation(page);
    });
  });
}
