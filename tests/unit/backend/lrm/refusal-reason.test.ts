import { describe, expect, it } from 'vitest';
import { refusalReason } from '@backend/lrm/receipts';

describe('raison affichée d’un refus du LRM', () => {
  it('names the Hub Santé errors in French', () => {
    expect(refusalReason(404)).toBe('rendez-vous inconnu du LRM');
    expect(refusalReason(400)).toBe('message expiré avant sa lecture par le LRM');
    expect(refusalReason(500)).toBe('message non distribué par le Hub Santé');
    expect(refusalReason(418)).toBe('erreur 418 signalée par le LRM');
  });
});
