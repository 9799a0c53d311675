// openBooking carries the LRM origin of the tab's launch: accepted as launches write it, refused when it could carry
// anything else (the bridge and IPC validate every argument with these schemas).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { consoleCallSchemas } from '@shared/api/console-api-schemas';

const REQUEST = {
  searchId: 'recherche-1',
  slotId: 'agendaplume/s1',
  sourceId: 'agendaplume',
  bookingUrl: 'https://agendaplume.invalid/reserver/s1',
};

const parse = (origin: unknown) => consoleCallSchemas.openBooking.safeParse([{ ...REQUEST, origin }]);

describe('the LRM origin of a booking opened from a launched tab', () => {
  it('is kept as launches write it, and may be absent', () => {
    expect(parse('TEST-SAMU000').data?.[0].origin).toBe('TEST-SAMU000');
    expect(parse('fr.health.samu330').success).toBe(true);
    expect(consoleCallSchemas.openBooking.safeParse([REQUEST]).success).toBe(true);
  });

  it('is refused with spaces, markup, separators or past 100 characters', () => {
    for (const bad of ['TEST SAMU', '<b>', 'a/b', 'x'.repeat(101), 42]) expect(parse(bad).success).toBe(false);
  });

  it('accepts exactly the word characters, dots, colons and dashes', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 0, maxLength: 120 }), (origin) => {
        const expected = origin.length <= 100 && /^[\w.:-]+$/u.test(origin);
        expect(parse(origin).success).toBe(expected);
      }),
    );
  });
});
