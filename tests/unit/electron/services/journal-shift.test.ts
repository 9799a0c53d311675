// The shift's journal across a shift change: every entry names its regulator, each regulator sees only their own,
// the CSV has local times with the zone and no internal id, and a failed write is shown on the entry.
import { describe, expect, it } from 'vitest';
import type { JournalEntry } from '@shared/api/console-api';
import { Journal, journalToCsv, MemoryJournalStore, type JournalRegulator } from '@services/journal';

const ALICE: JournalRegulator = { nationalId: '810000000001', name: 'Alice Plumevert' };
const BRUNO: JournalRegulator = { nationalId: '810000000002', name: 'Bruno Lamarre' };

function setUp(store = new MemoryJournalStore()) {
  let who: JournalRegulator | undefined = ALICE;
  let seq = 0;
  const events: JournalEntry[][] = [];
  const journal = new Journal({
    store,
    now: () => new Date('2026-07-01T08:30:00Z'),
    newId: () => `id-${(seq += 1)}`,
    onChange: (entries) => events.push(entries),
    regulator: () => who,
    timeZone: 'Indian/Reunion',
  });
  return { journal, events, become: (r: JournalRegulator | undefined) => (who = r) };
}

describe('journal of the shift', () => {
  it('names the regulator on every entry and shows each regulator their own entries', async () => {
    const { journal, become } = setUp();
    await journal.recordContact({ target: 'practitioner', targetId: '810002673899', targetName: 'Dr A' });
    become(BRUNO);
    journal.regulatorChanged();
    expect(await journal.list()).toEqual([]);
    await journal.recordContact({ target: 'cpts', targetId: '470000011', targetName: 'CPTS B' });
    const bruno = await journal.list();
    expect(bruno.map((e) => [e.targetName, e.regulatorName])).toEqual([['CPTS B', 'Bruno Lamarre']]);
    become(ALICE);
    expect((await journal.list()).map((e) => [e.targetName, e.regulatorId])).toEqual([['Dr A', ALICE.nationalId]]);
    become(undefined);
    expect(await journal.list()).toEqual([]);
  });

  it('exports local times in the journal zone, the zone named, the regulator, no internal id', async () => {
    const { journal } = setUp();
    await journal.recordContact({
      target: 'practitioner',
      targetId: '810002673899',
      targetName: 'Dr A',
      searchId: 'search-uuid-1234',
    });
    const csv = await journal.exportCsv();
    const [header, line] = csv.replace('\uFEFF', '').split('\r\n');
    expect(header).toBe(
      'Date et heure;Fuseau;Régulateur;Action;Professionnel ou structure;RPPS ou FINESS;Détail;Enregistrement',
    );
    // 08:30 UTC is 12:30 in Réunion (UTC+04:00).
    expect(line).toBe(
      '01/07/2026 12:30;Indian/Reunion (UTC+04:00);Alice Plumevert;Contact hors créneaux;Dr A;810002673899;;',
    );
    expect(csv).not.toContain('search-uuid-1234');
    expect(csv).not.toContain('id-1');
  });

  it('shows a failed write on the entry (automatic notes have no caller to tell) and still throws', async () => {
    const store = new MemoryJournalStore();
    store.append = () => Promise.reject(new Error('disk full'));
    const { journal, events } = setUp(store);
    await expect(journal.add('booking-opened', '810002673899', 'Dr A')).rejects.toMatchObject({
      code: 'journal-unavailable',
    });
    const last = events.at(-1) ?? [];
    expect(last.map((e) => e.unsaved)).toEqual([true]);
    expect((await journal.list())[0]?.unsaved).toBe(true);
    expect(journalToCsv(last, 'Europe/Paris')).toContain('non enregistrée sur ce poste');
  });

  it('writes Paris times with the summer and winter offsets', () => {
    const entry = (at: string): JournalEntry => ({ id: 'x', at, kind: 'contact', targetId: 'x', targetName: 'X' });
    const lines = journalToCsv([entry('2026-01-15T09:00:00Z'), entry('2026-07-15T09:00:00Z')], 'Europe/Paris')
      .split('\r\n')
      .slice(1, 3)
      .map((l) => l.split(';').slice(0, 2).join(';'));
    expect(lines).toEqual(['15/01/2026 10:00;Europe/Paris (UTC+01:00)', '15/07/2026 11:00;Europe/Paris (UTC+02:00)']);
  });
});
