import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { editDistance, foldText, foldWords } from '@shared/util/text';

describe('foldText', () => {
  it('drops case, accents, ligatures and punctuation', () => {
    expect(foldText('  Saint-Émilion ')).toBe('saint emilion');
    expect(foldText('Œdème & Cœur')).toBe('oedeme coeur');
    expect(foldText("L'Isle-d'Abeau")).toBe('l isle d abeau');
    expect(foldText('Gynécologie—obstétrique')).toBe('gynecologie obstetrique');
  });

  it('is idempotent and never leaves double or edge spaces', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (text) => {
        const once = foldText(text);
        expect(foldText(once)).toBe(once);
        expect(once).not.toMatch(/^\s|\s$|\s\s/u);
        expect(foldWords(text)).toEqual(once === '' ? [] : once.split(' '));
      }),
    );
  });
});

describe('editDistance', () => {
  it('counts a swap of two neighbours as one edit', () => {
    expect(editDistance('opthalmo', 'ophtalmo')).toBe(1);
    expect(editDistance('pediatre', 'pédiatre')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('cardio', 'cardio')).toBe(0);
  });

  it('stops at max + 1', () => {
    expect(editDistance('cardiologie', 'dermatologie', 2)).toBe(3);
    expect(editDistance('a', 'abcdef', 1)).toBe(2);
  });

  it('is symmetric, bounded by the longer length, and agrees with its bounded form', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), fc.string({ maxLength: 12 }), fc.nat(6), (a, b, max) => {
        const d = editDistance(a, b);
        expect(editDistance(b, a)).toBe(d);
        expect(d).toBeLessThanOrEqual(Math.max(a.length, b.length));
        expect(editDistance(a, b, max)).toBe(Math.min(d, max + 1));
      }),
    );
  });
});
