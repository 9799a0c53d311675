import { describe, expect, it } from 'vitest';
import type { SearchEvent } from '@shared/domain/search';
import { applyStreamEvent, initialStreamState, markRetrying } from '@renderer/search/search-stream';
import { LATE_AFTER_MS, summarizeSources } from '@renderer/search/source-strip';
import { AGENDA, LOCATION_EVENT, offer, practitioner, SOURCE_A, SOURCE_B } from '@tests/unit/renderer/fixtures';

const started = 1_000_000;
const base = [
  LOCATION_EVENT,
  { type: 'offer', offer: offer([practitioner(1)]), gp: { state: 'not-provided' } } as SearchEvent,
].reduce(applyStreamEvent, initialStreamState);

describe('the status strip', () => {
  it('counts answers and names the silent source as waiting, then late', () => {
    const state = [
      { type: 'source-status', status: { source: SOURCE_A, state: 'answered', slotCount: 12 } } as SearchEvent,
      {
        type: 'source-status',
        status: { source: AGENDA, state: 'answered', slotCount: 1, ignoredEntries: 2 },
      } as SearchEvent,
    ].reduce(applyStreamEvent, base);
    const early = summarizeSources(state, started, started + 500);
    expect(early.headline).toBe('2 éditeurs sur 3 ont répondu');
    expect(early.problems).toEqual([]);
    expect(early.lines.find((l) => l.source.id === 'b')?.state).toBe('waiting');
    expect(early.lines.find((l) => l.source.id === 'a')?.text).toBe('12 créneaux');
    expect(early.lines.find((l) => l.source.id === 'sas-agenda')?.text).toBe(
      '1 créneau, 2 créneaux illisibles non affichés',
    );
    const late = summarizeSources(state, started, started + LATE_AFTER_MS + 2_000);
    expect(late.problems.map((l) => [l.source.name, l.state, l.text])).toEqual([
      ['Éditeur B', 'late', 'en retard (5 s)'],
    ]);
    expect(late.failed).toEqual([]);
    expect(late.waiting).toBe(1);
  });

  it('offers to retry the sources that failed, and only those', () => {
    const state = [
      { type: 'source-status', status: { source: SOURCE_A, state: 'timeout', reason: 'délai dépassé' } } as SearchEvent,
      { type: 'source-status', status: { source: SOURCE_B, state: 'error', reason: 'HTTP 503' } } as SearchEvent,
      { type: 'source-status', status: { source: AGENDA, state: 'answered', slotCount: 0 } } as SearchEvent,
      { type: 'done', durationMs: 7000 } as SearchEvent,
    ].reduce(applyStreamEvent, base);
    const summary = summarizeSources(state, started, started + 8_000);
    expect(summary.headline).toBe('1 éditeur sur 3 a répondu');
    expect(summary.problems.map((l) => `${l.source.name} : ${l.text}`)).toEqual([
      'Éditeur A : délai dépassé',
      'Éditeur B : HTTP 503',
    ]);
    expect(summary.failed.map((s) => s.id)).toEqual(['a', 'b']);
  });

  it('counts a retried source as waiting from the retry, not from the search start', () => {
    const failed = [{ type: 'source-status', status: { source: SOURCE_B, state: 'error' } } as SearchEvent].reduce(
      applyStreamEvent,
      base,
    );
    const retried = markRetrying(failed, ['b'], started + 60_000);
    const line = summarizeSources(retried, started, started + 61_000).lines.find((l) => l.source.id === 'b');
    expect(line?.state).toBe('waiting');
  });

  it('after the end, a source that never answered is a timeout to retry', () => {
    const state = [{ type: 'done', durationMs: 1 } as SearchEvent].reduce(applyStreamEvent, base);
    const summary = summarizeSources(state, started, started + 100);
    expect(summary.failed.map((s) => s.id)).toEqual(['a', 'b', 'sas-agenda']);
    expect(summary.waiting).toBe(0);
  });
});
