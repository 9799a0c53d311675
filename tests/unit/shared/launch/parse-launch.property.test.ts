// Property tests: the parser never throws and always answers in its contract, on arbitrary and on mutated input;
// valid launches survive encoding. 12,500 runs in all, kept fast (no shrinking cost on success).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { LaunchParseResult, LaunchRequest } from '@shared/domain/launch';
import { LAUNCH_ERROR_CODES, LAUNCH_WARNING_CODES } from '@shared/launch/codes';
import { looksLikeLaunchUrl } from '@shared/launch/launch-url';
import { parseLaunch } from '@shared/launch/parse-launch';

const ERROR_CODES: ReadonlySet<string> = new Set(LAUNCH_ERROR_CODES);
const WARNING_CODES: ReadonlySet<string> = new Set(LAUNCH_WARNING_CODES);
/** Controls and bidi overrides must never reach a message raw (newlines neither: messages are one line). */
const hasRawOddCharacter = (text: string): boolean =>
  [...text].some((ch) => {
    const cp = ch.codePointAt(0) ?? 0;
    return cp < 0x20 || (cp >= 0x7f && cp <= 0x9f) || (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069);
  });

/** The contract every result honours, whatever the input. */
function assertWellFormed(result: LaunchParseResult): void {
  if (result.ok) {
    expect(['platform-url', 'console-scheme']).toContain(result.request.via);
  } else {
    expect(result.errors.length).toBeGreaterThan(0);
    for (const e of result.errors) expect(ERROR_CODES.has(e.code), e.code).toBe(true);
  }
  for (const w of result.warnings) expect(WARNING_CODES.has(w.code), w.code).toBe(true);
  for (const issue of [...(result.ok ? [] : result.errors), ...result.warnings]) {
    expect(issue.message.length).toBeGreaterThan(0);
    // French, and about the parameter it names, shown safely.
    expect(issue.message).toMatch(/Paramètre|URL de lancement|Aucune URL|Localisation|L'URL/);
    if (issue.parameter !== undefined) expect(issue.message).toContain(`« ${issue.parameter} »`);
    expect(hasRawOddCharacter(issue.message), issue.message).toBe(false);
  }
}

const PREFIXES = [
  'sas-console://recherche?',
  'sas-console:recherche?',
  'https://sas.sante.fr/sas/recherche?',
  'https://int.sas.sante.fr/sas/recherche/?',
  'https://',
  'sas-console:',
  '',
];
const anyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.string({ unit: 'grapheme', maxLength: 300 }),
);
const prefixedText = fc.tuple(fc.constantFrom(...PREFIXES), anyText).map(([prefix, rest]) => prefix + rest);
const queryish = fc
  .array(
    fc.tuple(
      fc.constantFrom(
        'origin',
        'practitioner',
        'specialty',
        'speciality',
        'inseecode',
        'city',
        'streetname',
        'streetnumber',
        'text',
        'loc',
        'City',
        'x',
      ),
      fc.oneof(
        fc.string({ unit: 'binary', maxLength: 40 }),
        fc.constantFrom('%', '%E9', '%zz', '%C3', '%00', '%E2%80%AE', '+', '2A004', '75111', '12bis'),
      ),
    ),
    { maxLength: 12 },
  )
  .map((pairs) => `sas-console://recherche?${pairs.map(([n, v]) => `${n}=${v}`).join('&')}`);

describe('parseLaunch never throws', () => {
  it('on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.oneof(anyText, prefixedText, queryish), (input) => {
        assertWellFormed(parseLaunch(input));
      }),
      { numRuns: 4000 },
    );
  });

  it('on arbitrary argv arrays', () => {
    const arg = fc.oneof(
      anyText,
      prefixedText,
      queryish,
      fc.constantFrom(
        '--allow-file-access-from-files',
        '--original-process-start-time=13379246574000000',
        'C:\\SAS Console.exe',
      ),
    );
    fc.assert(
      fc.property(
        fc.array(arg, { maxLength: 8 }),
        fc.option(fc.array(fc.string(), { maxLength: 3 }), { nil: undefined }),
        (argv, known) => {
          assertWellFormed(parseLaunch(argv, known === undefined ? {} : { knownOrigins: known }));
        },
      ),
      { numRuns: 2500 },
    );
  });
});

