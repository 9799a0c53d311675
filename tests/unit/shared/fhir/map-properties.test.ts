// Property tests: the mappers never throw, whatever they are given, and what they return keeps its invariants.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isBookingUrl } from '@shared/fhir/booking-url';
import { parseInstant } from '@shared/fhir/instant';
import { mapAppointment } from '@shared/fhir/map-appointment';
import { mapRegulatorPractitioner } from '@shared/fhir/map-regulator';
import { mapResource } from '@shared/fhir/map-resource';
import { mapSlotBundle, type SlotBundleMapping } from '@shared/fhir/map-slot-bundle';
import { loadIg } from '@tests/fixtures/fhir/load';

const ctx = { sourceId: 'src' };
const SOS = JSON.parse(
  readFileSync(fileURLToPath(new URL('../../../fixtures/fhir/sos/Bundle-SosSynthetic.json', import.meta.url)), 'utf8'),
) as unknown;
const BUNDLES: unknown[] = [loadIg('Bundle-ExampleBundlePSIndiv.json'), loadIg('Bundle-ExampleBundleCPTS1.json'), SOS];
const RESOURCES: unknown[] = [
  loadIg('Appointment-1.json'),
  loadIg('Appointment-12345678.json'),
  loadIg('Practitioner-ExamplePractitionerRegul1.json'),
  loadIg('Practitioner-ExamplePractitionerRegul2.json'),
];

const anything = fc.anything({
  withNullPrototype: true,
  withObjectString: true,
  withBigInt: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withTypedArray: true,
  withSparseArray: true,
  withBoxedValues: true,
});

/** Invariants every mapping result keeps, however broken the input. */
function checkInvariants(result: SlotBundleMapping): void {
  for (const slot of result.slots) {
    const start = parseInstant(slot.start);
    const end = parseInstant(slot.end);
    expect(start).toBeDefined();
    expect(end).toBeDefined();
    expect((end?.epochMs ?? 0) > (start?.epochMs ?? 0)).toBe(true);
    expect(slot.id.startsWith(`${ctx.sourceId}/`)).toBe(true);
    expect(slot.sourceId).toBe(ctx.sourceId);
    if (slot.bookingUrl !== undefined) expect(isBookingUrl(slot.bookingUrl)).toBe(true);
  }
  expect(new Set(result.slots.map((s) => s.id)).size).toBe(result.slots.length);
  for (const p of result.practitioners) expect(p.nationalId).toMatch(/^[0-9A-Za-z/]{2,40}$/u);
  for (const c of result.cpts) expect(c.finess).toMatch(/^(\d{2}|2A|2B)\d{7}$/u);
  for (const issue of result.issues) {
    expect(issue.code).toMatch(/^[a-z]+(-[a-z0-9]+)*$/u);
    expect(issue.message.length).toBeGreaterThan(0);
    expect(issue.message.length).toBeLessThan(600);
  }
  // The result is plain data.
  expect(() => JSON.stringify(result)).not.toThrow();
}

/** Every [container, key] inside a JSON value, so a mutation can hit any depth. */
function slotsOf(value: unknown, out: [Record<string, unknown> | unknown[], string | number][] = [], depth = 0) {
  if (depth > 12 || value === null || typeof value !== 'object') return out;
  if (Array.isArray(value)) value.forEach((v, i) => (out.push([value, i]), slotsOf(v, out, depth + 1)));
  else
    for (const [k, v] of Object.entries(value)) {
      out.push([value as Record<string, unknown>, k]);
      slotsOf(v, out, depth + 1);
    }
  return out;
}

/** Valid instants, some before and some after the examples' slots, so that end ≤ start happens. */
const instant = fc.constantFrom(
  '2021-11-04T00:00:00Z',
  '2021-11-05T09:00:00.000+00:00',
  '2021-11-05T10:00:00+01:00',
  '2024-06-12T16:00:00+02:00',
  '2030-01-01T00:00:00.000+01:00',
);

type Mutation = { at: number; op: 'replace' | 'delete' | 'duplicate'; value: unknown };
const mutation: fc.Arbitrary<Mutation> = fc.record({
  at: fc.nat(),
  op: fc.constantFrom('replace', 'delete', 'duplicate'),
  value: fc.oneof(
    fc.jsonValue(),
    fc.constantFrom(
      '',
      'free',
      'busy',
      '2021-02-30T10:00:00Z',
      'Schedule/ExampleSchedule1',
      '#ExampleLocation3',
      'x'.repeat(3000),
    ),
    instant,
  ),
});

function mutate(input: unknown, mutations: readonly Mutation[]): unknown {
  const copy = structuredClone(input);
  for (const m of mutations) {
    const places = slotsOf(copy);
    if (places.length === 0) break;
    const place = places[m.at % places.length];
    if (place === undefined) continue;
    const [container, key] = place;
    if (Array.isArray(container)) {
      const i = key as number;
      if (m.op === 'delete') container.splice(i, 1);
      else if (m.op === 'duplicate') container.splice(i, 0, structuredClone(container[i]));
      else container[i] = m.value;
    } else {
      const k = key as string;
      if (m.op === 'delete') delete container[k];
      else if (m.op === 'duplicate') container[`${k}`] = structuredClone(container[k]);
      else container[k] = m.value;
    }
  }
  return copy;
}

