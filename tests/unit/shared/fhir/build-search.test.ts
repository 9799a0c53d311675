// The slot search request, the SOS Schedule search, the three-day window, and reading a request back.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  buildSlotSearchUrl,
  buildSosScheduleSearchUrl,
  computeSearchWindow,
  parseSlotSearchUrl,
} from '@shared/fhir/build-search';
import { parseInstant } from '@shared/fhir/instant';
import { toLocal } from '@shared/util/time-zone';
import { loadIg } from '@tests/fixtures/fhir/load';

function selfUrl(name: string): string {
  const bundle = loadIg(name) as { link: { url: string }[] };
  const url = bundle.link[0]?.url;
  if (url === undefined) throw new Error('fixture');
  return url;
}

/** Query parameters as a sorted list of decoded name=value pairs (order-free comparison). */
function params(url: string): string[] {
  return (url.split('?')[1] ?? '')
    .split('&')
    .map((p) => decodeURIComponent(p))
    .sort();
}

describe('buildSlotSearchUrl', () => {
  it('is exactly the link.url of the guide’s PS individual example for the same inputs', () => {
    const ig = selfUrl('Bundle-ExampleBundlePSIndiv.json');
    const built = buildSlotSearchUrl('https://exemple.com/ans-sas/', {
      nationalIds: ['810002673899', '810100050075'],
      start: '2021-11-04T14:19:35.760+00:00',
      end: '2021-11-06T23:59:59.999+00:00',
    });
    // The guide's base path ends with "Slot/?" (a slash before the query): everything else is identical.
    expect(built.replace('/Slot?', '/Slot/?')).toBe(ig);
    expect(built).toBe(
      'https://exemple.com/ans-sas/Slot?_include=Slot:schedule&_include:iterate=Schedule:actor&status=free' +
        '&start=ge2021-11-04T14:19:35.760+00:00&start=le2021-11-06T23:59:59.999+00:00' +
        '&schedule.actor:Practitioner.identifier=urn:oid:1.2.250.1.71.4.2.1%7C810002673899,urn:oid:1.2.250.1.71.4.2.1%7C810100050075' +
        '&_count=1000',
    );
  });

  it('for CPTS, asks for every parameter of the guide’s CPTS example, plus the documented Organization include', () => {
    const ig = selfUrl('Bundle-ExampleBundleCPTS1.json');
    const built = buildSlotSearchUrl('http://hapi.fhir.org/baseR4', {
      nationalIds: ['810002909371'],
      start: '2024-06-12T16:20:00.000+02:00',
      end: '2024-06-12T17:20:00.000+02:00',
      cpts: true,
    });
    expect(built.split('?')[0]).toBe(ig.split('?')[0]);
    const ours = params(built);
    for (const p of params(ig)) expect(ours).toContain(p);
    expect(ours.filter((p) => !params(ig).includes(p))).toEqual([
      '_count=1000',
      '_include:iterate=HealthcareService:organization',
    ]);
    expect(
      built.endsWith(
        '&_count=1000&_include=Slot:service-type-reference&_include:iterate=HealthcareService:organization',
      ),
    ).toBe(true);
  });

  it.each([
    ['no id', { nationalIds: [] }],
    ['26 ids', { nationalIds: Array.from({ length: 26 }, (_, i) => `8100000000${String(i).padStart(2, '0')}`) }],
    ['an id with a comma', { nationalIds: ['8100,1'] }],
    ['an id with a bar', { nationalIds: ['urn:oid:1.2|8100'] }],
    ['a start without offset', { start: '2024-06-12T16:20:00' }],
    ['an end before the start', { end: '2024-06-12T16:00:00+02:00' }],
  ])('refuses %s (RangeError, French message)', (_label, patch) => {
    const search = {
      nationalIds: ['810002909371'],
      start: '2024-06-12T16:20:00+02:00',
      end: '2024-06-12T17:20:00+02:00',
      ...patch,
    };
    expect(() => buildSlotSearchUrl('https://x.example', search)).toThrow(RangeError);
  });

  it('accepts 25 ids and ids of regulators without RPPS (FINESS/local form)', () => {
    const ids = Array.from({ length: 25 }, (_, i) => `8100000000${String(i).padStart(2, '0')}`);
    const url = buildSlotSearchUrl('https://x.example', {
      nationalIds: [...ids.slice(1), '3456780581/11242343'],
      start: '2024-06-12T16:20:00+02:00',
      end: '2024-06-12T17:20:00+02:00',
    });
    expect(url).toContain('%7C3456780581/11242343&_count=1000');
  });
});

