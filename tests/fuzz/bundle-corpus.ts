// Hostile publisher answers for the mapper: real SAS IG bundles (PS individual, CPTS, SOS Médecins) damaged the ways
// a buggy or malicious publisher could — wrong types, references to nothing, reference cycles, huge strings, deep
// nesting, prototype-pollution keys, more entries than the limit, and JS values no JSON can make (throwing getters,
// proxies, object cycles), since `mapSlotBundle` takes `unknown`. Pure functions of a seeded Rng.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { bundleOf, igFiles, loadIg } from '../fixtures/fhir/load';
import type { Rng } from './random';

type Json = Record<string, unknown>;

const SOS_BUNDLE = fileURLToPath(new URL('../fixtures/fhir/sos/Bundle-SosSynthetic.json', import.meta.url));

/** The valid bundles every damage starts from. */
export function seedBundles(): Json[] {
  const resources = igFiles().filter(
    (f) => !f.startsWith('Bundle-') && !f.startsWith('Appointment-') && !f.includes('Regul'),
  );
  return [
    loadIg('Bundle-ExampleBundlePSIndiv.json'),
    loadIg('Bundle-ExampleBundleCPTS1.json'),
    JSON.parse(readFileSync(SOS_BUNDLE, 'utf8')) as Json,
    // Every stand-alone example resource of the guide in one searchset, as a publisher could send them together.
    bundleOf(resources),
  ];
}

const PRISTINE_SLOT = loadIg('Slot-ExampleSlotPSIndiv1.json');

type Place = [Json | unknown[], string | number];

/** Every [container, key] of a JSON tree down to `maxDepth`, so a damage can land at any depth. */
function places(value: unknown, maxDepth = 10, out: Place[] = [], depth = 0, seen = new WeakSet<object>()): Place[] {
  if (depth > maxDepth || value === null || typeof value !== 'object' || seen.has(value) || out.length > 50_000)
    return out;
  seen.add(value);
  if (Array.isArray(value)) {
    value.forEach((item, i) => {
      out.push([value, i]);
      places(item, maxDepth, out, depth + 1, seen);
    });
  } else {
    for (const [key, item] of Object.entries(value)) {
      out.push([value as Json, key]);
      places(item, maxDepth, out, depth + 1, seen);
    }
  }
  return out;
}

function setAt([container, key]: Place, value: unknown): void {
  (container as Record<string | number, unknown>)[key] = value;
}

function getAt([container, key]: Place): unknown {
  return (container as Record<string | number, unknown>)[key];
}

function entriesOf(bundle: Json): Json[] {
  const entry = bundle['entry'];
  return Array.isArray(entry)
    ? entry.filter((e): e is Json => typeof e === 'object' && e !== null && !Array.isArray(e))
    : [];
}

function resourcesOf(bundle: Json): Json[] {
  return entriesOf(bundle)
    .map((e) => e['resource'])
    .filter((r): r is Json => typeof r === 'object' && r !== null && !Array.isArray(r));
}

const WRONG_VALUES: readonly unknown[] = [
  0,
  -1,
  1.5,
  1e308,
  -0,
  Number.MAX_SAFE_INTEGER + 2,
  true,
  false,
  null,
  '',
  ' ',
  'x',
  '2021-02-30T10:00:00Z',
  '2021-13-45T99:99:99Z',
  '9999-12-31T23:59:59.999999999+14:00',
  'free',
  'busy',
  [],
  [null],
  [[]],
  {},
  { reference: 5 },
  { reference: '' },
  { coding: 'SM54' },
  { system: 7, code: [] },
  'urn:oid:1.2.250.1.71.4.2.1|8',
  'javascript:alert(1)',
  'https://user:pass@example.org/rdv',
  'http://127.0.0.1:1/',
  '\u0000',
  '\u202e',
  '\ud800',
];

const MISSING_REFERENCES = [
  'Schedule/nope',
  'Practitioner/absent',
  '#missing',
  '#',
  'http://autre.example/fhir/Practitioner/1',
  '',
  'Schedule/',
  '../../etc/passwd',
  'Organization/ExampleOrgaCPTS1/_history/',
  'urn:uuid:00000000-0000-0000-0000-000000000000',
  'HealthcareService/%00',
  'Location/' + 'a'.repeat(70),
];

/** Where references live in SAS bundles, per resource type. */
const REFERENCE_FIELDS: Record<string, string[]> = {
  Slot: ['schedule'],
  Schedule: ['actor'],
  PractitionerRole: ['practitioner', 'location', 'organization', 'healthcareService'],
  HealthcareService: ['providedBy', 'location'],
  Location: ['managingOrganization'],
};

