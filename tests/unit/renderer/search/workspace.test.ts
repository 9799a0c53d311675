import { describe, expect, it } from 'vitest';
import type { SearchEvent } from '@shared/domain/search';
import { emptyForm } from '@renderer/search/search-query';
import {
  activeTab,
  initialWorkspace,
  reduceWorkspace,
  type WorkspaceAction,
  type WorkspaceState,
} from '@renderer/search/workspace';
import { LOCATION_EVENT } from '@tests/unit/renderer/fixtures';

const open = (id: string): WorkspaceAction => ({
  type: 'open',
  tab: {
    id,
    origin: { kind: 'manual' },
    openedAt: 0,
    form: { ...emptyForm, locationText: 'Agen' },
    query: { location: { city: 'Agen' } },
    warnings: [],
  },
});

function run(actions: WorkspaceAction[], state: WorkspaceState = initialWorkspace) {
  return actions.reduce(reduceWorkspace, state);
}

describe('the tabs', () => {
  it('opens each search in a new, active tab', () => {
    const state = run([open('t1'), open('t2')]);
    expect(state.tabs.map((t) => t.id)).toEqual(['t1', 't2']);
    expect(activeTab(state)?.id).toBe('t2');
    expect(run([{ type: 'activate', tabId: 't1' }], state).activeId).toBe('t1');
    expect(run([{ type: 'activate', tabId: 'nope' }], state).activeId).toBe('t2');
  });

  it('routes stream events to the tab of their search id', () => {
    const state = run([
      open('t1'),
      open('t2'),
      { type: 'started', tabId: 't1', searchId: 's1' },
      { type: 'started', tabId: 't2', searchId: 's2' },
      { type: 'event', searchId: 's1', event: LOCATION_EVENT },
    ]);
    expect(state.tabs[0]?.stream.location?.label).toBe('1 rue Haute, 47000 Agen');
    expect(state.tabs[1]?.stream.location).toBeUndefined();
  });

  it('keeps events that overtake the startSearch answer, and replays them', () => {
    const state = run([
      open('t1'),
      { type: 'event', searchId: 's1', event: LOCATION_EVENT },
      { type: 'started', tabId: 't1', searchId: 's1' },
    ]);
    expect(state.tabs[0]?.stream.location).toBeDefined();
    expect(state.early).toEqual({});
  });

  it('closing a tab drops its data and ignores its late events; the neighbour takes the focus', () => {
    let state = run([
      open('t1'),
      open('t2'),
      open('t3'),
      { type: 'started', tabId: 't2', searchId: 's2' },
      { type: 'activate', tabId: 't2' },
    ]);
    state = run([{ type: 'close', tabId: 't2' }], state);
    expect(state.tabs.map((t) => t.id)).toEqual(['t1', 't3']);
    expect(state.activeId).toBe('t3');
    expect(state.tabs.some((t) => t.searchId === 's2')).toBe(false);
    expect(state.closed).toEqual(['s2']);
    const after = run([{ type: 'event', searchId: 's2', event: LOCATION_EVENT }], state);
    expect(after).toBe(state);
    expect(run([{ type: 'close', tabId: 't3' }], state).activeId).toBe('t1');
    expect(
      run(
        [
          { type: 'close', tabId: 't1' },
          { type: 'close', tabId: 't3' },
        ],
        state,
      ).activeId,
    ).toBeUndefined();
  });

  it('a tab closed while its search was starting does not collect that search’s events', () => {
    const state = run([
      open('t1'),
      { type: 'close', tabId: 't1' },
      { type: 'started', tabId: 't1', searchId: 's1' },
      { type: 'event', searchId: 's1', event: LOCATION_EVENT },
    ]);
    expect(state.tabs).toEqual([]);
    expect(state.early).toEqual({});
  });

  it('bounds the events kept for unknown searches', () => {
    const events: WorkspaceAction[] = [];
    for (let i = 0; i < 30; i += 1)
      events.push({ type: 'event', searchId: `autre-${i}`, event: { type: 'done', durationMs: 0 } as SearchEvent });
    expect(Object.keys(run(events).early).length).toBeLessThanOrEqual(20);
  });

  it('keeps a start failure and notices on their tab', () => {
    const state = run([
      open('t1'),
      { type: 'start-failed', tabId: 't1', error: { code: 'backend-unavailable', message: 'Recherche indisponible' } },
      { type: 'notice', tabId: 't1', notice: { code: 'refused', message: 'Non' } },
    ]);
    expect(state.tabs[0]?.startError?.code).toBe('backend-unavailable');
    expect(state.tabs[0]?.notice?.message).toBe('Non');
    expect(run([{ type: 'notice', tabId: 't1', notice: undefined }], state).tabs[0]?.notice).toBeUndefined();
  });
});