describe('buildSosScheduleSearchUrl', () => {
  it('searches Schedules by association IDNST with the guide’s SOS capabilities', () => {
    expect(
      buildSosScheduleSearchUrl('https://sos.example/fhir', {
        organizationIds: ['1350000001', '1350000002'],
        start: '2024-06-12T16:20:00.000+02:00',
        end: '2024-06-14T23:59:59.999+02:00',
      }),
    ).toBe(
      'https://sos.example/fhir/Schedule?_has:Slot:schedule:status=free' +
        '&_has:Slot:schedule:start=ge2024-06-12T16:20:00.000+02:00&_has:Slot:schedule:start=le2024-06-14T23:59:59.999+02:00' +
        '&actor:Location.organization.identifier=urn:oid:1.2.250.1.71.4.2.2%7C1350000001,urn:oid:1.2.250.1.71.4.2.2%7C1350000002' +
        '&_include=Schedule:actor:Location&_include:iterate=Location:organization&_revinclude=Slot:schedule&_count=1000',
    );
  });
  it('refuses an empty list', () => {
    expect(() =>
      buildSosScheduleSearchUrl('https://x', {
        organizationIds: [],
        start: '2024-06-12T16:20:00Z',
        end: '2024-06-13T16:20:00Z',
      }),
    ).toThrow(RangeError);
  });
});