describe('mapSlotBundle never throws', () => {
  it('on arbitrary JS values', () => {
    fc.assert(
      fc.property(anything, (input) => {
        checkInvariants(mapSlotBundle(input, ctx));
      }),
      { numRuns: 2000 },
    );
  });

  it('on arbitrary JSON text, parsed', () => {
    fc.assert(
      fc.property(fc.json(), (text) => {
        checkInvariants(mapSlotBundle(JSON.parse(text), ctx));
      }),
      { numRuns: 2000 },
    );
  });

  it('on bundle-shaped values with arbitrary resources of the SAS types', () => {
    const resource = fc.record(
      {
        resourceType: fc.constantFrom(
          'Slot',
          'Schedule',
          'Practitioner',
          'PractitionerRole',
          'Location',
          'Organization',
          'HealthcareService',
        ),
        id: fc.oneof(fc.constantFrom('a', 'b', 'ExampleSchedule1'), anything),
        status: fc.oneof(fc.constant('free'), anything),
        start: fc.oneof(instant, anything),
        end: fc.oneof(instant, anything),
        schedule: fc.oneof(fc.constant({ reference: 'Schedule/a' }), anything),
        actor: fc.oneof(fc.constant([{ reference: 'Practitioner/b' }, { reference: 'Schedule/a' }]), anything),
        identifier: anything,
        meta: anything,
        serviceType: anything,
        contained: anything,
        location: anything,
        providedBy: fc.oneof(fc.constant({ reference: 'HealthcareService/a' }), anything),
      },
      { requiredKeys: ['resourceType'] },
    );
    const bundle = fc.record({
      resourceType: fc.constant('Bundle'),
      type: fc.constantFrom('searchset', 'collection'),
      entry: fc.array(fc.oneof(fc.record({ fullUrl: fc.oneof(fc.webUrl(), anything), resource }), anything), {
        maxLength: 20,
      }),
    });
    fc.assert(
      fc.property(bundle, (input) => {
        checkInvariants(mapSlotBundle(input, ctx));
      }),
      { numRuns: 1000 },
    );
  });

  it('on mutated IG bundles (PS, CPTS) and the SOS bundle', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...BUNDLES),
        fc.array(mutation, { minLength: 1, maxLength: 6 }),
        (bundle, mutations) => {
          checkInvariants(mapSlotBundle(mutate(bundle, mutations), ctx));
        },
      ),
      { numRuns: 1500 },
    );
  });
});

describe('one bad slot never spoils the others', () => {
  const original = loadIg('Bundle-ExampleBundlePSIndiv.json');
  const clean = mapSlotBundle(original, ctx);
  const slotEntryIndexes = [0, 4, 7, 11];

  it('whatever is done to one Slot (but its id), the other slots map exactly as before', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...slotEntryIndexes),
        fc.array(mutation, { minLength: 1, maxLength: 4 }),
        fc.boolean(),
        (entryIndex, mutations, replaceWhole) => {
          const bundle = structuredClone(original) as { entry: { resource: Record<string, unknown> }[] };
          const entry = bundle.entry[entryIndex];
          if (entry === undefined) throw new Error('fixture');
          const id = entry.resource.id;
          const mutated = replaceWhole ? mutations[0]?.value : mutate(entry.resource, mutations);
          // Keep the slot's id: a garbage slot must not take another slot's id (that is a duplicate, not garbage).
          if (mutated !== null && typeof mutated === 'object' && !Array.isArray(mutated))
            (mutated as Record<string, unknown>).id = id;
          entry.resource = mutated as Record<string, unknown>;
          const result = mapSlotBundle(bundle, ctx);
          const others = (r: SlotBundleMapping) => r.slots.filter((s) => s.id !== `${ctx.sourceId}/${String(id)}`);
          expect(others(result)).toEqual(others(clean));
        },
      ),
      { numRuns: 1000 },
    );
  });
});

describe('the other mappers never throw', () => {
  it('mapResource, mapAppointment and mapRegulatorPractitioner on arbitrary values', () => {
    fc.assert(
      fc.property(anything, (input) => {
        const mapped = mapResource(input, ctx);
        expect(mapped.resource !== undefined || mapped.issues.length > 0).toBe(true);
        const appointment = mapAppointment(input);
        if (!appointment.ok) expect(appointment.issues.length).toBeGreaterThan(0);
        const regulator = mapRegulatorPractitioner(input);
        if (!regulator.ok) expect(regulator.issues.length).toBeGreaterThan(0);
      }),
      { numRuns: 2000 },
    );
  });

  it('on mutated IG appointments and regulators: valid results keep their invariants', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...RESOURCES),
        fc.array(mutation, { minLength: 1, maxLength: 4 }),
        (resource, mutations) => {
          const input = mutate(resource, mutations);
          const appointment = mapAppointment(input);
          if (appointment.ok) {
            const { start, end } = appointment.appointment;
            expect((parseInstant(end)?.epochMs ?? 0) > (parseInstant(start)?.epochMs ?? 0)).toBe(true);
          }
          const regulator = mapRegulatorPractitioner(input);
          if (regulator.ok)
            expect(regulator.regulator.nationalId !== undefined || regulator.regulator.internalId !== undefined).toBe(
              true,
            );
          mapResource(input, ctx);
        },
      ),
      { numRuns: 1500 },
    );
  });
});
