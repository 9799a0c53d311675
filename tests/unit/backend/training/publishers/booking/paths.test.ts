// The booking pages' URL space: every path is untrusted; parsing never throws and never confuses our own routes
// with slot ids.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bookingUrlFor, matchBookingRoute, readSlotId, slotSegment } from '@backend/training/publishers/booking/paths';

describe('matchBookingRoute', () => {
  it.each([
    ['GET', '/rdv/style.css', { kind: 'stylesheet' }],
    ['GET', '/rdv/callback', { kind: 'callback' }],
    ['POST', '/rdv/login', { kind: 'login' }],
    ['GET', '/rdv/creneau-1', { kind: 'entry', slotId: 'creneau-1' }],
    ['GET', '/rdv/pub%2F42', { kind: 'entry', slotId: 'pub/42' }],
    ['GET', '/rdv/creneau-1/agenda', { kind: 'agenda', slotId: 'creneau-1' }],
    ['POST', '/rdv/creneau-1/confirm', { kind: 'confirm', slotId: 'creneau-1' }],
    ['GET', '/rdv/appointment/RDV-0123456789AB', { kind: 'appointment', appointmentId: 'RDV-0123456789AB' }],
    [
      'POST',
      '/rdv/appointment/RDV-0123456789AB/cancel',
      { kind: 'appointment-action', appointmentId: 'RDV-0123456789AB', action: 'cancel' },
    ],
    [
      'POST',
      '/rdv/appointment/RDV-0123456789AB/retry',
      { kind: 'appointment-action', appointmentId: 'RDV-0123456789AB', action: 'retry' },
    ],
  ])('%s %s', (method, path, expected) => {
    expect(matchBookingRoute(method, path)).toEqual(expected);
  });

  it.each([
    ['POST', '/rdv/creneau-1'],
    ['GET', '/rdv/creneau-1/confirm'],
    ['POST', '/rdv/callback'],
    ['GET', '/rdv/login'],
    ['GET', '/rdv/'],
    ['GET', '/rdv/creneau-1/'],
    ['GET', '/rdv/a/b/c/d'],
    ['GET', '/rdv/appointment/RDV-0123456789ab'],
    ['POST', '/rdv/appointment/RDV-0123456789AB/delete'],
    ['GET', '/rdv/appointment/RDV-0123456789AB/cancel'],
    ['GET', '/rdv/%E0%A4%A'],
    ['GET', '/rdv/..'],
    ['GET', '/rdv/a%20b'],
    ['GET', '/fhir/Slot'],
  ])('%s %s → no route', (method, path) => {
    expect(matchBookingRoute(method, path)).toBeUndefined();
  });

  it('never throws on any path', () => {
    fc.assert(
      fc.property(fc.constantFrom('GET', 'POST', 'PUT'), fc.string({ maxLength: 300 }), (method, rest) => {
        const route = matchBookingRoute(method, `/rdv/${rest}`);
        if (route && 'slotId' in route) expect(route.slotId).toMatch(/^[A-Za-z0-9._:/-]{1,200}$/u);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('slot ids in booking URLs', () => {
  it('round-trips every valid slot id through its URL segment', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-z0-9._:/-]{1,200}$/u), (slotId) => {
        fc.pre(!['callback', 'login', 'appointment', 'style.css', '.', '..'].includes(slotId));
        expect(readSlotId(slotSegment(slotId))).toBe(slotId);
        const url = new URL(bookingUrlFor('http://127.0.0.1:4000/', slotId));
        expect(matchBookingRoute('GET', url.pathname)).toEqual({ kind: 'entry', slotId });
      }),
      { numRuns: 500 },
    );
  });

  it('never takes our own words for slot ids', () => {
    for (const word of ['callback', 'login', 'appointment', 'style.css']) expect(readSlotId(word)).toBeUndefined();
  });
});

describe('agenda URL with the slot pre-selected (Slot.comment, IG FAQ)', () => {
  it('round-trips an owner and a slot id through bookingUrlFor and the route', () => {
    fc.assert(
      fc.property(
        // "." and ".." are dot segments a URL removes from its path: no owner id (a national or site id) is one.
        fc.stringMatching(/^[A-Za-z0-9._:-]{1,40}$/u).filter((owner) => !/^\.{1,2}$/u.test(owner)),
        fc.stringMatching(/^[A-Za-z0-9._:/-]{1,80}$/u),
        (owner, slotId) => {
          const url = new URL(bookingUrlFor('https://editeur.example', slotId, owner));
          expect(url.pathname.startsWith('/rdv/agenda/')).toBe(true);
          expect(url.searchParams.get('creneau')).toBe(slotId);
          expect(matchBookingRoute('GET', url.pathname, url.search)).toEqual({ kind: 'entry', slotId });
        },
      ),
    );
  });

  it.each([
    ['POST', '/rdv/agenda/810001234567', '?creneau=c-1'],
    ['GET', '/rdv/agenda/810001234567', ''],
    ['GET', '/rdv/agenda/810001234567', '?creneau=a%20b'],
    ['GET', '/rdv/agenda', '?creneau=c-1'],
    ['GET', '/rdv/agenda/a/b', '?creneau=c-1'],
  ])('%s %s%s is no route', (method, path, search) => {
    expect(matchBookingRoute(method, path, search)).toBeUndefined();
  });

  it('keeps the earlier /rdv/<slot> form', () => {
    expect(bookingUrlFor('https://editeur.example/', 'c-1')).toBe('https://editeur.example/rdv/c-1');
  });
});
