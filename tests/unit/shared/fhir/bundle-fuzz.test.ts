// The short fuzzing run of the slot-bundle mapper (the long one is `npm run fuzz`): hostile publisher answers built by
// fast-check over the fuzzer's damages (wrong types, missing references, cycles, huge strings, deep nesting,
// prototype-pollution keys, throwing getters and proxies), each checked by the same oracle as the long run.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SlotBundleMapping } from '@shared/fhir/map-slot-bundle';
import { mapSlotBundle } from '@shared/fhir/map-slot-bundle';
import { applyBundleDamages, BUNDLE_DAMAGES, COSTLY_DAMAGES, deepValue, seedBundles } from '@tests/fuzz/bundle-corpus';
import { checkBundle, checkMapping, FUZZ_SOURCE_ID } from '@tests/fuzz/bundle-oracle';
import { runBundleCampaign } from '@tests/fuzz/campaign';
import { documentedMappingCodes } from '@tests/fuzz/known-codes';
import { createRng } from '@tests/fuzz/random';

const SEEDS = seedBundles();
const CHEAP = BUNDLE_DAMAGES.filter((d) => !COSTLY_DAMAGES.includes(d));
const empty: SlotBundleMapping = { slots: [], practitioners: [], cpts: [], sosSites: [], issues: [] };

describe('the bundle fuzzer’s material', () => {
  it('starts from bundles that map to slots without any issue code outside the README', () => {
    for (const seed of SEEDS) {
      const verdict = checkBundle(seed);
      expect(verdict.violations).toEqual([]);
      expect(verdict.accepted).toBe(true);
    }
  });

  it('reads the documented codes from the mapper’s README', () => {
    const codes = documentedMappingCodes();
    for (const code of [
      'not-a-bundle',
      'slot-schedule-unresolved',
      'internal-error',
      'bundle-too-many-entries',
      'value-too-long',
    ])
      expect(codes.has(code), code).toBe(true);
    expect(() => documentedMappingCodes('# no section')).toThrow(/Issue codes/u);
    expect([...documentedMappingCodes('## Issue codes\nBundle: `a-b`, `c`.\n## Next\n`d`')]).toEqual(['a-b', 'c']);
  });

  it('each damage changes its input, deterministically', () => {
    for (const damage of CHEAP) {
      const a = applyBundleDamages(SEEDS[0]!, [damage], createRng(7));
      const b = applyBundleDamages(SEEDS[0]!, [damage], createRng(7));
      expect(a.damages, damage).toEqual([damage]);
      if (damage !== 'hostileJs') expect(a.input, damage).toEqual(b.input);
      if (damage !== 'inheritedFields') expect(a.input, damage).not.toEqual(SEEDS[0]);
    }
  });
});

describe('the bundle oracle catches what it is meant to catch', () => {
  const details = (result: SlotBundleMapping) => checkMapping(result).map((v) => v.detail);
  const slot = {
    id: `${FUZZ_SOURCE_ID}/a`,
    start: '2030-01-01T10:00:00Z',
    end: '2030-01-01T10:15:00Z',
    types: [],
    modes: [],
    withAppointment: true,
    sourceId: FUZZ_SOURCE_ID,
    specialties: [],
  };

  it('undocumented codes, slots out of order, duplicated or misattributed, unsafe URLs', () => {
    expect(details({ ...empty, issues: [{ code: 'code-inconnu', message: 'x' }] })[0]).toMatch(/undocumented/u);
    expect(details({ ...empty, slots: [{ ...slot, end: slot.start }] })[0]).toMatch(/not in order/u);
    expect(details({ ...empty, slots: [slot, slot] })).toContain(`slot ${slot.id} twice`);
    expect(details({ ...empty, slots: [{ ...slot, sourceId: 'autre' }] })[0]).toMatch(/attributed/u);
    expect(details({ ...empty, slots: [{ ...slot, bookingUrl: 'javascript:alert(1)' }] })[0]).toMatch(
      /unsafe booking URL/u,
    );
  });

  it('huge strings, foreign prototypes and cycles in the result', () => {
    expect(details({ ...empty, issues: [{ code: 'slot-id-missing', message: 'x'.repeat(700) }] })[0]).toMatch(
      /message/u,
    );
    expect(
      details({ ...empty, practitioners: [{ nationalId: '810101010101', familyName: 'x'.repeat(5000) } as never] })[0],
    ).toMatch(/string of 5000/u);
    expect(details({ ...empty, cpts: [Object.create({ finess: '470000000' }) as never] }).join()).toMatch(
      /foreign prototype/u,
    );
    const cyclic: Record<string, unknown> = { nationalId: '810101010101' };
    cyclic['self'] = cyclic;
    expect(details({ ...empty, practitioners: [cyclic as never] }).join()).toMatch(/cyclic/u);
  });
});

describe('mapSlotBundle under fuzzing (short run)', () => {
  it('never throws and keeps its contract on damaged bundles', () => {
    fc.assert(
      fc.property(
        fc.nat({ max: SEEDS.length - 1 }),
        fc.array(fc.constantFrom(...CHEAP), { minLength: 1, maxLength: 3 }),
        fc.integer(),
        (seedIndex, damages, rngSeed) => {
          const { input } = applyBundleDamages(SEEDS[seedIndex]!, damages, createRng(rngSeed));
          expect(checkBundle(input).violations).toEqual([]);
        },
      ),
      { numRuns: 2500 },
    );
  });

  it('handles each costly damage: entries past the limit, megabyte strings, deep chains', () => {
    for (const damage of COSTLY_DAMAGES) {
      for (let rngSeed = 0; rngSeed < 3; rngSeed += 1) {
        const { input, damages } = applyBundleDamages(SEEDS[rngSeed % SEEDS.length]!, [damage], createRng(rngSeed));
        expect(damages).toEqual([damage]);
        expect(checkBundle(input).violations, damage).toEqual([]);
      }
    }
  });

  it('keeps prototype keys as mere data and walks no reference cycle', () => {
    const text = JSON.stringify(SEEDS[0]).replace(
      '{',
      '{"__proto__":{"polluted":"oui","resourceType":"Slot"},"constructor":{"prototype":{"polluted":"oui"}},',
    );
    const mapping = mapSlotBundle(JSON.parse(text), { sourceId: FUZZ_SOURCE_ID });
    expect(mapping.slots.length).toBeGreaterThan(0);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    // A 50,000-level chain where the mapper looks for extensions and contained resources: read in constant depth.
    const deep = structuredClone(SEEDS[1]) as { entry: { resource: Record<string, unknown> }[] };
    for (const entry of deep.entry) {
      entry.resource['extension'] = deepValue(50_000, 'extension');
      entry.resource['contained'] = deepValue(50_000, 'array');
    }
    expect(checkBundle(deep).violations).toEqual([]);
  });

  it('a campaign slice as the long run does it, with a few costly damages', () => {
    const report = runBundleCampaign({ runSeed: 20260401, count: 250, costlyShare: 0.02 });
    expect(report.inputs).toBe(250);
    expect(report.accepted).toBeGreaterThan(25);
    expect(report.violations).toEqual({ crash: 0, contract: 0, privacy: 0 });
  });
});
