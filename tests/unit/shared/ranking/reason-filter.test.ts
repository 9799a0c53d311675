// The reasons for the consultation are filterable in text: « controle » finds « Visite de contrôle », a card whose
// slots have no such reason leaves the list while the filter is on.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Slot } from '@shared/domain/slot';
import { reasonMatches, slotMatches } from '@shared/ranking/filters';

function slot(reasons?: string[]): Slot {
  return {
    id: 'editeur-a/1',
    start: '2030-03-14T10:00:00+01:00',
    end: '2030-03-14T10:20:00+01:00',
    types: ['SNP'],
    modes: ['cabinet'],
    withAppointment: true,
    sourceId: 'editeur-a',
    specialties: [],
    ...(reasons ? { reasons } : {}),
  };
}

describe('reason filter (Slot.serviceType.text)', () => {
  it('finds a reason whatever the accents and the case, every word typed', () => {
    expect(slotMatches(slot(['Visite de contrôle']), { reason: 'CONTROLE' }, '2030-03-14')).toBe(true);
    expect(slotMatches(slot(['Visite de contrôle']), { reason: 'visite contrôle' }, '2030-03-14')).toBe(true);
    expect(slotMatches(slot(['Visite de contrôle']), { reason: 'vaccination' }, '2030-03-14')).toBe(false);
  });

  it('a slot without reasons does not match a typed reason, every slot matches an empty one', () => {
    expect(slotMatches(slot(), { reason: 'vaccin' }, '2030-03-14')).toBe(false);
    expect(slotMatches(slot(), { reason: '   ' }, '2030-03-14')).toBe(true);
  });

  it('a reason always matches its own text (property)', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 60 }), (reason) => {
        expect(reasonMatches(slot([reason]), reason)).toBe(true);
      }),
    );
  });
});
