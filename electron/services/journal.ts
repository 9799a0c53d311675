// The shift's orientation journal, kept on the workstation: each contact beyond slots and each booking opened,
// confirmed or changed, with time and practitioner or CPTS. It holds no patient data: no name, no address, no
// phone of the patient — only who was contacted, when, and from which search tab.
//
// A journal that cannot be read or written is never ignored: the failure is logged (without the entries) and the
// regulator is told, because the shift's report relies on it.
import type { ContactRecord, JournalEntry, JournalKind } from '../../shared/api/console-api';
import { ConsoleError } from '../../shared/api/errors';
import { describeError, type Logger, silentLogger } from '@shared/util/logger';
import { formatOffset, offsetMinutes, toLocal } from '@shared/util/time-zone';

export interface JournalStore {
  readAll(): Promise<JournalEntry[]>;
  append(entry: JournalEntry): Promise<void>;
  /** Rewrites the store with only these entries (pruning old shifts). */
  replace(entries: JournalEntry[]): Promise<void>;
}

/** A shift is at most this long; older entries are dropped when the console starts. */
export const SHIFT_MS = 24 * 60 * 60 * 1000;

export interface JournalDeps {
  store: JournalStore;
  now: () => Date;
  newId: () => string;
  onChange: (entries: JournalEntry[]) => void;
  logger?: Logger;
  /** Who is logged in: entries are stamped with them, and each regulator sees only their own. */
  regulator?: () => JournalRegulator | undefined;
  /** The zone the CSV's local times are written in (the workstation's by default). */
  timeZone?: string;
}

export interface JournalRegulator {
  nationalId: string;
  name: string;
}

/** Shown when the journal file could not be read: entries noted earlier in the shift are missing. */
const JOURNAL_UNREADABLE =
  'Le journal de garde de ce poste n’a pas pu être lu : les actions notées plus tôt n’apparaissent pas. Les nouvelles actions sont notées.';
/** Shown when an action could not be written to the journal file (it stays visible until the console closes). */
const JOURNAL_NOT_SAVED =
  'L’action n’a pas pu être enregistrée dans le journal de garde de ce poste : notez-la par ailleurs pour le rapport de garde.';

export class Journal {
  private entries: JournalEntry[] = [];
  private readFailed = false;
  private readonly ready: Promise<void>;
  private readonly logger: Logger;

  constructor(private readonly deps: JournalDeps) {
    this.logger = (deps.logger ?? silentLogger).child('journal');
    this.ready = this.load();
  }

  private async load(): Promise<void> {
    let all: JournalEntry[];
    try {
      all = await this.deps.store.readAll();
    } catch (error) {
      this.readFailed = true;
      this.logger.error('journal not read', describeError(error));
      return;
    }
    const since = this.deps.now().getTime() - SHIFT_MS;
    this.entries = all.filter((e) => Date.parse(e.at) >= since);
    if (this.entries.length === all.length) return;
    try {
      await this.deps.store.replace(this.entries);
    } catch (error) {
      // Nothing is lost: the old entries stay in the file and are pruned again at the next start.
      this.logger.warn('journal not pruned', describeError(error));
    }
  }

  /** The shift's entries; rejects when the file could not be read, so the regulator knows some may be missing. */
  async list(): Promise<JournalEntry[]> {
    await this.ready;
    if (this.readFailed) throw new ConsoleError('journal-unavailable', JOURNAL_UNREADABLE);
    return this.list_();
  }

  /** The logged-in regulator changed (shift change): the screen shows the new one's entries only. */
  regulatorChanged(): void {
    void this.ready.then(() => this.deps.onChange(this.list_()));
  }

  async recordContact(contact: ContactRecord): Promise<JournalEntry> {
    return this.add('contact', contact.targetId, contact.targetName, contact.searchId, contact.phone);
  }

