// What a slot says beyond times and types: the reasons for the consultation (Slot.serviceType.text, « Visite de
// contrôle » in the guide's examples) and every CPTS it is offered through (one HealthcareService reference each).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mapSlotBundle } from '@shared/fhir/map-slot-bundle';
import { SLOT_SERVICE_TYPE_EXTENSION } from '@shared/fhir/codes';
import { loadIg } from '@tests/fixtures/fhir/load';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- test data surgery

const ctx = { sourceId: 'editeur-a' };
const ig = (name: string): Json => structuredClone(loadIg(name)) as Json;
const slotsOf = (bundle: Json): Json[] =>
  (bundle.entry as Json[]).filter((e) => e.resource.resourceType === 'Slot').map((e) => e.resource as Json);

describe('reasons for the consultation (Slot.serviceType.text)', () => {
  it('maps the guide’s reasons (« Visite de contrôle », « Visite urgente »…) onto each slot, beside its modes', () => {
    const bundle = ig('Bundle-ExampleBundlePSIndiv.json');
    const sent = new Map(
      slotsOf(bundle).map((slot) => [
        String(slot.id),
        (slot.serviceType as Json[]).filter((c) => c.coding === undefined).map((c) => String(c.text)),
      ]),
    );
    const mapped = mapSlotBundle(bundle, ctx);
    expect(mapped.slots.length).toBeGreaterThan(0);
    for (const slot of mapped.slots) {
      const expected = sent.get(slot.id.slice('editeur-a/'.length));
      expect(expected?.length).toBeGreaterThan(0);
      expect(slot.reasons).toEqual(expected);
    }
    expect(mapped.slots.flatMap((s) => s.reasons)).toContain('Visite de contrôle');
    expect(mapped.slots.some((s) => s.modes.includes('cabinet'))).toBe(true);
  });

  it('keeps the CPTS example’s reason too, and a mode’s own text is not a reason', () => {
    const bundle = ig('Bundle-ExampleBundleCPTS1.json');
    for (const slot of slotsOf(bundle)) (slot.serviceType as Json[])[0]!.text = 'ambulatoire';
    const mapped = mapSlotBundle(bundle, ctx);
    expect(mapped.slots.map((s) => s.reasons)).toEqual(mapped.slots.map(() => ['Visite de contrôle']));
  });

  it('never throws and keeps at most five bounded reasons, whatever the texts', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.string({ maxLength: 300 }), fc.integer(), fc.constant(null)), { maxLength: 12 }),
        (texts) => {
          const bundle = ig('Bundle-ExampleBundlePSIndiv.json');
          for (const slot of slotsOf(bundle)) slot.serviceType = texts.map((text) => ({ text }));
          const mapped = mapSlotBundle(bundle, ctx);
          for (const slot of mapped.slots) {
            const reasons = slot.reasons ?? [];
            expect(reasons.length).toBeLessThanOrEqual(5);
            for (const r of reasons) {
              expect(r.length).toBeGreaterThan(0);
              expect(r.length).toBeLessThanOrEqual(200);
            }
            expect(new Set(reasons).size).toBe(reasons.length);
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('a slot offered through several CPTS', () => {
  it('keeps every CPTS it references, one HealthcareService each', () => {
    const bundle = ig('Bundle-ExampleBundleCPTS1.json');
    const entries = bundle.entry as Json[];
    const service = entries.find((e) => e.resource.resourceType === 'HealthcareService')!;
    const organization = entries.find(
      (e) =>
        e.resource.resourceType === 'Organization' &&
        e.resource.id === service.resource.providedBy.reference.split('/')[1],
    )!;
    const secondOrg = structuredClone(organization) as Json;
    secondOrg.resource.id = 'SecondOrgaCPTS';
    secondOrg.fullUrl = String(organization.fullUrl).replace(/[^/]+$/u, 'SecondOrgaCPTS');
    secondOrg.resource.identifier = [{ ...secondOrg.resource.identifier[0], value: '1330000027' }];
    secondOrg.resource.name = 'CPTS Seconde';
    const secondService = structuredClone(service) as Json;
    secondService.resource.id = 'SecondServiceCPTS';
    secondService.fullUrl = String(service.fullUrl).replace(/[^/]+$/u, 'SecondServiceCPTS');
    secondService.resource.providedBy = { reference: 'Organization/SecondOrgaCPTS' };
    entries.push(secondOrg, secondService);
    for (const slot of slotsOf(bundle))
      (slot.serviceType as Json[]).push({
        extension: [
          { url: SLOT_SERVICE_TYPE_EXTENSION, valueReference: { reference: 'HealthcareService/SecondServiceCPTS' } },
        ],
        coding: [
          {
            system: 'https://mos.esante.gouv.fr/NOS/TRE_R66-CategorieEtablissement/FHIR/TRE-R66-CategorieEtablissement',
            code: '604',
          },
        ],
      });

    const mapped = mapSlotBundle(bundle, ctx);

    expect(mapped.slots.length).toBeGreaterThan(0);
    for (const slot of mapped.slots) {
      expect(slot.cptsFinesses).toHaveLength(2);
      expect(slot.cptsFinesses).toContain('330000027');
      expect(slot.cptsFiness).toBe(slot.cptsFinesses?.[0]);
    }
    expect(mapped.cpts.map((c) => c.finess)).toContain('330000027');
  });
});
