import { describe, expect, it } from 'vitest';
import { specialtyToPick } from '@renderer/search/specialty-picker';
import { matchSpecialties } from '@renderer/search/specialty-options';
import { initialWorkspace, reduceWorkspace } from '@renderer/search/workspace';
import type { SearchQuery } from '@shared/domain/search';
import { emptyForm } from '@renderer/search/search-query';

const AGEN = { inseeCode: '47001', city: 'Agen' };

describe('specialtyToPick', () => {
  it('asks nothing for a specialty the resolver understands, or none', () => {
    expect(specialtyToPick({ location: AGEN })).toBeUndefined();
    expect(specialtyToPick({ location: AGEN, specialty: { kind: 'text', text: 'généraliste' } })).toBeUndefined();
    expect(specialtyToPick({ location: AGEN, specialty: { kind: 'text', text: 'gynéco' } })).toBeUndefined();
  });

  it('keeps the LRM text and offers the nearest specialties as options of the list', () => {
    const pick = specialtyToPick({ location: AGEN, specialty: { kind: 'text', text: 'cardiaque' } });
    expect(pick?.text).toBe('cardiaque');
    expect(pick?.suggestions.map((o) => o.code)).toContain('SM04');
    expect(pick?.suggestions.every((o) => o.id === `${o.id.split(':')[0]}:${o.code}`)).toBe(true);
  });
});

describe('matchSpecialties with the shared resolver', () => {
  it('puts what a usual name means first', () => {
    expect(matchSpecialties('cardiologue')[0]?.code).toBe('SM04');
    expect(matchSpecialties('MG')[0]?.code).toBe('SM54');
    expect(
      matchSpecialties('gynécologue')
        .slice(0, 2)
        .map((o) => o.code)
        .sort(),
    ).toEqual(['SM19', 'SM20']);
    expect(matchSpecialties('kinés')[0]?.code).toBe('70');
  });
});

describe('restarting a tab with a chosen specialty', () => {
  it('keeps the tab, its origin and warnings, and drops the previous search', () => {
    const query: SearchQuery = { location: AGEN, specialty: { kind: 'text', text: 'cardiaque' } };
    const warnings = [{ code: 'missing-origin', message: 'x' }];
    let state = reduceWorkspace(initialWorkspace, {
      type: 'open',
      tab: { id: 't1', origin: { kind: 'launch', launchId: 'l1' }, openedAt: 1, form: emptyForm, query, warnings },
    });
    state = reduceWorkspace(state, { type: 'started', tabId: 't1', searchId: 's1' });
    state = reduceWorkspace(state, {
      type: 'event',
      searchId: 's1',
      event: { type: 'error', code: 'unknown-specialty', message: 'm' },
    });
    const coding = { system: 'urn:oid:1.2.250.1.213.2.28', code: 'SM04' };
    state = reduceWorkspace(state, {
      type: 'restart',
      tabId: 't1',
      query: { ...query, specialty: { kind: 'coded', coding } },
      form: { ...emptyForm, specialtyText: 'Cardiologie', specialtyCoding: coding },
    });
    const tab = state.tabs[0];
    expect(state.tabs).toHaveLength(1);
    expect(tab?.id).toBe('t1');
    expect(tab?.origin).toEqual({ kind: 'launch', launchId: 'l1' });
    expect(tab?.warnings).toEqual(warnings);
    expect(tab?.searchId).toBeUndefined();
    expect(tab?.stream.errors).toEqual([]);
    expect(tab?.query.specialty).toEqual({ kind: 'coded', coding });
    expect(state.closed).toContain('s1');
    // A late event of the old search no longer reaches the tab.
    const late = reduceWorkspace(state, {
      type: 'event',
      searchId: 's1',
      event: { type: 'error', code: 'x', message: 'late' },
    });
    expect(late.tabs[0]?.stream.errors).toEqual([]);
  });
});
