// Launch inputs for the fuzzer: valid LRM launches (the seeds) and the ways real launchers and attackers damage
// them — byte flips, broken percent-encoding, duplicated parameters, huge values, Unicode oddities, Windows and
// Chromium flags around the URL. Every generator is a pure function of a seeded Rng, so input k of a run is
// rebuilt from the run seed and k alone.
import type { Rng } from './random';

/**
 * Distinctive patient data in the seeds. The parser's contract: no message ever repeats a patient's address or
 * GP name; the oracle looks for these tokens (lower case, accents apart) in every message.
 */
export const PATIENT_SENTINELS = {
  streetName: 'rue Zéphyrin Quasimodo',
  streetNumber: '4711',
  gpName: 'Docteur Zorglubovitch',
  /** Tokens searched for in messages: survive percent-encoding (`Z%C3%A9phyrin` still holds `phyrin`). */
  tokens: ['quasimodo', 'phyrin', 'zorglubovitch'],
} as const;

/** encodeURIComponent, except that text it cannot encode (a lone surrogate from an earlier damage) stays raw. */
function enc(text: string): string {
  try {
    return encodeURIComponent(text);
  } catch {
    return text;
  }
}
const RPPS_URN = 'urn:oid:1.2.250.1.71.4.2.1|810101010101';
const SM54_URN = 'urn:oid:1.2.250.1.213.2.28|SM54';
const DENTIST_URN = 'urn:oid:1.2.250.1.71.1.2.7|40';

const BASES = [
  'sas-console://recherche',
  'sas-console:recherche',
  'sas-console:///recherche/',
  'SAS-Console://Recherche',
  'https://sas.sante.fr/sas/recherche',
  'https://sas.sante.fr/sas/recherche/',
  'https://pre-prod.sas.sante.fr:8443/sas/recherche',
  'HTTPS://INT.SAS.SANTE.FR/sas/recherche',
] as const;

type Pairs = [string, string][];

function query(pairs: Pairs, plus: boolean): string {
  return pairs.map(([n, v]) => `${n}=${plus ? enc(v).replace(/%20/gu, '+') : enc(v)}`).join('&');
}

/** The valid launches every mutation starts from: each one parses with `ok: true`. */
export function seedLaunches(): string[] {
  const s = PATIENT_SENTINELS;
  const sets: Pairs[] = [
    [
      ['origin', 'TEST-SAMU000'],
      ['practitioner', RPPS_URN],
      ['specialty', SM54_URN],
      ['inseecode', '47001'],
      ['city', 'Agen'],
      ['streetname', s.streetName],
      ['streetnumber', s.streetNumber],
    ],
    [
      ['origin', 'SAMU-33'],
      ['practitioner', s.gpName],
      ['speciality', 'Pédiatrie'],
      ['inseecode', '75111'],
      ['city', 'Paris'],
      ['streetname', s.streetName],
      ['streetnumber', '4711 bis'],
    ],
    [
      ['origin', 'SAMU2A'],
      ['specialty', DENTIST_URN],
      ['inseecode', '2A004'],
      ['city', 'Ajaccio'],
      ['streetname', `${s.streetNumber} ${s.streetName}`],
    ],
    [
      ['origin', 'TEST-SAMU000'],
      ['practitioner', s.gpName],
      ['city', 'Saint-Étienne-de-Tinée'],
      ['streetname', s.streetName],
      ['streetnumber', `${s.streetNumber}ter`],
    ],
    [
      ['text', 'Médecine générale'],
      ['loc', 'Bordeaux'],
      ['origin', 'LRM.test_1'],
      ['streetname', s.streetName],
    ],
    [
      ['inseecode', '13205'],
      ['streetname', s.streetName],
      ['streetnumber', s.streetNumber],
      ['practitioner', RPPS_URN],
    ],
  ];
  const out: string[] = [];
  for (const [i, pairs] of sets.entries()) {
    for (const [j, base] of BASES.entries()) out.push(`${base}?${query(pairs, (i + j) % 2 === 0)}`);
  }
  return out;
}

