// The strict checker against the IG's own examples (they pass: warnings only) and a table of deliberately altered
// answers, each deviation reported with its own code, a location and a French message. Never throws on any JSON.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkBundleConformance } from '@shared/conformance/check-bundle';
import type { RuleCode } from '@shared/conformance/rules';
import { loadIg } from '@tests/fixtures/fhir/load';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- fixtures mutated in depth on purpose
type Any = any;
const ps = (): Any => loadIg('Bundle-ExampleBundlePSIndiv.json');
const cpts = (): Any => loadIg('Bundle-ExampleBundleCPTS1.json');
const CPTS_NOW = new Date('2024-06-12T16:20:00+02:00');
const of = (bundle: Any, type: string): Any[] =>
  bundle.entry.map((e: Any) => e.resource).filter((r: Any) => r.resourceType === type);

type Alteration = [string, RuleCode, () => Any];
const ALTERED: Alteration[] = [
  ['type collection', 'bundle-type', () => ({ ...ps(), type: 'collection' })],
  ['no Bundle profile', 'bundle-profile', () => ({ ...ps(), meta: {} })],
  ['no total', 'bundle-total-missing', () => ({ ...ps(), total: undefined })],
  ['wrong total', 'bundle-total-mismatch', () => ({ ...ps(), total: 99 })],
  ['no self link', 'bundle-link-self', () => ({ ...ps(), link: [] })],
  [
    'search mode unknown',
    'entry-search-mode',
    () => {
      const b = ps();
      b.entry[0].search.mode = 'autre';
      return b;
    },
  ],
  [
    'slot busy',
    'slot-status',
    () => {
      const b = ps();
      of(b, 'Slot')[0].status = 'busy';
      return b;
    },
  ],
  [
    'slot without start',
    'slot-start-end',
    () => {
      const b = ps();
      delete of(b, 'Slot')[0].start;
      return b;
    },
  ],
  [
    'instant without milliseconds',
    'slot-instant-format',
    () => {
      const b = ps();
      of(b, 'Slot')[0].start = '2021-11-05T09:00:00+00:00';
      return b;
    },
  ],
  [
    'instant in UTC Z',
    'slot-instant-format',
    () => {
      const b = ps();
      of(b, 'Slot')[0].end = '2021-11-05T09:30:00.000Z';
      return b;
    },
  ],
  [
    'end before start',
    'slot-end-before-start',
    () => {
      const b = ps();
      of(b, 'Slot')[0].end = '2021-11-05T08:30:00.000+00:00';
      return b;
    },
  ],
  [
    'slot without schedule',
    'slot-schedule',
    () => {
      const b = ps();
      delete of(b, 'Slot')[0].schedule;
      return b;
    },
  ],
  [
    'slot without security',
    'slot-security',
    () => {
      const b = ps();
      of(b, 'Slot')[0].meta.security = [];
      return b;
    },
  ],
  [
    'slot type outside TRE_R314',
    'slot-security',
    () => {
      const b = ps();
      of(b, 'Slot')[0].meta.security[0].code = 'URGENT';
      return b;
    },
  ],
  [
    'modality outside ActCode',
    'slot-service-type',
    () => {
      const b = ps();
      of(b, 'Slot')[0].serviceType[0].coding[0].code = 'XX';
      return b;
    },
  ],
  [
    'appointmentType outside v2-0276',
    'slot-appointment-type',
    () => {
      const b = ps();
      of(b, 'Slot')[0].appointmentType.coding[0].code = 'EMERGENCY';
      return b;
    },
  ],
  [
    'relative booking URL',
    'slot-comment-not-url',
    () => {
      const b = ps();
      of(b, 'Slot')[0].comment = 'rdv/com';
      return b;
    },
  ],
  [
    'schedule reference dangling',
    'reference-unresolved',
    () => {
      const b = ps();
      of(b, 'Slot')[0].schedule.reference = 'Schedule/absent';
      return b;
    },
  ],
  [
    'no Practitioner',
    'bundle-no-practitioner',
    () => {
      const b = ps();
      b.entry = b.entry.filter((e: Any) => e.resource.resourceType !== 'Practitioner');
      return b;
    },
  ],
  [
    'no PractitionerRole',
    'bundle-no-practitioner-role',
    () => {
      const b = ps();
      b.entry = b.entry.filter((e: Any) => e.resource.resourceType !== 'PractitionerRole');
      return b;
    },
  ],
  [
    'practitioner identifier system',
    'practitioner-identifier',
    () => {
      const b = ps();
      of(b, 'Practitioner')[0].identifier[0].system = 'urn:oid:1.2.3';
      return b;
    },
  ],
  [
    'IDNPS not 8 + RPPS',
    'practitioner-rpps-format',
    () => {
      const b = ps();
      of(b, 'Practitioner')[0].identifier[0].value = '710002673899';
      return b;
    },
  ],
  [
    'identifier type unknown',
    'identifier-type-system',
    () => {
      const b = ps();
      of(b, 'Practitioner')[0].identifier[0].type.coding[0].code = 'XX';
      return b;
    },
  ],
  [
    'empty given name',
    'practitioner-name',
    () => {
      const b = ps();
      of(b, 'Practitioner')[0].name[0].given = [''];
      return b;
    },
  ],
  [
    'phone not international',
    'telecom-phone-format',
    () => {
      const b = ps();
      of(b, 'Practitioner')[0].telecom = [{ system: 'phone', value: '05 61 85 59 77' }];
      return b;
    },
  ],
  [
    'role without practitioner',
    'role-practitioner',
    () => {
      const b = ps();
      delete of(b, 'PractitionerRole')[0].practitioner;
      return b;
    },
  ],
  [
    'role without organization',
    'role-organization-identifier',
    () => {
      const b = ps();
      delete of(b, 'PractitionerRole')[0].organization;
      return b;
    },
  ],
  [
    'role organization outside IDNST',
    'role-organization-system',
    () => {
      const b = ps();
      of(b, 'PractitionerRole')[0].organization.identifier.system = 'urn:oid:9.9';
      return b;
    },
  ],
  [
    'role without contained Location',
    'role-location',
    () => {
      const b = ps();
      of(b, 'PractitionerRole')[0].contained = [];
      return b;
    },
  ],
  [
    'address without line',
    'location-address-line',
    () => {
      const b = ps();
      of(b, 'PractitionerRole')[0].contained[0].address.line = [];
      return b;
    },
  ],
  [
    'address without city',
    'location-address-city',
    () => {
      const b = ps();
      delete of(b, 'PractitionerRole')[0].contained[0].address.city;
      return b;
    },
  ],
  [
    'postal code of 4 digits',
    'location-postal-code',
    () => {
      const b = ps();
      of(b, 'PractitionerRole')[0].contained[0].address.postalCode = '4700';
      return b;
    },
  ],
  [
    'slot profile missing',
    'profile-missing',
    () => {
      const b = ps();
      of(b, 'Slot')[0].meta.profile = ['http://example.org/Slot'];
      return b;
    },
  ],
  [
    'free slot without booking URL',
    'slot-booking-url-missing',
    () => {
      const b = ps();
      delete of(b, 'Slot')[0].comment;
      return b;
    },
  ],
  [
    'unused include',
    'resource-unused',
    () => {
      const b = ps();
      b.entry.push({
        fullUrl: 'https://exemple.com/ans-sas/Practitioner/orphelin',
        resource: { ...of(b, 'Practitioner')[0], id: 'orphelin' },
        search: { mode: 'include' },
      });
      return b;
    },
  ],
  ['not a Bundle', 'bundle-not-bundle', () => ({ resourceType: 'Patient' })],
  [
    'CPTS slot beyond 48 h',
    'cpts-slot-beyond-48h',
    () => {
      const b = cpts();
      of(b, 'Slot')[0].start = '2024-06-15T16:40:00.000+02:00';
      of(b, 'Slot')[0].end = '2024-06-15T17:00:00.000+02:00';
      return b;
    },
  ],
  [
    'CPTS slot without HealthcareService',
    'cpts-service-reference',
    () => {
      const b = cpts();
      of(b, 'Slot')[0].serviceType.splice(1, 1);
      return b;
    },
  ],
  [
    'CPTS organization without IDNST',
    'cpts-organization-identifier',
    () => {
      const b = cpts();
      of(b, 'Organization')[0].identifier = [];
      return b;
    },
  ],
];

