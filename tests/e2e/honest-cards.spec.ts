// Honest cards, on the training stack with faulty publishers: a practitioner whose publisher has not answered yet
// says « Créneaux en attente de DocOrbite », then « DocOrbite n’a pas répondu — relancer » once it timed out; a
// failing publisher and one set aside by the circuit breaker say so too — never « Aucun créneau publié ». The status
// strip counts the set-aside publisher as not answered, with its reason.
import { expectNoSeriousViolation } from './regulator-screen';
import type { Harness } from '../../electron/harness/harness';
import { FAULTY, faultyPublishers, PUBLISHER_TIMEOUT_MS } from './faulty-publishers';
import { expect, screenshot, test } from './fixtures';
import { login } from './helpers';
import { VIEWPORTS } from './viewports';

const BORDEAUX = '33063';
const NO_SLOT = /Aucun créneau publié/u;

/** A Bordeaux general practitioner whose agenda is at this publisher. */
function practitionerAt(harness: Harness, publisherId: string): { nationalId: string; familyName: string } {
  const found = harness.training.directory.practitioners.find(
    (p) =>
      p.agendaSource === publisherId &&
      p.places.some((place) => place.inseeCode === BORDEAUX) &&
      p.specialties.some((s) => s.code === 'SM54'),
  );
  if (!found) throw new Error(`no Bordeaux GP at ${publisherId} in the training data`);
  return { nationalId: found.nationalId, familyName: found.familyName };
}

/** An LRM launch naming this practitioner as the patient's GP: the card is pinned first. */
function launchWithGp(nationalId: string): string {
  return (
    'sas-console://recherche?origin=TEST-SAMU000' +
    `&practitioner=urn:oid:1.2.250.1.71.4.2.1%7C${nationalId}` +
    '&specialty=urn:oid:1.2.250.1.213.2.28%7CSM54' +
    `&inseecode=${BORDEAUX}&streetname=cours%20de%20l%27Intendance&streetnumber=10`
  );
}

test.use({ harnessOptions: faultyPublishers() });

// The training stack starts in the fixture, inside the test's time: a loaded machine needs more than the default.
test.describe.configure({ timeout: 600_000 });

for (const viewport of VIEWPORTS) {
  test.describe(`à ${viewport.name}`, () => {
    test.use({ viewport: { width: viewport.width, height: viewport.height } });

    test(`cards say what their publisher did: waiting, no answer, failed, set aside (${viewport.name})`, async ({
      page,
      harness,
    }) => {
      test.setTimeout(600_000);
      const shot = (name: string) => screenshot(page, `honest-${viewport.name}-${name}`, { fullPage: false });
      await page.goto(harness.url);
      const psc = await login(page, harness);
      await psc.close();
      const list = page.getByTestId('result-list');
      const gpCard = list.locator('article.card-gp');

      // The hanging publisher: waiting first, then « n’a pas répondu — relancer ».
      const hanging = practitionerAt(harness, FAULTY.hanging.id);
      harness.launch(launchWithGp(hanging.nationalId));
      await expect(gpCard.getByRole('heading', { level: 3 })).toContainText(hanging.familyName, { timeout: 60_000 });
      await expect(gpCard).toContainText(`Créneaux en attente de ${FAULTY.hanging.name}`);
      await expect(gpCard).not.toContainText(NO_SLOT);
      await shot('01-waiting-for-publisher');
      await expect(gpCard).toContainText(`${FAULTY.hanging.name} n’a pas répondu`, {
        timeout: PUBLISHER_TIMEOUT_MS + 10_000,
      });
      await expect(gpCard.getByRole('button', { name: `Relancer ${FAULTY.hanging.name}` })).toBeVisible();
      await expect(gpCard).not.toContainText(NO_SLOT);
      // The strip counts it as not answered.
      const strip = page.getByTestId('status-strip');
      await expect(strip.locator(`[data-source-id="${FAULTY.hanging.id}"]`)).toHaveAttribute('data-state', 'timeout');
      await shot('02-publisher-did-not-answer');
      await expectNoSeriousViolation(page);
      // « relancer » on the card asks that publisher again: the card waits again.
      await gpCard.getByRole('button', { name: `Relancer ${FAULTY.hanging.name}` }).click();
      await expect(gpCard).toContainText(`Créneaux en attente de ${FAULTY.hanging.name}`);
      await shot('03-card-retry-waiting');

      // The failing publisher.
      const failing = practitionerAt(harness, FAULTY.failing.id);
      harness.launch(launchWithGp(failing.nationalId));
      await expect(gpCard.getByRole('heading', { level: 3 })).toContainText(failing.familyName, { timeout: 60_000 });
      await expect(gpCard).toContainText(`${FAULTY.failing.name} n’a pas répondu`, { timeout: 15_000 });
      await expect(gpCard).not.toContainText(NO_SLOT);
      await shot('04-publisher-failed');

      // The publisher set aside by the circuit breaker.
      const setAsideGp = practitionerAt(harness, FAULTY.setAside.id);
      harness.launch(launchWithGp(setAsideGp.nationalId));
      await expect(gpCard.getByRole('heading', { level: 3 })).toContainText(setAsideGp.familyName, {
        timeout: 60_000,
      });
      await expect(gpCard).toContainText(`${FAULTY.setAside.name} écarté temporairement après des échecs répétés`);
      await expect(gpCard.getByRole('button', { name: `Relancer ${FAULTY.setAside.name}` })).toBeVisible();
      await expect(gpCard).not.toContainText(NO_SLOT);
      // The strip names the set-aside publisher with its reason and does not count it as answered.
      const setAside = strip.locator(`[data-source-id="${FAULTY.setAside.id}"]`);
      await expect(setAside).toHaveAttribute('data-state', 'skipped');
      await expect(setAside).toContainText(`${FAULTY.setAside.name} : écarté temporairement après des échecs répétés`);
      const headline = (await strip.getByRole('status').textContent()) ?? '';
      const [answered, total] = (headline.match(/\d+/gu) ?? []).map(Number);
      expect(answered).toBeLessThan(total ?? 0);
      await shot('05-publisher-set-aside');
      await expectNoSeriousViolation(page);
    });
  });
}
