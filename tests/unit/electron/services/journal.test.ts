import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { JournalEntry } from '@shared/api/console-api';
import { Journal, journalToCsv, MemoryJournalStore, SHIFT_MS } from '@services/journal';
import { FileJournalStore } from '@services/journal-file-store';
import { ConsoleError } from '@shared/api/errors';
import { createLogger, type LogRecord } from '@shared/util/logger';

const at = (iso: string) => () => new Date(iso);

describe('journal', () => {
  it('records contacts and notifies', async () => {
    const seen: JournalEntry[][] = [];
    let n = 0;
    const journal = new Journal({
      store: new MemoryJournalStore(),
      now: at('2026-11-26T10:00:00Z'),
      newId: () => `j${++n}`,
      onChange: (e) => seen.push(e),
    });
    const entry = await journal.recordContact({
      target: 'cpts',
      targetId: '470001234',
      targetName: 'CPTS Fictive',
      phone: '+33 5 00 00 00 00',
      searchId: 's1',
    });
    expect(entry).toMatchObject({
      kind: 'contact',
      targetId: '470001234',
      detail: '+33 5 00 00 00 00',
      searchId: 's1',
    });
    expect(seen.at(-1)).toHaveLength(1);
  });

  it('drops entries older than a shift on start', async () => {
    const old: JournalEntry = {
      id: 'a',
      at: new Date(Date.parse('2026-11-26T10:00:00Z') - SHIFT_MS - 1).toISOString(),
      kind: 'contact',
      targetId: 'x1',
      targetName: 'X',
    };
    const recent: JournalEntry = { ...old, id: 'b', at: '2026-11-26T09:00:00.000Z' };
    const store = new MemoryJournalStore([old, recent]);
    const journal = new Journal({ store, now: at('2026-11-26T10:00:00Z'), newId: () => 'n', onChange: () => {} });
    expect((await journal.list()).map((e) => e.id)).toEqual(['b']);
    expect((await store.readAll()).map((e) => e.id)).toEqual(['b']);
  });

  it('exports CSV with a BOM, semicolons, quoting and no formula injection', () => {
    const csv = journalToCsv([
      {
        id: '1',
        at: '2026-11-26T10:00:00.000Z',
        kind: 'contact',
        targetId: '8100',
        targetName: 'Dr "Test"; Fictif',
        detail: '=HYPERLINK("x")',
      },
    ]);
    expect(csv.startsWith('\uFEFFDate et heure;Fuseau;Régulateur;Action;')).toBe(true);
    const line = csv.split('\r\n')[1];
    // "8100" is no national id: the console's own ids never reach the CSV.
    expect(line).toBe(
      '26/11/2026 11:00;Europe/Paris (UTC+01:00);;Contact hors créneaux;"Dr ""Test""; Fictif";;"\'=HYPERLINK(""x"")";',
    );
  });

  it('file store appends, skips torn lines, and replaces atomically', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'journal-'));
    const file = join(dir, 'journal.jsonl');
    const store = new FileJournalStore(file);
    const entry: JournalEntry = {
      id: '1',
      at: '2026-11-26T10:00:00.000Z',
      kind: 'booking-opened',
      targetId: '8100',
      targetName: 'Dr Fictif',
    };
    await store.append(entry);
    await writeFile(file, `${await readFile(file, 'utf8')}{"id":"torn`, 'utf8');
    expect(await store.readAll()).toEqual([entry]);
    await store.replace([]);
    expect(await store.readAll()).toEqual([]);
  });

  it('file store starts empty when there is no file yet, but does not hide a file it cannot read', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'journal-'));
    expect(await new FileJournalStore(join(dir, 'absent.jsonl')).readAll()).toEqual([]);
    await mkdir(join(dir, 'folder.jsonl'));
    await expect(new FileJournalStore(join(dir, 'folder.jsonl')).readAll()).rejects.toThrow();
  });

  it('a journal that cannot be read is logged and reported, and still notes new actions', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'journal-'));
    await mkdir(join(dir, 'unreadable.jsonl'));
    const logs: LogRecord[] = [];
    const seen: JournalEntry[][] = [];
    const journal = new Journal({
      store: new FileJournalStore(join(dir, 'unreadable.jsonl')),
      now: at('2026-11-26T10:00:00Z'),
      newId: () => 'n1',
      onChange: (entries) => seen.push(entries),
      logger: createLogger((record) => logs.push(record)),
    });
    const failure = await journal.list().catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ConsoleError);
    expect((failure as ConsoleError).code).toBe('journal-unavailable');
    expect((failure as ConsoleError).message).toMatch(/journal de garde/u);
    expect(logs.map((r) => [r.level, r.scope, r.message])).toEqual([['error', 'journal', 'journal not read']]);
    // Writing to a folder fails too: the action is shown, logged, and the caller is told in French.
    await expect(
      journal.recordContact({ target: 'cpts', targetId: '470001234', targetName: 'CPTS Fictive' }),
    ).rejects.toMatchObject({ code: 'journal-unavailable' });
    expect(seen.at(-1)?.map((e) => e.id)).toEqual(['n1']);
    expect(logs.at(-1)).toMatchObject({
      level: 'error',
      message: 'journal entry not saved',
      fields: { kind: 'contact' },
    });
    // Logs never carry the entry itself (who was called, the phone number).
    expect(JSON.stringify(logs)).not.toContain('CPTS Fictive');
  });

  it('a journal whose writes fail says so to the caller and logs it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'journal-'));
    const logs: LogRecord[] = [];
    const journal = new Journal({
      store: new FileJournalStore(join(dir, 'later', 'journal.jsonl')),
      now: at('2026-11-26T10:00:00Z'),
      newId: () => 'n1',
      onChange: () => {},
      logger: createLogger((record) => logs.push(record)),
    });
    expect(await journal.list()).toEqual([]);
    // The journal's folder becomes a file (a full or broken disk behaves alike): appending fails.
    await writeFile(join(dir, 'later'), 'not a folder', 'utf8');
    await expect(journal.add('booking-opened', '8100', 'Dr Fictif')).rejects.toMatchObject({
      code: 'journal-unavailable',
    });
    expect(logs.map((r) => r.message)).toEqual(['journal entry not saved']);
    expect(await journal.exportCsv()).toContain('Dr Fictif');
  });
});