// ── Valid launches: generators of values the parser must accept unchanged ─────────────────────────────────────
const LETTERS = [...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZéèêëàâäîïôöùûüçœæÉÈÀÇŒßøłñαβ北京한국ąż'];
const PUNCTUATION = [..."'’-.,()&=+#%?/"];
const word = fc
  .array(fc.constantFrom(...LETTERS, ...LETTERS, ...PUNCTUATION, ...'0123456789'), { minLength: 1, maxLength: 12 })
  .map((chars) => chars.join(''));
/** Clean text with at least one letter: words joined by single spaces, as the parser gives them back. */
const text = fc
  .tuple(fc.constantFrom(...LETTERS), fc.array(word, { maxLength: 6 }))
  .map(([letter, words]) => [letter, ...words].join(' '));

const origin = fc.stringMatching(/^[A-Za-z0-9_.-]{1,64}$/);
const rpps = fc.stringMatching(/^\d{11}$/);
const oid = fc.array(fc.nat({ max: 99999 }), { minLength: 2, maxLength: 10 }).map((arcs) => arcs.join('.'));
const code = fc.stringMatching(/^[A-Za-z0-9._-]{1,40}$/);
const insee = fc.oneof(
  fc.stringMatching(/^\d{5}$/),
  fc.stringMatching(/^2[AB]\d{3}$/),
  fc.integer({ min: 75101, max: 75120 }).map(String),
  fc.integer({ min: 69381, max: 69389 }).map(String),
  fc.integer({ min: 13201, max: 13216 }).map(String),
);
const streetNumber = fc.tuple(
  fc.stringMatching(/^\d{1,5}$/),
  fc.option(fc.constantFrom('bis', 'ter', 'quater', 'quinquies', 'a', 'b'), { nil: undefined }),
);

const CITY_CODES: readonly (readonly [number, number, string])[] = [
  [75101, 75120, '75056'],
  [69381, 69389, '69123'],
  [13201, 13216, '13055'],
];
function expectedInsee(value: string): { inseeCode: string; arrondissementInseeCode?: string } {
  const n = Number(value);
  const city = CITY_CODES.find(([first, last]) => n >= first && n <= last);
  return city ? { inseeCode: city[2], arrondissementInseeCode: value } : { inseeCode: value };
}

const validLaunch = fc.record(
  {
    origin,
    gp: fc.oneof(
      rpps.map((r) => ({ kind: 'national-id' as const, r })),
      text.map((t) => ({ kind: 'name' as const, t })),
    ),
    specialty: fc.oneof(
      fc.tuple(oid, code).map(([o, c]) => ({ kind: 'coded' as const, o, c })),
      text.map((t) => ({ kind: 'text' as const, t })),
    ),
    specialtyName: fc.constantFrom('specialty', 'speciality'),
    insee,
    city: text,
    street: fc.tuple(text, fc.option(streetNumber, { nil: undefined })),
  },
  { requiredKeys: ['insee', 'city'] },
);
const FORMS = [
  'sas-console://recherche',
  'sas-console:recherche',
  'https://sas.sante.fr/sas/recherche',
  'https://pre-prod.sas.sante.fr/sas/recherche/',
];

describe('valid launches parse back to their values', () => {
  it('through any launch form, encoding and parameter order', () => {
    fc.assert(
      fc.property(
        validLaunch,
        fc.constantFrom(...FORMS),
        fc.boolean(),
        fc.boolean(),
        fc.option(fc.constantFrom(...FORMS), { nil: undefined }),
        (launch, form, plusForSpaces, asArgv, decoy) => {
          const params: [string, string][] = [];
          const request: LaunchRequest = {
            via: form.startsWith('https') ? 'platform-url' : 'console-scheme',
            location: {},
          };
          const warnings: string[] = [];
          if (launch.origin !== undefined) {
            params.push(['origin', launch.origin]);
            request.origin = launch.origin;
          } else warnings.push('missing-origin');
          if (launch.gp?.kind === 'national-id') {
            params.push(['practitioner', `urn:oid:1.2.250.1.71.4.2.1|8${launch.gp.r}`]);
            request.gp = { kind: 'national-id', nationalId: `8${launch.gp.r}` };
          } else if (launch.gp?.kind === 'name') {
            params.push(['practitioner', launch.gp.t]);
            request.gp = { kind: 'name', text: launch.gp.t };
          } else warnings.push('missing-practitioner');
          if (launch.specialty !== undefined) {
            const name = launch.specialtyName ?? 'specialty';
            if (launch.specialty.kind === 'coded') {
              params.push([name, `urn:oid:${launch.specialty.o}|${launch.specialty.c}`]);
              request.specialty = {
                kind: 'coded',
                coding: { system: `urn:oid:${launch.specialty.o}`, code: launch.specialty.c },
              };
            } else {
              params.push([name, launch.specialty.t]);
              request.specialty = { kind: 'text', text: launch.specialty.t };
            }
          }
          params.push(['inseecode', launch.insee], ['city', launch.city]);
          Object.assign(request.location, expectedInsee(launch.insee), { city: launch.city });
          if (launch.street !== undefined) {
            const [streetName, number] = launch.street;
            params.push(['streetname', streetName]);
            request.location.streetName = streetName;
            if (number !== undefined) {
              const [digits, index] = number;
              params.push(['streetnumber', index === undefined ? digits : `${digits}${index}`]);
              request.location.streetNumber = index === undefined ? digits : `${digits} ${index}`;
              if (index !== undefined) warnings.push('street-number-repetition-index');
            }
          }
          const encode = (v: string): string =>
            plusForSpaces ? encodeURIComponent(v).replace(/%20/g, '+') : encodeURIComponent(v);
          // Parameter order must not matter: rotate by a value derived from the data.
          const shift = launch.city.length % params.length;
          const ordered = [...params.slice(shift), ...params.slice(0, shift)];
          const url = `${form}?${ordered.map(([n, v]) => `${n}=${encode(v)}`).join('&')}`;
          const input = asArgv
            ? ['C:\\SAS Console.exe', ...(decoy ? [`${decoy}?city=Decoy`] : []), '--allow-file-access-from-files', url]
            : url;

          const result = parseLaunch(input);
          expect(result).toEqual({ ok: true, request, warnings: expect.any(Array) });
          expect(result.warnings.map((w) => w.code)).toEqual(warnings);
        },
      ),
      { numRuns: 2000 },
    );
  });
});

// ── Mutations of a valid URL: damage of every kind must give a well-formed answer ─────────────────────────────
const VALID =
  'https://sas.sante.fr/sas/recherche?origin=TEST-SAMU000&practitioner=urn%3Aoid%3A1.2.250.1.71.4.2.1%7C810101010101' +
  '&specialty=urn%3Aoid%3A1.2.250.1.213.2.28%7CSM54&inseecode=75111&city=Paris&streetname=rue+Oberkampf&streetnumber=12';
const NASTY = [
  '%',
  '%E9',
  '%zz',
  '%C3',
  '%00',
  '&',
  '=',
  '#',
  '?',
  '+',
  '|',
  ':',
  '/',
  '@',
  '\u202E',
  '\u200B',
  '\u0000',
  '\uD800',
  '\uFFFD',
  'é',
  'e\u0301',
];
const mutation = fc.oneof(
  fc.record({
    kind: fc.constant('insert' as const),
    at: fc.nat(),
    piece: fc.oneof(fc.constantFrom(...NASTY), fc.string({ unit: 'binary', maxLength: 4 })),
  }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 12 }) }),
  fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
);
type Mutation = typeof mutation extends fc.Arbitrary<infer M> ? M : never;
function mutate(url: string, m: Mutation): string {
  const at = m.at % (url.length + 1);
  switch (m.kind) {
    case 'insert':
      return url.slice(0, at) + m.piece + url.slice(at);
    case 'delete':
      return url.slice(0, at) + url.slice(at + m.length);
    case 'duplicate':
      return url.slice(0, at + m.length) + url.slice(at);
    case 'truncate':
      return url.slice(0, at);
  }
}

describe('mutated valid URLs', () => {
  it('always give a well-formed answer', () => {
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 5 }), (mutations) => {
        const url = mutations.reduce(mutate, VALID);
        const direct = parseLaunch(url);
        assertWellFormed(direct);
        const viaArgv = parseLaunch(['C:\\SAS Console.exe', '--allow-file-access-from-files', url]);
        assertWellFormed(viaArgv);
        // Passed through argv, a URL still recognised as a launch reads exactly as when given alone.
        if (looksLikeLaunchUrl(url)) expect(viaArgv).toEqual(direct);
      }),
      { numRuns: 4000 },
    );
  });
});