/** Characters and short strings that break parsers: separators, encodings, controls, Unicode oddities. */
const ODD_PIECES = [
  '%',
  '%%',
  '%2',
  '%zz',
  '%E9',
  '%C3',
  '%C3%',
  '%ED%A0%80',
  '%C0%AF',
  '%F4%90%80%80',
  '%EF%BF%BE',
  '%00',
  '%0A',
  '%2525',
  '%E2%80%AE',
  '%E2%80%8B',
  '%EF%BB%BF',
  '%C2%A0',
  '%3D',
  '%26',
  '%3F',
  '%23',
  '%7C',
  '+',
  '&',
  '=',
  '?',
  '#',
  '/',
  '\\',
  ';',
  '|',
  ':',
  '@',
  ' ',
  '\t',
  '\n',
  '\r\n',
  '\u0000',
  '\u0007',
  '\u007f',
  '\u0085',
  '\u00a0',
  '\u200b',
  '\u200d',
  '\u200e',
  '\u202e',
  '\u2066',
  '\u2028',
  '\ufeff',
  '\ufffd',
  '\ufffe',
  '\uffff',
  '\ud800',
  '\udfff',
  '\u0301',
  '\u3164',
  '\u{e0041}',
  '🏥',
  '👩🏽‍⚕️',
  'ｒｕｅ',
  'ß',
  'İ',
  'ı',
  '\u00c5',
  'A\u030a',
  '\u034f',
  '\u061c',
  '\ufdd0',
  '\u{10ffff}',
  'é',
] as const;

const INSERTED_PAIRS: Pairs = [
  ['inseecode', '2B999'],
  ['inseecode', '75121'],
  ['inseecode', '4700'],
  ['inseecode', '2C004'],
  ['inseecode', '47 001'],
  ['streetnumber', 'abc'],
  ['streetnumber', '123456'],
  ['streetnumber', '12 quinquies'],
  ['streetnumber', '-1'],
  ['practitioner', 'urn:oid:1.2.250.1.71.4.2.1|0123456789'],
  ['practitioner', '12345678901'],
  ['practitioner', 'oid:1.2|8'],
  ['specialty', 'urn:oid:1.2.x|SM54'],
  ['specialty', '40'],
  ['specialty', 'urn:oid:|'],
  ['origin', 'bad origin!'],
  ['origin', 'x'.repeat(65)],
  ['city', ''],
  ['city', '   '],
  ['streetname', '\u200b'],
  ['text', 'Dentiste'],
  ['loc', 'Agen'],
  ['inseeCode', '47001'],
  ['STREETNAME', 'x'],
  ['unknown', '1'],
  ['', 'x'],
  ['__proto__', 'x'],
  ['constructor', 'x'],
  ['toString', 'x'],
  ['hasOwnProperty', '1'],
];

const WINDOWS_ARGS = [
  'C:\\Program Files\\SAS Console\\SAS Console.exe',
  'C:\\Users\\osnp\\AppData\\Local\\Programs\\sas-console\\SAS Console.exe',
  '/Applications/SAS Console.app/Contents/MacOS/SAS Console',
  '/opt/SAS Console/sas-console',
  '.',
  '--allow-file-access-from-files',
  '--original-process-start-time=13379246574000000',
  '--secure-schemes=sas-console',
  '--bypasscsp-schemes',
  '--fetch-schemes=sas-console',
  '--standard-schemes=app',
  '--enable-sandbox',
  '--no-sandbox',
  '--inspect=9229',
  '--',
  '-psn_0_12345',
  '--proxy-server=http://proxy.chu.example:3128',
  'http://localhost:5173/',
  'https://sas.sante.fr.evil.example/sas/recherche?city=Agen',
  'https://example.org/sas/recherche?city=Agen',
  '--url=sas-console://recherche?city=Agen',
] as const;

type Mutation = (input: string, rng: Rng, seeds: readonly string[]) => string;

const at = (input: string, rng: Rng) => rng.int(0, input.length);

/** `[start, end)` of the value of a random `name=value` pair, or undefined when there is no query. */
function randomValueSpan(input: string, rng: Rng): [number, number] | undefined {
  const mark = input.indexOf('?');
  if (mark < 0) return undefined;
  const spans: [number, number][] = [];
  let start = mark + 1;
  for (let i = start; i <= input.length; i += 1) {
    if (i === input.length || input[i] === '&' || input[i] === '#') {
      const eq = input.indexOf('=', start);
      if (eq >= 0 && eq < i) spans.push([eq + 1, i]);
      if (input[i] === '#') break;
      start = i + 1;
    }
  }
  return spans.length > 0 ? rng.pick(spans) : undefined;
}