function referenceTo(resource: Json): string {
  return `${String(resource['resourceType'])}/${String(resource['id'])}`;
}

/**
 * A string past the mapper's bounds. `budget` caps it: a publisher's body is bounded (20 MB at the backend), so a
 * bundle whose entries all share one object must not carry megabytes per entry — JSON cannot amplify that way.
 */
function hugeString(rng: Rng, budget: number): string {
  const length = Math.max(501, Math.min(budget, rng.pick([501, 2_049, 100_000, 1_000_000, 4_000_000])));
  return rng.pick(['a', 'é', '🏥', ' ', '\u200b', '0']).repeat(length);
}

/** An object or array chain `depth` levels deep, built without recursion. */
export function deepValue(depth: number, shape: 'array' | 'object' | 'extension'): unknown {
  let value: unknown = { url: 'feuille', valueString: 'fond' };
  for (let i = 0; i < depth; i += 1) {
    value =
      shape === 'array'
        ? [value]
        : shape === 'object'
          ? { resource: value, reference: 'Schedule/x' }
          : { url: 'x', extension: [value] };
  }
  return value;
}

function throwingGetter(target: Json, key: string): void {
  Object.defineProperty(target, key, {
    enumerable: true,
    configurable: true,
    get() {
      throw new Error(`getter ${key} piégé`);
    },
  });
}

function throwingProxy(): unknown {
  const fail = () => {
    throw new Error('proxy piégé');
  };
  return new Proxy({}, { get: fail, has: fail, ownKeys: fail, getOwnPropertyDescriptor: fail, getPrototypeOf: fail });
}

type Damage = (bundle: Json, rng: Rng) => unknown;

// One instance each, so the same seed gives the same input (a fresh symbol or function is never equal to another).
const NOT_A_BUNDLE_SYMBOL = Symbol('bundle');
const NOT_A_BUNDLE_FUNCTION = () => ({ resourceType: 'Bundle' });

