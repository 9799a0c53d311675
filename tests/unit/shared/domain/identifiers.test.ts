import { describe, expect, it } from 'vitest';
import { finessFromIdnst, idnstFromFiness, parseNationalId } from '@shared/domain/identifiers';

describe('national identifiers', () => {
  it('classifies IDNPS forms without assuming the 8 prefix', () => {
    expect(parseNationalId('810002673899')).toEqual({ kind: 'rpps', idnps: '810002673899', rpps: '10002673899' });
    expect(parseNationalId('0123456789').kind).toBe('adeli');
    expect(parseNationalId('3470000001/REG42').kind).toBe('finess-local');
    expect(parseNationalId('81000267389').kind).toBe('other');
  });
  it('round-trips FINESS through IDNST', () => {
    expect(finessFromIdnst(idnstFromFiness('470000001'))).toBe('470000001');
    expect(finessFromIdnst(idnstFromFiness('2A0000001'))).toBe('2A0000001');
    expect(finessFromIdnst('3123')).toBeUndefined();
  });
});