const MUTATIONS: Record<string, Mutation> = {
  flipChar: (input, rng) => {
    if (input.length === 0) return rng.pick(ODD_PIECES);
    const i = rng.int(0, input.length - 1);
    const replacement = rng.chance(0.5)
      ? String.fromCharCode(rng.int(0, 0xffff))
      : String.fromCharCode(input.charCodeAt(i) ^ (1 << rng.int(0, 7)));
    return input.slice(0, i) + replacement + input.slice(i + 1);
  },
  insertOdd: (input, rng) => {
    const i = at(input, rng);
    return input.slice(0, i) + rng.pick(ODD_PIECES) + input.slice(i);
  },
  oddInValue: (input, rng) => {
    const span = randomValueSpan(input, rng);
    if (!span) return input + rng.pick(ODD_PIECES);
    const i = rng.int(span[0], span[1]);
    return input.slice(0, i) + rng.pick(ODD_PIECES) + input.slice(i);
  },
  deleteRange: (input, rng) => {
    const i = at(input, rng);
    return input.slice(0, i) + input.slice(Math.min(input.length, i + rng.int(1, 12)));
  },
  truncate: (input, rng) => input.slice(0, at(input, rng)),
  percentDamage: (input, rng) => {
    const positions = [...input.matchAll(/%[0-9A-Fa-f]{2}/gu)].map((m) => m.index);
    if (positions.length === 0) return input + rng.pick(['%', '%C3', '%E9', '%zz']);
    const i = rng.pick(positions);
    const damage = rng.pick(['%', '%z', '%C', '%C3', '%E9', '%ED%A0%80', '%C0%80', '%2525', '%FF', '%25', '']);
    return input.slice(0, i) + damage + input.slice(i + rng.pick([1, 2, 3]));
  },
  duplicateParam: (input, rng) => {
    const mark = input.indexOf('?');
    const pairs = mark < 0 ? [] : input.slice(mark + 1).split('&');
    if (pairs.length === 0) return `${input}?city=Agen&city=Agen`;
    const chosen = rng.pick(pairs);
    const eq = chosen.indexOf('=');
    const name = eq < 0 ? chosen : chosen.slice(0, eq);
    const variant = rng.pick([
      chosen,
      `${name}=autre%20valeur`,
      `${name.toUpperCase()}=${eq < 0 ? '' : chosen.slice(eq + 1)}`,
      `${name}=`,
      name,
    ]);
    return rng.chance(0.5) ? `${input}&${variant}` : input.replace(chosen, `${variant}&${chosen}`);
  },
  insertPair: (input, rng) => {
    const [name, value] = rng.pick(INSERTED_PAIRS);
    const pair = `${name}=${rng.chance(0.7) ? enc(value) : value}`;
    return input.includes('?') ? `${input}&${pair}` : `${input}?${pair}`;
  },
  hugeValue: (input, rng) => {
    const length = rng.pick([199, 200, 201, 250, 1000, 4000, 4097, 10_000, 70_000]);
    const unit = rng.pick(['a', 'é', '%C3%A9', '🏥', ' ', '\u200b', 'rue ', '%']);
    const value = unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
    const span = randomValueSpan(input, rng);
    return span ? input.slice(0, span[0]) + value + input.slice(span[1]) : `${input}&streetname=${value}`;
  },
  manyParams: (input, rng) => {
    const n = rng.int(20, 80);
    const extra = Array.from({ length: n }, (_, i) => (rng.chance(0.5) ? `p${i}=${i}` : `city=Agen`)).join('&');
    return `${input}${input.includes('?') ? '&' : '?'}${extra}`;
  },
  caseChange: (input, rng) => {
    const i = at(input, rng);
    const j = Math.min(input.length, i + rng.int(1, 20));
    const piece = input.slice(i, j);
    return input.slice(0, i) + (rng.chance(0.5) ? piece.toUpperCase() : piece.toLowerCase()) + input.slice(j);
  },
  structure: (input, rng) => {
    const mark = input.indexOf('?');
    const target = mark < 0 ? input : input.slice(0, mark);
    const rest = mark < 0 ? '' : input.slice(mark + 1);
    switch (rng.int(0, 13)) {
      case 0:
        return `${target}&${rest}`; // `&` instead of `?`: a classic LRM configuration slip
      case 1:
        return `${target}/${rest}`;
      case 2:
        return `${input}#${rng.pick(['', 'frag', 'city=Paris', '%zz'])}`;
      case 3:
        return input.replace('://', `://${rng.pick(['user', 'sas.sante.fr', 'a:b'])}@`);
      case 4:
        return input.replace(
          /sas\.sante\.fr/iu,
          rng.pick([
            'sas.sante.fr.evil.example',
            'fakesas.sante.fr',
            'sas.sante.fr.',
            'sаs.sante.fr',
            'sas.sante.fr:99999',
            'sas.sante.fr:abc',
            'xn--sas-sante.fr',
          ]),
        );
      case 5:
        return input.replace(
          /^[a-z-]+:/iu,
          rng.pick(['http:', 'file:', 'javascript:', 'sas-console2:', 'SAS-CONSOLE:', ' sas-console:', 'data:']),
        );
      case 6:
        return `${rng.pick(['  ', '\t', '"', "'", '<'])}${input}${rng.pick(['  ', '\n', '"', "'", '>'])}`;
      case 7:
        return input.replace(/\//gu, '\\');
      case 8:
        return `${target}?${enc(rest)}`; // the whole query encoded once more
      case 9:
        return `${target}??${rest}`;
      case 10:
        return input.replace(
          'recherche',
          rng.pick(['recherche/x', 'Recherche', 'rechercher', 'recherche%2F', '../recherche', 'recherche;x=1']),
        );
      case 11:
        return `${target}?${rest.replace(/=/gu, rng.pick(['%3D', ':', '==']))}`;
      case 12:
        return `${target}?${rest.split('&').reverse().join('&')}`;
      default:
        return `${target}?${rest.replace(/&/gu, rng.pick(['&&', ';', '&amp;', '%26']))}`;
    }
  },
  splice: (input, rng, seeds) => {
    const other = rng.pick(seeds);
    return input.slice(0, at(input, rng)) + other.slice(rng.int(0, other.length));
  },
  nameDamage: (input, rng) =>
    input.replace(
      rng.pick(['streetname=', 'city=', 'inseecode=', 'origin=', 'practitioner=', 'specialty=']),
      rng.pick([
        'streetName=',
        'street name=',
        'streetname =',
        '%73treetname=',
        '=',
        'str%C3%A9etname=',
        'streetname\u200b=',
        'ｓtreetname=',
        'city%00=',
      ]),
    ),
};

export const LAUNCH_MUTATIONS: readonly string[] = Object.keys(MUTATIONS);

/** Applies the named mutations in order (unknown names are skipped). */
export function applyLaunchMutations(
  url: string,
  names: readonly string[],
  rng: Rng,
  seeds: readonly string[],
): string {
  let out = url;
  for (const name of names) {
    const mutation = MUTATIONS[name];
    if (mutation) out = mutation(out, rng, seeds);
  }
  return out;
}

/** One damaged launch URL: 1 to 4 mutations of a seed. Returns the URL and the mutations applied (for reports). */
export function mutatedLaunchUrl(rng: Rng, seeds: readonly string[]): { url: string; mutations: string[] } {
  const seed = rng.pick(seeds);
  const mutations = Array.from({ length: rng.int(1, 4) }, () => rng.pick(LAUNCH_MUTATIONS));
  return { url: applyLaunchMutations(seed, mutations, rng, seeds), mutations };
}

/**
 * A process argv around a (possibly damaged) launch URL, as Windows, macOS and Linux launchers build it: executable
 * path, Chromium flags, decoy URLs, sometimes no launch at all, sometimes entries that are not strings (untrusted IPC).
 */
export function launchArgv(rng: Rng, url: string): unknown[] {
  const argv: unknown[] = [rng.pick(WINDOWS_ARGS.slice(0, 5))];
  for (let i = rng.int(0, 4); i > 0; i -= 1) argv.push(rng.pick(WINDOWS_ARGS));
  if (rng.chance(0.9)) argv.push(rng.chance(0.1) ? `"${url}"` : url);
  for (let i = rng.int(0, 2); i > 0; i -= 1) argv.push(rng.pick(WINDOWS_ARGS));
  if (rng.chance(0.05)) argv.push(rng.pick<unknown>([42, null, undefined, { url }, [url], Symbol.for('x')]));
  if (rng.chance(0.05)) {
    // The URL split over two arguments (an unquoted space in a Windows command line).
    const cut = rng.int(0, url.length);
    argv.push(url.slice(0, cut), url.slice(cut));
  }
  return argv;
}
