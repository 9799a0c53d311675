// The shift's orientation journal, kept on the workstation: each contact beyond slots and each booking opened,
// confirmed or changed, with time and practitioner or CPTS. It holds no patient data: no name, no address, no
// phone of the patient — only who was contacted, when, and from which search tab.
//
// A journal that cannot be read or written is never ignored: the failure is logged (without the entries) and the
// regulator is told, because the shift's report relies on it.
import type { ContactRecord, JournalEntry, JournalKind } from '../../shared/api/console-api';
import { ConsoleError } from '../../shared/api/errors';
import { describeError, type Logger, silentLogger } from '@shared/util/logger';

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
    return [...this.entries];
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
    const entry: JournalEntry = {
      id: this.deps.newId(),
      at: this.deps.now().toISOString(),
      kind,
      targetId,
      targetName,
      ...(searchId ? { searchId } : {}),
      ...(detail ? { detail } : {}),
    };
    this.entries.push(entry);
    this.deps.onChange(this.list_());
    try {
      await this.deps.store.append(entry);
    } catch (error) {
      this.logger.error('journal entry not saved', { kind, ...describeError(error) });
      throw new ConsoleError('journal-unavailable', JOURNAL_NOT_SAVED, 'journal append failed');
    }
    return entry;
  }

  async exportCsv(): Promise<string> {
    await this.ready;
    return journalToCsv(this.entries);
  }

  private list_(): JournalEntry[] {
    return [...this.entries];
  }
}

const KIND_LABELS: Record<JournalKind, string> = {
  contact: 'Contact hors créneaux',
  'booking-opened': 'Réservation ouverte',
  'booking-confirmed': 'Rendez-vous confirmé',
  'booking-changed': 'Rendez-vous modifié',
};

/** Semicolon-separated (what French spreadsheet software expects), with a BOM so accents survive. */
export function journalToCsv(entries: readonly JournalEntry[]): string {
  const header = ['Date et heure', 'Action', 'Professionnel ou structure', 'Identifiant', 'Détail', 'Recherche'];
  const rows = entries.map((e) => [
    e.at,
    KIND_LABELS[e.kind],
    e.targetName,
    e.targetId,
    e.detail ?? '',
    e.searchId ?? '',
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
