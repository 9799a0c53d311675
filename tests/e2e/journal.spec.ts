// The journal of the shift on the real training environment, with a workstation whose journal file refuses writes:
// the booking noted automatically when a slot's page opens is shown as not saved (never swallowed); every entry
// names the regulator; times are local, the zone named on screen and in the CSV; the CSV carries no internal id.
// (Each regulator seeing only their own entries is covered by tests/unit/services/journal-shift.test.ts.)
import { readFileSync } from 'node:fs';
import { test as base } from '@playwright/test';
import type { JournalEntry } from '../../shared/api/console-api';
import { startHarness, type Harness } from '../../electron/harness/harness';
import { MemoryJournalStore } from '../../electron/services/journal';
import { expect } from './fixtures';
import {
  AGEN_LAUNCH,
  expectNoSeriousViolation,
  openConsole,
  shot,
  VIEWPORTS,
  waitForResults,
} from './regulator-screen';

/** A journal file that cannot be written (full disk, lost network share). */
class RefusingJournalStore extends MemoryJournalStore {
  override async append(entry: JournalEntry): Promise<void> {
    void entry;
    throw new Error('ENOSPC: no space left on device');
  }
}

const test = base.extend<{ harness: Harness }>({
  // eslint-disable-next-line no-empty-pattern
  harness: async ({}, use) => {
    const harness = await startHarness({ journalStore: new RefusingJournalStore() });
    await use(harness);
    await harness.close();
  },
});

test.describe.configure({ timeout: 420_000 });

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/iu;

for (const viewport of VIEWPORTS) {
  test(`${viewport.width}×${viewport.height}: a failed write is shown; regulator, local time and zone; CSV`, async ({
    page,
    harness,
  }) => {
    await openConsole(page, harness, viewport);
    harness.launch(AGEN_LAUNCH);
    await waitForResults(page);

    const slot = page.getByTestId('result-list').locator('button.slot[data-slot-kind="bookable"]').first();
    const opened = page.context().waitForEvent('page');
    await slot.click();
    await (await opened).close();
    await page.bringToFront();

    await page
      .getByRole('button', { name: /Journal de garde/u })
      .first()
      .click();
    const journal = page.getByTestId('journal-panel');
    await expect(journal.getByTestId('journal-unsaved')).toHaveText(/^1 action n’a pas pu être enregistrée/u);
    const row = journal.getByTestId('journal-row').first();
    await expect(row).toContainText('Alice Plumevert');
    await expect(row).toContainText('non enregistrée sur ce poste');
    await expect(row.locator('time')).toHaveText(/^\d\d:\d\d$/u);
    // The browser runs in Paris time (playwright.config.ts): the zone is named with its offset.
    await expect(journal.getByTestId('journal-zone')).toHaveText(/Heures locales du poste : .*\(UTC\+0[12]:00\)/u);
    await shot(page, 'journal-01-unsaved-entry', viewport);
    await expectNoSeriousViolation(page);

    const downloading = page.waitForEvent('download');
    await journal.getByRole('button', { name: 'Exporter en CSV' }).click();
    const csv = readFileSync(await (await downloading).path(), 'utf8');
    const [header, line] = csv.replace('\uFEFF', '').split('\r\n');
    expect(header).toBe(
      'Date et heure;Fuseau;Régulateur;Action;Professionnel ou structure;RPPS ou FINESS;Détail;Enregistrement',
    );
    expect(line).toMatch(
      /^\d\d\/\d\d\/\d{4} \d\d:\d\d;[A-Za-z_/]+ \(UTC[+-]\d\d:\d\d\);Alice Plumevert;Réservation ouverte;Dr [^;]+;\d{9,14};[^;]*;non enregistrée sur ce poste$/u,
    );
    expect(csv).not.toMatch(UUID);
  });
}
