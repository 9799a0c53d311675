import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { JournalEntry } from '../../../shared/api/console-api';
import { Journal, journalToCsv, MemoryJournalStore, SHIFT_MS } from '../../../electron/services/journal';
import { FileJournalStore } from '../../../electron/services/journal-file-store';

const at = (iso: string) => () => new Date(iso);

describe('journal', () => {
  it('records contacts and notifies', async () => {
    const seen: JournalEntry[][] = [];
    let n = 0;
    const journal = new Journal({ store: new MemoryJournalStore(), now: at('2026-11-26T10:00:00Z'), newId: () => `j${++n}`, onChange: (e) => seen.push(e) });
    const entry = await journal.recordContact({ target: 'cpts', targetId: '470001234', targetName: 'CPTS Fictive', phone: '+33 5 00 00 00 00', searchId: 's1' });
    expect(entry).toMatchObject({ kind: 'contact', targetId: '470001234', detail: '+33 5 00 00 00 00', searchId: 's1' });
    expect(seen.at(-1)).toHaveLength(1);
  });

  it('drops entries older than a shift on start', async () => {
    const old: JournalEntry = { id: 'a', at: new Date(Date.parse('2026-11-26T10:00:00Z') - SHIFT_MS - 1).toISOString(), kind: 'contact', targetId: 'x1', targetName: 'X' };
    const recent: JournalEntry = { ...old, id: 'b', at: '2026-11-26T09:00:00.000Z' };
    const store = new MemoryJournalStore([old, recent]);
    const journal = new Journal({ store, now: at('2026-11-26T10:00:00Z'), newId: () => 'n', onChange: () => {} });
    expect((await journal.list()).map((e) => e.id)).toEqual(['b']);
    expect((await store.readAll()).map((e) => e.id)).toEqual(['b']);
  });

  it('exports CSV with a BOM, semicolons, quoting and no formula injection', () => {
    const csv = journalToCsv([
      { id: '1', at: '2026-11-26T10:00:00.000Z', kind: 'contact', targetId: '8100', targetName: 'Dr "Test"; Fictif', detail: '=HYPERLINK("x")' },
    ]);
    expect(csv.startsWith('\uFEFFDate et heure;Action;')).toBe(true);
    const line = csv.split('\r\n')[1];
    expect(line).toBe('2026-11-26T10:00:00.000Z;Contact hors créneaux;"Dr ""Test""; Fictif";8100;"\'=HYPERLINK(""x"")";');
  });

  it('file store appends, skips torn lines, and replaces atomically', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'journal-'));
    const file = join(dir, 'journal.jsonl');
    const store = new FileJournalStore(file);
    const entry: JournalEntry = { id: '1', at: '2026-11-26T10:00:00.000Z', kind: 'booking-opened', targetId: '8100', targetName: 'Dr Fictif' };
    await store.append(entry);
    await writeFile(file, `${await readFile(file, 'utf8')}{"id":"torn`, 'utf8');
    expect(await store.readAll()).toEqual([entry]);
    await store.replace([]);
    expect(await store.readAll()).toEqual([]);
  });
});
