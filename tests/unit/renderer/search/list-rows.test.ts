import { describe, expect, it } from 'vitest';
import type { Cpts, SosSite } from '@shared/domain/care-offer';
import type { SearchEvent } from '@shared/domain/search';
import { rankResults } from '@shared/ranking/results';
import { buildListModel, intentionCounts, stepCard } from '@renderer/search/list-rows';
import { applyStreamEvent, initialStreamState, toRankingState } from '@renderer/search/search-stream';
import { initialTabView, reduceTabView } from '@renderer/search/tab-view';
import { LOCATION_EVENT, practitioner, slot, SOURCE_A } from '@tests/unit/renderer/fixtures';

const NOW = Date.parse('2025-06-13T08:00:00Z');
const P1 = practitioner(1, { participation: { mode: 'cpts', structureId: '470000011', acceptsBeyondSlots: true } });
const P2 = practitioner(2, { participation: { mode: 'individual', acceptsBeyondSlots: true } });
const P3 = practitioner(3, { participation: { mode: 'individual', acceptsBeyondSlots: false } });
const CPTS: Cpts = { finess: '470000011', name: 'CPTS Test', phone: '+33553000011', memberIds: [P1.nationalId] };
const SOS: SosSite = { id: 'sos-1', associationName: 'SOS Médecins Agen', name: 'Agen', place: { city: 'Agen' } };

const stream = [
  LOCATION_EVENT,
  {
    type: 'offer',
    offer: {
      practitioners: [
        { practitioner: P1, distanceKm: 1, isGp: false },
        { practitioner: P2, distanceKm: 2, isGp: false },
        { practitioner: P3, distanceKm: 3, isGp: true },
      ],
      cpts: [{ cpts: CPTS, distanceKm: 1 }],
      sosSites: [{ site: SOS, distanceKm: 4 }],
      sources: [SOURCE_A],
    },
    gp: { state: 'found', nationalId: P3.nationalId },
  } as SearchEvent,
  { type: 'slots', sourceId: 'a', slots: [slot('1', 'a', P1.nationalId, '2025-06-13T10:00:00Z')] } as SearchEvent,
].reduce(applyStreamEvent, initialStreamState);
const results = rankResults(toRankingState(stream), { seed: 's', now: NOW });

describe('the list rows', () => {
  it('first intention around an address: the GP pinned first, then practitioners and SOS sites by distance', () => {
    const model = buildListModel(results, initialTabView);
    expect(model.rows.map((r) => r.key)).toEqual([`ps:${P3.nationalId}`, `ps:${P1.nationalId}`, 'sos:sos-1']);
    expect(model.cards.map((c) => c.key)).toEqual([`ps:${P3.nationalId}`, `ps:${P1.nationalId}`, 'sos:sos-1']);
    expect(model.rowOfKey.get('sos:sos-1')).toBe(2);
    expect(intentionCounts(results)).toEqual({ first: 3, second: 3 });
  });

  it('first intention around a commune: practitioners, then the SOS sites under a heading', () => {
    const communeLocation = {
      ...LOCATION_EVENT,
      location: { ...(LOCATION_EVENT as Extract<SearchEvent, { type: 'location' }>).location, precision: 'commune' },
    } as SearchEvent;
    const seeded = rankResults(toRankingState(applyStreamEvent(stream, communeLocation)), { seed: 's', now: NOW });
    const model = buildListModel(seeded, initialTabView);
    expect(model.rows.map((r) => r.key)).toEqual([`ps:${P3.nationalId}`, `ps:${P1.nationalId}`, 'h:sos', 'sos:sos-1']);
    expect(model.rowOfKey.get('sos:sos-1')).toBe(3);
  });

  it('second intention: CPTS, then practitioners accepting patients beyond slots (with or without slots)', () => {
    const model = buildListModel(
      results,
      reduceTabView(initialTabView, { type: 'set-intention', intention: 'second' }),
    );
    expect(model.rows.map((r) => r.key)).toEqual([
      'h:cpts',
      'cpts:470000011',
      'h:ps',
      `ps:${P1.nationalId}`,
      `ps:${P2.nationalId}`,
    ]);
  });

  it('a CPTS opened: its card, then its members', () => {
    const view = reduceTabView(reduceTabView(initialTabView, { type: 'set-intention', intention: 'second' }), {
      type: 'focus-cpts',
      finess: '470000011',
    });
    const model = buildListModel(results, view);
    expect(model.focusedCpts?.cpts.name).toBe('CPTS Test');
    expect(model.rows.map((r) => r.key)).toEqual(['cpts:470000011', `ps:${P1.nationalId}`]);
  });

  it('steps through cards without going past either end', () => {
    const { cards } = buildListModel(results, initialTabView);
    expect(stepCard(cards, undefined, 1)?.key).toBe(cards[0]?.key);
    expect(stepCard(cards, undefined, -1)?.key).toBe(cards[2]?.key);
    expect(stepCard(cards, cards[0]?.key, 1)?.key).toBe(cards[1]?.key);
    expect(stepCard(cards, cards[2]?.key, 1)?.key).toBe(cards[2]?.key);
    expect(stepCard(cards, cards[0]?.key, -1)?.key).toBe(cards[0]?.key);
    expect(stepCard(cards, 'gone', 1)?.key).toBe(cards[0]?.key);
    expect(stepCard([], undefined, 1)).toBeUndefined();
  });
});