describe('computeSearchWindow (Europe/Paris days, Paris offsets)', () => {
  it.each([
    // [now (UTC), start, end]
    ['2021-11-04T14:19:35.760Z', '2021-11-04T15:19:35.760+01:00', '2021-11-06T23:59:59.999+01:00'],
    ['2024-06-12T14:20:00.000Z', '2024-06-12T16:20:00.000+02:00', '2024-06-14T23:59:59.999+02:00'],
    // 23:30 UTC is already the next day in Paris.
    ['2024-06-12T23:30:00.000Z', '2024-06-13T01:30:00.000+02:00', '2024-06-15T23:59:59.999+02:00'],
    // Across the spring change (31 March 2024): start in winter time, end in summer time.
    ['2024-03-29T10:00:00.000Z', '2024-03-29T11:00:00.000+01:00', '2024-03-31T23:59:59.999+02:00'],
    // Across the autumn change (27 October 2024).
    ['2024-10-26T10:00:00.000Z', '2024-10-26T12:00:00.000+02:00', '2024-10-28T23:59:59.999+01:00'],
    // Year end.
    ['2024-12-30T22:00:00.000Z', '2024-12-30T23:00:00.000+01:00', '2025-01-01T23:59:59.999+01:00'],
  ])('at %s: %s → %s', (now, start, end) => {
    const window = computeSearchWindow(new Date(now));
    expect(window.start).toBe(start);
    expect(window.end).toBe(end);
    expect(parseInstant(window.start)?.epochMs).toBe(Date.parse(now));
    expect(parseInstant(window.end)?.epochMs).toBe(window.endMs);
  });

  it('always ends at 23:59:59.999 Paris time two Paris days later (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2090, 0, 1) }), (now) => {
        const window = computeSearchWindow(now);
        const end = toLocal(window.endMs);
        expect([end.hour, end.minute, end.second, window.endMs % 1000]).toEqual([23, 59, 59, 999]);
        const start = toLocal(now);
        const days = Math.round(
          (Date.UTC(end.year, end.month - 1, end.day) - Date.UTC(start.year, start.month - 1, start.day)) / 86_400_000,
        );
        expect(days).toBe(2);
        expect(parseInstant(window.end)?.epochMs).toBe(window.endMs);
        expect(parseInstant(window.start)?.epochMs).toBe(now);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('parseSlotSearchUrl (simulated publishers)', () => {
  it('reads the guide’s two example requests', () => {
    const ps = parseSlotSearchUrl(selfUrl('Bundle-ExampleBundlePSIndiv.json'));
    expect(ps).toEqual({
      ok: true,
      warnings: [],
      search: {
        nationalIds: ['810002673899', '810100050075'],
        start: '2021-11-04T14:19:35.760+00:00',
        end: '2021-11-06T23:59:59.999+00:00',
        startMs: Date.parse('2021-11-04T14:19:35.760Z'),
        endMs: Date.parse('2021-11-06T23:59:59.999Z'),
        cpts: false,
        count: 1000,
      },
    });
    const cpts = parseSlotSearchUrl(selfUrl('Bundle-ExampleBundleCPTS1.json'));
    expect(cpts.ok && cpts.search).toMatchObject({ nationalIds: ['810002909371'], cpts: true });
  });

  it('accepts a %2B-encoded offset', () => {
    const parsed = parseSlotSearchUrl(
      'https://x/Slot?status=free&start=ge2024-06-12T16:20:00%2B02:00&start=le2024-06-12T17:20:00%2B02:00&schedule.actor:Practitioner.identifier=urn:oid:1.2.250.1.71.4.2.1%7C810002909371',
    );
    expect(parsed.ok && parsed.search.start).toBe('2024-06-12T16:20:00+02:00');
  });

  it.each([
    [
      'search-status-invalid',
      'start=ge2024-06-12T16:20:00Z&start=le2024-06-12T17:20:00Z&schedule.actor:Practitioner.identifier=8100',
    ],
    ['search-window-missing', 'status=free&start=ge2024-06-12T16:20:00Z&schedule.actor:Practitioner.identifier=8100'],
    [
      'search-start-invalid',
      'status=free&start=ge2024-13-12T16:20:00Z&start=le2024-06-12T17:20:00Z&schedule.actor:Practitioner.identifier=8100',
    ],
    [
      'search-window-invalid',
      'status=free&start=ge2024-06-12T18:20:00Z&start=le2024-06-12T17:20:00Z&schedule.actor:Practitioner.identifier=8100',
    ],
    ['search-identifier-missing', 'status=free&start=ge2024-06-12T16:20:00Z&start=le2024-06-12T17:20:00Z'],
    [
      'search-identifier-invalid',
      'status=free&start=ge2024-06-12T16:20:00Z&start=le2024-06-12T17:20:00Z&schedule.actor:Practitioner.identifier=urn:oid:9.9|8100',
    ],
    [
      'search-encoding-invalid',
      'status=free&start=ge2024-06-12T16:20:00Z&start=le2024-06-12T17:20:00Z&schedule.actor:Practitioner.identifier=8100&x=%E0%A4%A',
    ],
    [
      'search-count-invalid',
      'status=free&start=ge2024-06-12T16:20:00Z&start=le2024-06-12T17:20:00Z&schedule.actor:Practitioner.identifier=8100&_count=-1',
    ],
  ])('%s', (code, query) => {
    const parsed = parseSlotSearchUrl(`https://x/Slot?${query}`);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.issues.map((i) => i.code)).toContain(code);
  });

  it('warns about unknown parameters without failing', () => {
    const parsed = parseSlotSearchUrl(
      'https://x/Slot?status=free&start=ge2024-06-12T16:20:00Z&start=le2024-06-12T17:20:00Z&schedule.actor:Practitioner.identifier=8100&_elements=id',
    );
    expect(parsed.ok && parsed.warnings.map((w) => w.code)).toEqual(['search-parameter-unknown']);
  });

  it('never throws and reads back what buildSlotSearchUrl writes (property)', () => {
    const id = fc.stringMatching(/^[0-9A-Za-z/]{2,40}$/u);
    fc.assert(
      fc.property(
        fc.uniqueArray(id, { minLength: 1, maxLength: 25 }),
        fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2090, 0, 1) }),
        fc.boolean(),
        fc.string(),
        (ids, now, cpts, junk) => {
          expect(() => parseSlotSearchUrl(junk)).not.toThrow();
          const window = computeSearchWindow(now);
          const url = buildSlotSearchUrl('https://editeur.example/fhir', {
            nationalIds: ids,
            start: window.start,
            end: window.end,
            cpts,
          });
          expect(parseSlotSearchUrl(url)).toEqual({
            ok: true,
            warnings: [],
            search: {
              nationalIds: ids,
              start: window.start,
              end: window.end,
              startMs: now,
              endMs: window.endMs,
              cpts,
              count: 1000,
            },
          });
        },
      ),
      { numRuns: 1000 },
    );
  });
});
