// The one place a specialty written by a person or an LRM becomes TRE_R38 / TRE_G15 codes: the launch check, the
// search bar and the backend all ask here. Never throws; unknown text gets the nearest suggestions instead.
import type { Coding } from '../domain/care-offer';
import type { SpecialtyReference } from '../domain/launch';
import {
  specialtyCodeSystem,
  specialtyCoding,
  TRE_G15_LABELS,
  TRE_R38_LABELS,
  type SpecialtyCodeSystem,
} from '../domain/specialties';
import { editDistance } from '@shared/util/text';
import { specialtyKey } from './normalize';
import { USUAL_NAMES } from './specialty-names';

/** A code the resolution gives: `system` is `TRE_R38` or `TRE_G15` (or, for a code sent as is, its own system). */
export interface SpecialtyCode {
  system: string;
  code: string;
  label: string;
}

type SpecialtyMatch = 'code' | 'label' | 'usual-name' | 'prefix' | 'spelling';

export type SpecialtyResolution =
  | { resolved: true; codes: SpecialtyCode[]; matchedBy: SpecialtyMatch }
  | { resolved: false; text: string; suggestions: SpecialtyCode[] };

/** Asked most often at the SAS: the suggestions when nothing in the text helps. */
const FREQUENT_CODES = ['SM54', 'SM40', 'SM42', 'SM38', 'SM15', 'SM20', 'SM04'] as const;

const MAX_SUGGESTIONS = 5;
/** A prefix naming more codes than this names a family (« chirurgie »), not a specialty: suggestions instead. */
const MAX_PREFIX_CODES = 2;
const MIN_PREFIX_LENGTH = 4;
const MIN_SPELLING_LENGTH = 5;
/** Farness from which a name is unrelated to the text (more than about half of it differs). */
const UNRELATED = 0.85;

const systemOfCode = (code: string): SpecialtyCodeSystem => (/^\d+$/u.test(code) ? 'TRE_G15' : 'TRE_R38');
const tableOf = (system: SpecialtyCodeSystem) => (system === 'TRE_R38' ? TRE_R38_LABELS : TRE_G15_LABELS);

/** The code with its label, or undefined when the nomenclature does not have it. */
function knownCode(system: SpecialtyCodeSystem, code: string): SpecialtyCode | undefined {
  const label = tableOf(system)[code];
  return label === undefined ? undefined : { system, code, label };
}

interface Entry {
  codes: readonly SpecialtyCode[];
  by: 'label' | 'usual-name';
}

function buildIndex(): Map<string, Entry> {
  const index = new Map<string, Entry>();
  const add = (name: string, entry: Entry) => {
    const key = specialtyKey(name);
    // Official labels are indexed first and win: resolving a label must always give its own code.
    if (key !== '' && !index.has(key)) index.set(key, entry);
    const squashed = key.replace(/ /gu, '');
    if (squashed !== key && squashed !== '' && !index.has(squashed)) index.set(squashed, entry);
  };
  for (const system of ['TRE_R38', 'TRE_G15'] as const) {
    for (const code of Object.keys(tableOf(system))) {
      const known = knownCode(system, code);
      if (known) add(known.label, { codes: [known], by: 'label' });
    }
  }
  for (const { codes, names } of USUAL_NAMES) {
    const known = codes.flatMap((code) => knownCode(systemOfCode(code), code) ?? []);
    for (const name of names) add(name, { codes: known, by: 'usual-name' });
  }
  return index;
}

const INDEX = buildIndex();
const KEYS = [...INDEX.keys()];

/** Every name the resolver knows, with its codes: for the table's own consistency tests. */
export function knownNames(): ReadonlyMap<string, readonly SpecialtyCode[]> {
  return new Map([...INDEX].map(([key, entry]) => [key, entry.codes]));
}

const CODED = /^(?:(.{1,200})\|)?\s*([A-Za-z]{2,3}\d{1,3}|\d{1,3})$/u;

/** `SM54`, `TRE_R38|SM54`, `urn:oid:1.2.250.1.213.2.28|SM54`: a code of a known nomenclature. */
function byCode(text: string): SpecialtyCode | undefined {
  const match = CODED.exec(text.trim());
  if (!match?.[2]) return undefined;
  const code = match[2].toUpperCase();
  // The URN scheme and the table names are case-insensitive; the FHIR URL is not rewritten.
  const written = match[1]
    ?.trim()
    .replace(/^urn:oid:/iu, 'urn:oid:')
    .replace(/^tre_(r38|g15)$/iu, (t) => t.toUpperCase());
  const system = written === undefined ? systemOfCode(code) : specialtyCodeSystem(written);
  return system ? knownCode(system, code) : undefined;
}

const sameCodes = (a: readonly SpecialtyCode[], b: readonly SpecialtyCode[]) =>
  a.length === b.length && a.every((c) => b.some((d) => d.system === c.system && d.code === c.code));