describe('checkBundleConformance', () => {
  it.each([
    ['PS', ps, 'slot-booking-url-missing'],
    ['CPTS', cpts, 'role-organization-system'],
  ] as const)('passes the IG %s example with warnings only', (_name, load, warning) => {
    const check = checkBundleConformance(load(), { now: CPTS_NOW });
    expect(check.errors).toBe(0);
    expect(check.findings.map((f) => f.code)).toEqual([warning]);
  });

  it(`reports each of ${ALTERED.length} deliberate deviations with its code`, () => {
    expect(ALTERED.length).toBeGreaterThanOrEqual(25);
    const count = (findings: { code: string }[], code: string) => findings.filter((f) => f.code === code).length;
    const before = {
      ps: checkBundleConformance(ps()).findings,
      cpts: checkBundleConformance(cpts(), { now: CPTS_NOW }).findings,
    };
    for (const [name, code, alter] of ALTERED) {
      const check = checkBundleConformance(alter(), { now: CPTS_NOW });
      // More findings of this code than in the unaltered example: the alteration is what was reported.
      const base = name.startsWith('CPTS') ? before.cpts : before.ps;
      expect(count(check.findings, code), `${name} → ${code}`).toBeGreaterThan(count(base, code));
      const found = check.findings.find((f) => f.code === code)!;
      expect(found.path, name).toMatch(/^Bundle/u);
      expect(found.message).toMatch(/[a-zé]/u);
      if (found.severity === 'error') expect(check.errors, name).toBeGreaterThan(0);
    }
  });

  it('never throws, whatever the JSON', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const check = checkBundleConformance(value);
        expect(check.errors + check.warnings).toBe(check.findings.length);
      }),
    );
    fc.assert(
      fc.property(fc.array(fc.anything()), fc.anything(), (entry, total) => {
        checkBundleConformance({ resourceType: 'Bundle', type: 'searchset', entry, total });
      }),
    );
  });
});