const DAMAGES: Record<string, Damage> = {
  wrongTypes: (bundle, rng) => {
    const all = places(bundle);
    for (let i = rng.int(1, 8); i > 0 && all.length > 0; i -= 1) setAt(rng.pick(all), rng.pick(WRONG_VALUES));
    return bundle;
  },
  randomEdits: (bundle, rng) => {
    for (let i = rng.int(1, 6); i > 0; i -= 1) {
      const all = places(bundle);
      if (all.length === 0) break;
      const place = rng.pick(all);
      const [container, key] = place;
      const op = rng.int(0, 2);
      if (op === 0) {
        if (Array.isArray(container)) container.splice(key as number, 1);
        else delete (container as Json)[key as string];
      } else if (op === 1 && Array.isArray(container)) {
        container.splice(key as number, 0, structuredCloneSafe(getAt(place)));
      } else {
        setAt(place, structuredCloneSafe(getAt(rng.pick(all))));
      }
    }
    return bundle;
  },
  missingReferences: (bundle, rng) => {
    const entries = bundle['entry'];
    if (Array.isArray(entries) && rng.chance(0.5)) {
      // Drop included resources: slots then point at schedules, practitioners, organizations that are not there.
      bundle['entry'] = entries.filter((e: unknown) => {
        const type = (e as { resource?: { resourceType?: unknown } } | null)?.resource?.resourceType;
        return type === 'Slot' || rng.chance(0.3);
      });
      return bundle;
    }
    for (const resource of resourcesOf(bundle)) {
      for (const field of REFERENCE_FIELDS[String(resource['resourceType'])] ?? []) {
        if (!rng.chance(0.6)) continue;
        const value = resource[field];
        const target = { reference: rng.pick(MISSING_REFERENCES) };
        resource[field] = Array.isArray(value) ? value.map(() => target) : target;
      }
    }
    return bundle;
  },
  referenceCycles: (bundle, rng) => {
    const resources = resourcesOf(bundle);
    for (const resource of resources) {
      const fields = REFERENCE_FIELDS[String(resource['resourceType'])] ?? [];
      for (const field of fields) {
        // Point at itself, or at another resource whose references point back.
        const other = rng.chance(0.5) ? resource : rng.pick(resources);
        const target = { reference: rng.chance(0.2) ? '#self' : referenceTo(other) };
        resource[field] = Array.isArray(resource[field]) ? [target, target] : target;
      }
      if (rng.chance(0.2)) resource['contained'] = [{ ...resource, id: 'self', contained: [resource] }];
    }
    // Entries sharing one fullUrl: resolution must stay a map lookup, whichever it finds.
    if (rng.chance(0.3))
      for (const entry of entriesOf(bundle)) entry['fullUrl'] = 'https://editeur.example/fhir/Schedule/boucle';
    return bundle;
  },
  objectCycles: (bundle, rng) => {
    // Not JSON any more: a JS value may reach the mapper from any caller, and must neither hang nor overflow.
    for (const resource of resourcesOf(bundle)) {
      if (rng.chance(0.5)) resource['self'] = resource;
      if (rng.chance(0.3)) resource['contained'] = [resource, bundle];
      if (rng.chance(0.3)) resource['extension'] = [{ url: 'boucle', extension: resource['extension'] ?? [] }];
    }
    const entries = bundle['entry'];
    if (Array.isArray(entries) && rng.chance(0.5)) entries.push(bundle);
    return bundle;
  },
  hugeStrings: (bundle, rng) => {
    const strings = places(bundle).filter((p) => typeof getAt(p) === 'string');
    const entries = Array.isArray(bundle['entry']) ? (bundle['entry'] as unknown[]).length : 1;
    const budget = Math.floor(20_000_000 / Math.max(1, entries));
    for (let i = rng.int(1, 3); i > 0 && strings.length > 0; i -= 1) setAt(rng.pick(strings), hugeString(rng, budget));
    return bundle;
  },
  deepNesting: (bundle, rng) => {
    const targets = places(bundle).filter((p) => typeof getAt(p) === 'object');
    const depth = rng.pick([100, 1_000, 10_000, 50_000]);
    const value = deepValue(depth, rng.pick(['array', 'object', 'extension'] as const));
    if (targets.length > 0 && rng.chance(0.7)) setAt(rng.pick(targets), value);
    else {
      const resource = resourcesOf(bundle)[0];
      if (resource) resource[rng.pick(['contained', 'extension', 'meta', 'serviceType', 'actor'])] = value;
    }
    return bundle;
  },
  prototypeKeys: (bundle, rng) => {
    // Through JSON text, as the backend receives it: `__proto__` becomes an own key, and must stay mere data.
    const pollution = rng.pick([
      '"__proto__":{"polluted":"oui","resourceType":"Slot","status":"free","isAdmin":true},',
      '"constructor":{"prototype":{"polluted":"oui"}},',
      '"__proto__":[1,2,3],',
      '"hasOwnProperty":"piège","toString":1,"valueOf":{},',
      '"__defineGetter__":"x","__lookupGetter__":null,',
    ]);
    const text = JSON.stringify(bundle);
    // Large bundles (thousands of entries) get the keys at the top only: rewriting megabytes is not the point.
    const damaged =
      text.length > 200_000
        ? `{${pollution}${text.slice(1)}`
        : text.replace(/\{/gu, (brace) => (rng.chance(0.15) ? `{${pollution}` : brace));
    try {
      return JSON.parse(damaged);
    } catch {
      return JSON.parse(`{${pollution}${text.slice(1)}`);
    }
  },
  inheritedFields: (bundle, rng) => {
    // Fields only on the prototype must never be read as the resource's own.
    const entries = bundle['entry'];
    if (!Array.isArray(entries)) return bundle;
    bundle['entry'] = entries.map((entry: unknown) => {
      if (!rng.chance(0.5) || typeof entry !== 'object' || entry === null) return entry;
      const resource = (entry as Json)['resource'];
      return Object.create({ resource, fullUrl: 'https://editeur.example/fhir/Slot/herite' }) as unknown;
    });
    if (rng.chance(0.3)) return Object.create(bundle) as unknown;
    return bundle;
  },
  hostileJs: (bundle, rng) => {
    for (const resource of resourcesOf(bundle)) {
      const choice = rng.int(0, 5);
      if (choice === 0)
        throwingGetter(
          resource,
          rng.pick(['start', 'status', 'schedule', 'actor', 'identifier', 'resourceType', 'id']),
        );
      else if (choice === 1) resource['extension'] = throwingProxy();
      else if (choice === 2) Object.freeze(resource);
      else if (choice === 3) resource['meta'] = new Map([['security', [{ code: 'SNP' }]]]);
      else if (choice === 4) resource['serviceType'] = new Uint8Array(16);
    }
    const entries = bundle['entry'];
    if (Array.isArray(entries) && rng.chance(0.3)) entries[rng.int(0, entries.length)] = throwingProxy();
    if (rng.chance(0.1)) return throwingProxy();
    if (rng.chance(0.1)) throwingGetter(bundle, 'entry');
    return bundle;
  },
  manyEntries: (bundle, rng) => {
    // Around the 20,000-entry limit, all one (pristine) slot: an earlier damage's megabytes are not multiplied.
    const slot = { fullUrl: 'https://editeur.example/fhir/Slot/ExampleSlotPSIndiv1', resource: PRISTINE_SLOT };
    const n = rng.pick([20_000, 20_001, 25_000]);
    bundle['entry'] = Array.from({ length: n }, () => slot);
    return bundle;
  },
  sparseEntries: (bundle, rng) => {
    const entries = new Array<unknown>(rng.pick([10, 30_000, 1_000_000]));
    entries[0] = entriesOf(bundle)[0];
    bundle['entry'] = entries;
    return bundle;
  },
  duplicates: (bundle, rng) => {
    const entries = entriesOf(bundle);
    const copies = entries.flatMap((e) => (rng.chance(0.5) ? [e, structuredClone(e)] : [e]));
    for (const copy of copies) {
      const resource = copy['resource'] as Json | undefined;
      if (resource && rng.chance(0.3)) resource['start'] = rng.pick(['2030-01-01T00:00:00Z', '2020-01-01T00:00:00Z']);
    }
    bundle['entry'] = copies;
    return bundle;
  },
  notABundle: (_bundle, rng) =>
    rng.pick<unknown>([
      null,
      undefined,
      0,
      'Bundle',
      [],
      [{ resourceType: 'Bundle' }],
      { resourceType: 'bundle' },
      { resourceType: ['Bundle'] },
      { resourceType: 'Bundle', type: 'searchset', entry: 'x' },
      { resourceType: 'Bundle', type: 'searchset', entry: { length: 1e9 } },
      { resourceType: 'Bundle', type: 'transaction', entry: [{}] },
      { resourceType: 'OperationOutcome', issue: [] },
      {
        resourceType: 'Bundle',
        type: 'searchset',
        entry: [null, 1, 'x', [], { resource: null }, { resource: { id: 'x' } }],
      },
      10n,
      NOT_A_BUNDLE_SYMBOL,
      NOT_A_BUNDLE_FUNCTION,
      new Date(0),
    ]),
};

/** JSON-ish copy that tolerates what structuredClone refuses (functions, proxies): returns the value itself then. */
function structuredCloneSafe(value: unknown): unknown {
  try {
    return structuredClone(value);
  } catch {
    return value;
  }
}

export const BUNDLE_DAMAGES: readonly string[] = Object.keys(DAMAGES);
/** Damages that build very large inputs (tens of thousands of entries, megabytes, deep chains). */
export const COSTLY_DAMAGES: readonly string[] = ['manyEntries', 'sparseEntries', 'hugeStrings', 'deepNesting'];
const CHEAP_DAMAGES = BUNDLE_DAMAGES.filter((name) => !COSTLY_DAMAGES.includes(name));

/**
 * Applies the named damages in order to a copy of `seed`. Stops early when an earlier damage left nothing a later
 * one can work on (not an object any more, a proxy, a throwing getter). Returns the input and the damages applied.
 */
export function applyBundleDamages(
  seed: Json,
  names: readonly string[],
  rng: Rng,
): { input: unknown; damages: string[] } {
  let input: unknown = structuredClone(seed);
  const damages: string[] = [];
  for (const name of names) {
    const damage = DAMAGES[name];
    if (!damage) continue;
    try {
      if (
        typeof input !== 'object' ||
        input === null ||
        Array.isArray(input) ||
        Object.getPrototypeOf(input) !== Object.prototype
      )
        break;
      input = damage(input as Json, rng);
    } catch {
      break;
    }
    damages.push(name);
  }
  return { input, damages };
}

/**
 * One hostile bundle: 1 to 3 damages of a seed bundle. `costlyShare` is how often a damage may be a costly one
 * (the long run uses more of them than the unit suite, which must stay fast).
 */
export function hostileBundle(
  rng: Rng,
  seeds: readonly Json[],
  costlyShare = 0.06,
): { input: unknown; damages: string[] } {
  const seed = rng.pick(seeds);
  const names = Array.from({ length: rng.int(1, 3) }, () =>
    rng.chance(costlyShare) ? rng.pick(COSTLY_DAMAGES) : rng.pick(CHEAP_DAMAGES),
  );
  return applyBundleDamages(seed, names, rng);
}
