// The shift's journal as table rows (time, action, practitioner or structure, detail) and the export's file name.
// Pure. The entries hold no patient data by construction (see electron/services/journal.ts); these rows show only
// their fields, so none can appear here either.
import type { JournalEntry, JournalKind } from '../../shared/api/console-api';
import { localDate } from '@shared/util/time-zone';
import { fr } from '../i18n/fr';
import { formatClock, workstationTimeZone } from '../search/format';

export interface JournalRow {
  id: string;
  /** "14:32", local time of the workstation (its zone named by the panel). */
  time: string;
  /** The entry's instant as stored (ISO 8601), for the `<time>` element. */
  iso: string;
  /** Full date and time in words, for the cell's title. */
  at: string;
  kind: JournalKind;
  action: string;
  target: string;
  detail: string;
  /** Who noted it (the logged-in regulator at the time). */
  regulator: string;
  /** The workstation could not write it: the regulator notes it elsewhere. */
  unsaved: boolean;
}

const fullFormat = (timeZone: string) =>
  new Intl.DateTimeFormat('fr-FR', { dateStyle: 'full', timeStyle: 'short', timeZone });

export function journalActionLabel(kind: JournalKind): string {
  return fr.journal.kinds[kind] ?? kind;
}

/** Newest first: the last action is what the regulator checks. Unreadable times go last. */
export function journalRows(entries: readonly JournalEntry[], timeZone = workstationTimeZone()): JournalRow[] {
  const full = fullFormat(timeZone);
  const time = (iso: string) => {
    const t = Date.parse(iso);
    return Number.isNaN(t) ? -Infinity : t;
  };
  return entries
    .map((entry, index) => ({ entry, index }))
    .sort((a, b) => time(b.entry.at) - time(a.entry.at) || b.index - a.index)
    .map(({ entry }) => {
      const at = Date.parse(entry.at);
      return {
        id: entry.id,
        time: Number.isNaN(at) ? '—' : formatClock(at, timeZone),
        iso: entry.at,
        at: Number.isNaN(at) ? entry.at : full.format(at),
        kind: entry.kind,
        action: journalActionLabel(entry.kind),
        target: entry.targetName,
        detail: entry.detail ?? '',
        regulator: entry.regulatorName ?? '',
        unsaved: entry.unsaved === true,
      };
    });
}

/** `journal-sas-2025-11-27.csv`: the shift's day on the workstation's clock. */
export function journalFileName(nowMs: number, timeZone = workstationTimeZone()): string {
  return `journal-sas-${localDate(nowMs, timeZone)}.csv`;
}
