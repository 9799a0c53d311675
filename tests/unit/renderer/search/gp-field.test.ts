import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { GpReference } from '@shared/domain/launch';
import { formatGpReference, GP_FIELD_MAX, parseGpField } from '@renderer/search/gp-field';

describe('médecin traitant field', () => {
  it('reads an empty field as "no GP"', () => {
    expect(parseGpField('')).toEqual({ ok: true });
    expect(parseGpField('   ')).toEqual({ ok: true });
  });

  it('reads the LRM URN, an IDNPS, an RPPS and "RPPS <n>" as the same national id', () => {
    const expected = { ok: true, reference: { kind: 'national-id', nationalId: '810002673899' } };
    expect(parseGpField('urn:oid:1.2.250.1.71.4.2.1|810002673899')).toEqual(expected);
    expect(parseGpField('URN:OID:1.2.250.1.71.4.2.1|810002673899')).toEqual(expected);
    expect(parseGpField('810002673899')).toEqual(expected);
    expect(parseGpField('10002673899')).toEqual(expected);
    expect(parseGpField('RPPS 10002673899')).toEqual(expected);
    expect(parseGpField('rpps: 10002673899')).toEqual(expected);
  });

  it('reads a name as a name, spaces normalised', () => {
    expect(parseGpField('  Dr  Jeanne   Martin ')).toEqual({
      ok: true,
      reference: { kind: 'name', text: 'Dr Jeanne Martin' },
    });
  });

  it('refuses identifiers it cannot use, naming the field', () => {
    for (const text of ['urn:oid:1.2.3|123', '12345', '0123456789', 'a|b', 'oid:1.2']) {
      const result = parseGpField(text);
      expect(result.ok, text).toBe(false);
      if (!result.ok) expect(result.message).toMatch(/^Le médecin traitant n’a pas pu être identifié/);
    }
    const long = parseGpField('a'.repeat(GP_FIELD_MAX + 1));
    expect(long.ok).toBe(false);
    expect(parseGpField('Jean\u0007Martin').ok).toBe(false);
  });

  it('never throws, and whatever it accepts is a national id or a name with a letter', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        const result = parseGpField(text);
        if (!result.ok) {
          expect(result.message.length).toBeGreaterThan(0);
          return;
        }
        const ref = result.reference;
        if (!ref) expect(text.trim()).toBe('');
        else if (ref.kind === 'name') expect(ref.text).toMatch(/\p{L}/u);
        else expect(ref.nationalId).toMatch(/^[0-9A-Za-z/]{1,40}$/);
      }),
    );
  });

  it('shows a reference in a form it reads back to the same reference', () => {
    const reference: fc.Arbitrary<GpReference> = fc.oneof(
      fc.stringMatching(/^8\d{11}$/).map((id) => ({ kind: 'national-id' as const, nationalId: id })),
      fc.stringMatching(/^0\d{9}$/).map((id) => ({ kind: 'national-id' as const, nationalId: id })),
      fc.stringMatching(/^3\d{9}\/[A-Z0-9]{1,10}$/).map((id) => ({ kind: 'national-id' as const, nationalId: id })),
      fc
        .stringMatching(/^[A-Za-zÀ-ÿ][A-Za-zÀ-ÿ' -]{0,40}[A-Za-zÀ-ÿ]$/)
        .filter((t) => !/\s{2}/u.test(t) && !/^(urn|oid):/iu.test(t) && !/^rpps/iu.test(t))
        .map((text) => ({ kind: 'name' as const, text })),
    );
    fc.assert(
      fc.property(reference, (ref) => {
        expect(parseGpField(formatGpReference(ref))).toEqual({ ok: true, reference: ref });
      }),
    );
  });
});
