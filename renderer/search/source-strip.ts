// The status strip's content: how many sources answered, which are late or failed and why, in French.
// "14 éditeurs sur 16 ont répondu — Maiia : délai dépassé". Pure: the caller passes the clock.
import type { SourceInfo } from '../../shared/domain/search';
import { fr } from '../i18n/fr';
import type { SearchStreamState } from './search-stream';

/** A source still silent after this long is shown as late (the platform gives publishers 7 s at most). */
export const LATE_AFTER_MS = 3_000;

type SourceLineState = 'waiting' | 'late' | 'answered' | 'timeout' | 'error' | 'skipped';

export interface SourceLine {
  source: SourceInfo;
  state: SourceLineState;
  /** French, e.g. "délai dépassé", "en retard (5 s)", "12 créneaux". */
  text: string;
  /** The service's own explanation, when it gave one. */
  reason?: string;
}

export interface StripSummary {
  total: number;
  answered: number;
  /** "14 éditeurs sur 16 ont répondu". */
  headline: string;
  /** Sources late or failed, for the strip itself ("<éditeur> : délai dépassé"). */
  problems: SourceLine[];
  /** Every source, for the detail list. */
  lines: SourceLine[];
  /** What "Relancer la recherche" re-asks. */
  failed: SourceInfo[];
  waiting: number;
}

export function summarizeSources(stream: SearchStreamState, startedAt: number, now: number): StripSummary {
  const lines = stream.sources.map((source): SourceLine => {
    const status = stream.statuses[source.id];
    if (!status || status.state === 'pending') {
      const since =
        stream.retrying.includes(source.id) && stream.retriedAt !== undefined ? stream.retriedAt : startedAt;
      const waited = now - since;
      // Once the search is over, a source without an answer is not "waiting" any more.
      if (stream.phase === 'done') return { source, state: 'timeout', text: fr.sources.timeout };
      return waited >= LATE_AFTER_MS
        ? { source, state: 'late', text: fr.sources.lateSince(Math.floor(waited / 1000)) }
        : { source, state: 'waiting', text: fr.sources.waiting };
    }
    const reason = status.reason;
    switch (status.state) {
      case 'answered': {
        const text = fr.sources.answered(status.slotCount ?? 0);
        return {
          source,
          state: 'answered',
          text: status.ignoredEntries ? `${text}, ${fr.sources.ignored(status.ignoredEntries)}` : text,
        };
      }
      case 'timeout':
        return { source, state: 'timeout', text: fr.sources.timeout, ...(reason ? { reason } : {}) };
      case 'skipped':
        // Set aside by the circuit breaker: not an answer, and the strip says why.
        return { source, state: 'skipped', text: reason ?? fr.sources.skipped, ...(reason ? { reason } : {}) };
      default:
        return { source, state: 'error', text: reason ?? fr.sources.error, ...(reason ? { reason } : {}) };
    }
  });
  const answered = lines.filter((l) => l.state === 'answered').length;
  const problems = lines.filter(
    (l) => l.state === 'late' || l.state === 'timeout' || l.state === 'error' || l.state === 'skipped',
  );
  const failed = lines
    .filter((l) => l.state === 'timeout' || l.state === 'error' || l.state === 'skipped')
    .map((l) => l.source);
  return {
    total: lines.length,
    answered,
    headline: fr.sources.progress(answered, lines.length),
    problems,
    lines,
    failed,
    waiting: lines.filter((l) => l.state === 'waiting' || l.state === 'late').length,
  };
}
