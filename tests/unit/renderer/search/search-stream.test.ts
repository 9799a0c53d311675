import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SearchEvent } from '@shared/domain/search';
import { applyStreamEvent, initialStreamState, markRetrying, toRankingState } from '@renderer/search/search-stream';
import { AGENDA, LOCATION_EVENT, offer, practitioner, slot, SOURCE_A, SOURCE_B } from '@tests/unit/renderer/fixtures';

const P1 = practitioner(1);
const P2 = practitioner(2);
const OFFER: SearchEvent = { type: 'offer', offer: offer([P1, P2]), gp: { state: 'not-provided' } };

function play(events: SearchEvent[]) {
  return events.reduce(applyStreamEvent, initialStreamState);
}

describe('a tab’s search stream', () => {
  it('keeps every batch a source sends (one slots event per 25 practitioners)', () => {
    const state = play([
      LOCATION_EVENT,
      OFFER,
      { type: 'slots', sourceId: 'a', slots: [slot('1', 'a', P1.nationalId, '2025-06-13T10:00:00Z')] },
      { type: 'slots', sourceId: 'a', slots: [slot('2', 'a', P2.nationalId, '2025-06-13T11:00:00Z')] },
    ]);
    expect(Object.keys(state.slots).sort()).toEqual(['a/1', 'a/2']);
    expect(toRankingState(state).slotsBySource.get('a')).toHaveLength(2);
    expect(state.phase).toBe('running');
  });

  it('records statuses, errors and the end', () => {
    const state = play([
      LOCATION_EVENT,
      OFFER,
      { type: 'source-status', status: { source: SOURCE_A, state: 'answered', slotCount: 0 } },
      { type: 'source-status', status: { source: SOURCE_B, state: 'timeout', reason: 'délai dépassé' } },
      { type: 'error', code: 'x', message: 'Message' },
      { type: 'done', durationMs: 1200 },
    ]);
    expect(state.statuses.a?.state).toBe('answered');
    expect(state.statuses.b?.state).toBe('timeout');
    expect(state.errors).toEqual([{ code: 'x', message: 'Message' }]);
    expect(state.phase).toBe('done');
    expect(state.durationMs).toBe(1200);
    expect(state.sources.map((s) => s.id)).toEqual(['a', 'b', 'sas-agenda']);
  });

  it('on retry, re-asks only the failed source: its old slots go, the others stay, the offer keeps every source', () => {
    let state = play([
      LOCATION_EVENT,
      OFFER,
      { type: 'slots', sourceId: 'a', slots: [slot('1', 'a', P1.nationalId, '2025-06-13T10:00:00Z')] },
      { type: 'slots', sourceId: 'b', slots: [slot('9', 'b', P2.nationalId, '2025-06-13T10:00:00Z')] },
      { type: 'source-status', status: { source: SOURCE_A, state: 'answered', slotCount: 1 } },
      { type: 'source-status', status: { source: SOURCE_B, state: 'error', reason: 'réponse partielle' } },
      { type: 'source-status', status: { source: AGENDA, state: 'answered', slotCount: 0 } },
      { type: 'done', durationMs: 10 },
    ]);
    state = markRetrying(state, ['b'], 5_000);
    expect(state.statuses.b).toBeUndefined();
    expect(state.slots['b/9']).toBeUndefined();
    expect(state.slots['a/1']).toBeDefined();
    expect(state.retrying).toEqual(['b']);
    expect(state.retriedAt).toBe(5_000);
    expect(state.phase).toBe('running');
    state = [
      LOCATION_EVENT,
      { type: 'offer', offer: offer([P1, P2], [SOURCE_B]), gp: { state: 'not-provided' } } as SearchEvent,
      { type: 'slots', sourceId: 'b', slots: [slot('10', 'b', P2.nationalId, '2025-06-13T12:00:00Z')] } as SearchEvent,
      { type: 'source-status', status: { source: SOURCE_B, state: 'answered', slotCount: 1 } } as SearchEvent,
      { type: 'done', durationMs: 20 } as SearchEvent,
    ].reduce(applyStreamEvent, state);
    expect(state.offer?.sources.map((s) => s.id)).toEqual(['a', 'b', 'sas-agenda']);
    expect(state.statuses.a?.state).toBe('answered');
    expect(state.statuses.b?.state).toBe('answered');
    expect(Object.keys(state.slots).sort()).toEqual(['a/1', 'b/10']);
    expect(state.retrying).toEqual([]);
    expect(state.phase).toBe('done');
  });

  it('keeps a slot sent twice once, whatever the order of events', () => {
    const s1 = slot('1', 'a', P1.nationalId, '2025-06-13T10:00:00Z');
    const s2 = slot('2', 'a', P2.nationalId, '2025-06-13T11:00:00Z');
    const events = fc.array(
      fc.constantFrom<SearchEvent>(
        LOCATION_EVENT,
        OFFER,
        { type: 'slots', sourceId: 'a', slots: [s1] },
        { type: 'slots', sourceId: 'a', slots: [s2, s1] },
        { type: 'source-status', status: { source: SOURCE_A, state: 'answered' } },
        { type: 'done', durationMs: 1 },
      ),
      { maxLength: 20 },
    );
    fc.assert(
      fc.property(events, (list) => {
        const state = play(list);
        const sent = new Set(list.flatMap((e) => (e.type === 'slots' ? e.slots.map((s) => s.id) : [])));
        expect(new Set(Object.keys(state.slots))).toEqual(sent);
        const ranked = [...toRankingState(state).slotsBySource.values()].flat();
        expect(ranked).toHaveLength(sent.size);
      }),
    );
  });
});
