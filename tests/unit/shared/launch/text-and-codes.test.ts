import { describe, expect, it } from 'vitest';
import { displayable } from '@shared/launch/characters';
import { normalizeInseeCode } from '@shared/launch/insee-code';
import { decodeComponent, splitQuery } from '@shared/launch/query-string';
import { cleanText } from '@shared/launch/text-value';

describe('cleanText', () => {
  it.each([
    ['NFC', 'E\u0301vry', { ok: true, text: 'Évry', invisibleRemoved: false }],
    ['whitespace folded', '\u2003a \t\r\n b\u202F', { ok: true, text: 'a b', invisibleRemoved: false }],
    ['zero-width joiner removed before composition', 'e\u200D\u0301', { ok: true, text: 'é', invisibleRemoved: true }],
    [
      'tag characters removed (ASCII smuggling)',
      'Agen\u{E0041}\u{E0042}',
      { ok: true, text: 'Agen', invisibleRemoved: true },
    ],
    ['LRM mark removed', 'Agen\u200E', { ok: true, text: 'Agen', invisibleRemoved: true }],
    ['C0 control refused', 'a\u0007b', { ok: false, problem: 'forbidden-character' }],
    ['C1 control refused', 'a\u0085b', { ok: false, problem: 'forbidden-character' }],
    ['lone surrogate refused', 'a\uD800b', { ok: false, problem: 'forbidden-character' }],
    ['noncharacter refused', 'a\uFFFEb', { ok: false, problem: 'forbidden-character' }],
    ['isolate refused', 'a\u2067b\u2069', { ok: false, problem: 'bidi-control' }],
    ['emoji kept (paired surrogates)', 'Agen \u{1F600}', { ok: true, text: 'Agen \u{1F600}', invisibleRemoved: false }],
  ] as const)('%s', (_name, input, expected) => {
    expect(cleanText(input)).toEqual(expected);
  });
});

describe('query string', () => {
  it('splits on & and the first =, dropping empty segments', () => {
    expect(splitQuery('&a=1=2&&b&c=')).toEqual([
      { rawName: 'a', rawValue: '1=2' },
      { rawName: 'b', rawValue: '' },
      { rawName: 'c', rawValue: '' },
    ]);
  });
  it.each([
    ['a+b%2Bc', 'a b+c'],
    ['%C3%A9', 'é'],
    ['%E9', undefined],
    ['%zz', undefined],
    ['%', undefined],
    ['%ED%A0%80', undefined],
  ] as const)('decodes %s', (raw, expected) => {
    expect(decodeComponent(raw)).toBe(expected);
  });
});

describe('normalizeInseeCode', () => {
  it.each([
    ['47001', { inseeCode: '47001' }],
    ['2a004', { inseeCode: '2A004' }],
    ['13201', { inseeCode: '13055', arrondissementInseeCode: '13201' }],
    ['13200', { inseeCode: '13200' }],
    ['69389', { inseeCode: '69123', arrondissementInseeCode: '69389' }],
    ['69390', { inseeCode: '69390' }],
    ['470011', undefined],
    ['2A00', undefined],
    ['٤٧٠٠١', undefined],
  ] as const)('%s', (input, expected) => {
    expect(normalizeInseeCode(input)).toEqual(expected);
  });
});

describe('displayable', () => {
  it('defuses odd characters, folds whitespace and cuts to the bound', () => {
    expect(displayable('a\u0000b\u202Ec\u200Bd\ne', 10)).toBe('a\uFFFDb\uFFFDc\uFFFDd e');
    expect(displayable('abcdef', 3)).toBe('abc…');
    expect(displayable('abc', 3)).toBe('abc');
  });
});