  async add(
    kind: JournalKind,
    targetId: string,
    targetName: string,
    searchId?: string,
    detail?: string,
  ): Promise<JournalEntry> {
    await this.ready;
    const regulator = this.deps.regulator?.();
    const entry: JournalEntry = {
      id: this.deps.newId(),
      at: this.deps.now().toISOString(),
      kind,
      targetId,
      targetName,
      ...(searchId ? { searchId } : {}),
      ...(detail ? { detail } : {}),
      ...(regulator ? { regulatorId: regulator.nationalId, regulatorName: regulator.name } : {}),
    };
    this.entries.push(entry);
    this.deps.onChange(this.list_());
    try {
      await this.deps.store.append(entry);
    } catch (error) {
      this.logger.error('journal entry not saved', { kind, ...describeError(error) });
      // Automatic notes (bookings, confirmations) have no caller to tell: the entry itself says it was not saved,
      // and the journal event carries it to the screen.
      const index = this.entries.indexOf(entry);
      const unsaved: JournalEntry = { ...entry, unsaved: true };
      if (index >= 0) this.entries[index] = unsaved;
      this.deps.onChange(this.list_());
      throw new ConsoleError('journal-unavailable', JOURNAL_NOT_SAVED, 'journal append failed');
    }
    return entry;
  }

  async exportCsv(): Promise<string> {
    await this.ready;
    return journalToCsv(this.list_(), this.deps.timeZone ?? workstationTimeZone());
  }

  /** The entries of the regulator logged in (all of them when the console knows no regulator: tests, tools). */
  private list_(): JournalEntry[] {
    if (!this.deps.regulator) return [...this.entries];
    const regulator = this.deps.regulator();
    if (!regulator) return [];
    return this.entries.filter((e) => e.regulatorId === regulator.nationalId);
  }
}

const KIND_LABELS: Record<JournalKind, string> = {
  contact: 'Contact hors créneaux',
  'booking-opened': 'Réservation ouverte',
  'booking-confirmed': 'Rendez-vous confirmé',
  'booking-changed': 'Rendez-vous modifié',
};

function workstationTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'Europe/Paris';
}

/** "03/12/2026 16:57" in the zone. */
function localDateTime(iso: string, timeZone: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  const local = toLocal(ms, timeZone);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(local.day)}/${pad(local.month)}/${local.year} ${pad(local.hour)}:${pad(local.minute)}`;
}

/** A national id worth a column (RPPS/IDNPS, FINESS); the console's own ids (entries, searches) never are. */
const NATIONAL_ID = /^\d{9,14}$/u;

/**
 * Semicolon-separated (what French spreadsheet software expects), with a BOM so accents survive. Times are the
 * zone's local time, the zone named on each line (with its offset, which changes with summer time); no internal id.
 */
export function journalToCsv(entries: readonly JournalEntry[], timeZone = 'Europe/Paris'): string {
  const header = [
    'Date et heure',
    'Fuseau',
    'Régulateur',
    'Action',
    'Professionnel ou structure',
    'RPPS ou FINESS',
    'Détail',
    'Enregistrement',
  ];
  const rows = entries.map((e) => [
    localDateTime(e.at, timeZone),
    `${timeZone} (UTC${formatOffset(offsetMinutes(Date.parse(e.at) || 0, timeZone))})`,
    e.regulatorName ?? '',
    KIND_LABELS[e.kind],
    e.targetName,
    NATIONAL_ID.test(e.targetId) ? e.targetId : '',
    e.detail ?? '',
    e.unsaved ? 'non enregistrée sur ce poste' : '',
  ]);
  return `\uFEFF${[header, ...rows].map((row) => row.map(csvCell).join(';')).join('\r\n')}\r\n`;
}

function csvCell(value: string): string {
  // A cell starting with = + - @ would be run as a formula by spreadsheet software.
  const safe = /^[=+\-@\t\r]/u.test(value) ? `'${value}` : value;
  return /[;"\r\n]/u.test(safe) ? `"${safe.replace(/"/gu, '""')}"` : safe;
}

export class MemoryJournalStore implements JournalStore {
  constructor(private entries: JournalEntry[] = []) {}
  async readAll() {
    return [...this.entries];
  }
  async append(entry: JournalEntry) {
    this.entries.push(entry);
  }
  async replace(entries: JournalEntry[]) {
    this.entries = [...entries];
  }
}
