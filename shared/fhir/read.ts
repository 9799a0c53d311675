// Defensive readers over untrusted JSON. Publishers' answers are read field by field through these, never through
// casts: a wrong type or an oversized string becomes an issue for that field only, never a throw.
// Why not zod here: a schema fails the whole object; the SAS rule is that one bad field (or resource) must not
// spoil the rest, and each problem needs its own stable code and French message.
import type { IssueSink } from './issues';

export type JsonRecord = Record<string, unknown>;

/** Bounds on what the mapper reads (characters / items). Larger values are refused, with an issue. */
export const LIMITS = {
  text: 500,
  url: 2000,
  reference: 2048,
  /** Bundle entries read; a searchset answer to 25 practitioners with `_count=1000` stays far below. */
  entries: 20_000,
  /** Items read from any repeated element (codings, identifiers, names, telecoms, contained...). */
  items: 200,
} as const;

export function isRecord(value: unknown): value is JsonRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An own property only: inherited members (`constructor`, `__proto__`...) are never read as data. */
export function own(record: JsonRecord, key: string): unknown {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

/** An own property that is an object, else undefined. */
export function child(record: JsonRecord, key: string): JsonRecord | undefined {
  const value = own(record, key);
  return isRecord(value) ? value : undefined;
}

/** The records of an array property (non-records skipped), at most `max` of them. */
export function records(record: JsonRecord, key: string, max: number = LIMITS.items): JsonRecord[] {
  const value = own(record, key);
  if (!Array.isArray(value)) return isRecord(value) ? [value] : [];
  const out: JsonRecord[] = [];
  const n = Math.min(value.length, max);
  for (let i = 0; i < n; i += 1) {
    const item: unknown = value[i];
    if (isRecord(item)) out.push(item);
  }
  return out;
}

/** The strings of an array property, each bounded; others skipped. */
export function strings(record: JsonRecord, key: string, max: number = LIMITS.text): string[] {
  const value = own(record, key);
  const list: unknown[] = Array.isArray(value) ? value.slice(0, LIMITS.items) : value === undefined ? [] : [value];
  const out: string[] = [];
  for (const item of list) {
    if (typeof item !== 'string') continue;
    const trimmed = item.trim();
    if (trimmed.length > 0 && trimmed.length <= max) out.push(trimmed);
  }
  return out;
}

/** A plain string property, trimmed, empty treated as absent; no issue (for optional, unimportant fields). */
export function plainText(record: JsonRecord, key: string, max: number = LIMITS.text): string | undefined {
  const value = own(record, key);
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed.length > 0 && trimmed.length <= max ? trimmed : undefined;
}

/**
 * A string property the mapping relies on: wrong type or too long gives an issue naming the path.
 * Absent or empty gives undefined without issue (the caller knows whether it is required).
 */
export function text(
  record: JsonRecord,
  key: string,
  sink: IssueSink,
  path: string,
  max: number = LIMITS.text,
): string | undefined {
  const value = own(record, key);
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') {
    sink.add('value-wrong-type', `${path} devrait être une chaîne de caractères (reçu : ${describe(value)}).`, path);
    return undefined;
  }
  if (value.length > max) {
    sink.add('value-too-long', `${path} dépasse ${max} caractères (${value.length}) : valeur ignorée.`, path);
    return undefined;
  }
  const trimmed = value.trim();
  return trimmed.length > 0 ? trimmed : undefined;
}

/** A short, safe description of a value's type for messages (never echoes the value itself). */
export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'tableau';
  switch (typeof value) {
    case 'string':
      return 'chaîne';
    case 'number':
      return 'nombre';
    case 'boolean':
      return 'booléen';
    case 'object':
      return 'objet';
    default:
      return typeof value;
  }
}

/** Shortens a value for a message, so a huge or hostile string never floods the output. */
export function excerpt(value: string, max = 80): string {
  const head = value.length > max ? value.slice(0, max) : value;
  let clean = '';
  for (const ch of head) {
    const c = ch.charCodeAt(0);
    clean += c < 0x20 || c === 0x7f ? ' ' : ch;
  }
  return value.length > max ? `${clean}…` : clean;
}