function union(entries: readonly Entry[]): SpecialtyCode[] {
  const codes: SpecialtyCode[] = [];
  for (const entry of entries)
    for (const c of entry.codes) if (!codes.some((d) => d.code === c.code && d.system === c.system)) codes.push(c);
  return codes;
}

/** Free text (or a bare code) to codes, or to the nearest suggestions. */
export function resolveSpecialtyText(text: string): SpecialtyResolution {
  const coded = byCode(text);
  if (coded) return { resolved: true, codes: [coded], matchedBy: 'code' };
  const key = specialtyKey(text);
  if (key === '') return unresolved(text, key);
  const exact = INDEX.get(key) ?? INDEX.get(key.replace(/ /gu, ''));
  if (exact) return { resolved: true, codes: [...exact.codes], matchedBy: exact.by };

  if (key.length >= MIN_PREFIX_LENGTH) {
    const entries = KEYS.filter((k) => k.startsWith(key)).flatMap((k) => INDEX.get(k) ?? []);
    const codes = union(entries);
    if (codes.length > 0 && codes.length <= MAX_PREFIX_CODES) return { resolved: true, codes, matchedBy: 'prefix' };
  }
  if (key.length >= MIN_SPELLING_LENGTH) {
    // One slip in a short word, two in a long one; and only when every closest name means the same codes.
    const max = key.length <= 7 ? 1 : 2;
    let best = max + 1;
    let closest: Entry[] = [];
    for (const k of KEYS) {
      const d = editDistance(key, k, Math.min(max, best));
      const entry = INDEX.get(k);
      if (!entry || d > max) continue;
      if (d < best) [best, closest] = [d, [entry]];
      else if (d === best) closest.push(entry);
    }
    const first = closest[0];
    if (first && closest.every((e) => sameCodes(e.codes, first.codes)))
      return { resolved: true, codes: [...first.codes], matchedBy: 'spelling' };
  }
  return unresolved(text, key);
}

/** How far a known name is from the text, 0 (same start) to about 1.3; only the order matters. */
function farness(key: string, known: string): number {
  if (known.startsWith(key) || key.startsWith(known)) return 0.1;
  const words = key.split(' ').filter((w) => w.length >= 3);
  const knownWords = known.split(' ');
  if (words.some((w) => knownWords.some((kw) => kw.startsWith(w) || w.startsWith(kw)))) return 0.3;
  const length = Math.max(key.length, known.length);
  return 0.3 + editDistance(key.slice(0, 60), known, length) / length;
}

function unresolved(text: string, key: string): SpecialtyResolution {
  const frequency = (c: SpecialtyCode) => {
    const i = (FREQUENT_CODES as readonly string[]).indexOf(c.code);
    return i === -1 ? FREQUENT_CODES.length : i;
  };
  const best = new Map<string, { code: SpecialtyCode; score: number }>();
  // Names sharing nothing with the text are no suggestion: the frequent specialties fill the list instead.
  for (const code of FREQUENT_CODES) {
    const known = knownCode('TRE_R38', code);
    if (known) best.set(`TRE_R38:${code}`, { code: known, score: UNRELATED });
  }
  if (key !== '') {
    for (const [known, entry] of INDEX) {
      const score = farness(key, known);
      for (const code of entry.codes) {
        const id = `${code.system}:${code.code}`;
        const seen = best.get(id);
        if (score < UNRELATED && (!seen || score < seen.score)) best.set(id, { code, score });
      }
    }
  }
  const suggestions = [...best.values()]
    .sort(
      (a, b) =>
        a.score - b.score || frequency(a.code) - frequency(b.code) || a.code.label.localeCompare(b.code.label, 'fr'),
    )
    .slice(0, MAX_SUGGESTIONS)
    .map((s) => s.code);
  return { resolved: false, text: text.slice(0, 200), suggestions };
}

/**
 * A search's specialty reference. A coded one is taken as sent (a code the console's tables lack still reaches the
 * directory, which may know it); free text goes through the table.
 */
export function resolveSpecialtyReference(reference: SpecialtyReference): SpecialtyResolution {
  if (reference.kind === 'text') return resolveSpecialtyText(reference.text);
  const { coding } = reference;
  const system = specialtyCodeSystem(coding.system);
  const known = system ? knownCode(system, coding.code.trim()) : undefined;
  return {
    resolved: true,
    codes: [known ?? { system: system ?? coding.system, code: coding.code, label: coding.display ?? coding.code }],
    matchedBy: 'code',
  };
}

/** The codings a resolution stands for, in the nomenclature's FHIR form (what the directory matches). */
export function resolutionCodings(resolution: SpecialtyResolution): Coding[] {
  if (!resolution.resolved) return [];
  return resolution.codes.map((c) =>
    c.system === 'TRE_R38' || c.system === 'TRE_G15'
      ? specialtyCoding(c.system, c.code)
      : { system: c.system, code: c.code },
  );
}
