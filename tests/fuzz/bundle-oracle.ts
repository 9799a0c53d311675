// What must hold for every answer the mapper is given, however hostile: no throw, every issue with a documented code
// and a French message, only sound slots kept, plain bounded data out, and no prototype touched.
import { isBookingUrl } from '../../shared/fhir/booking-url';
import { parseInstant } from '../../shared/fhir/instant';
import { mapSlotBundle, type SlotBundleMapping } from '../../shared/fhir/map-slot-bundle';
import { documentedMappingCodes } from './known-codes';
import type { OracleVerdict, Violation } from './launch-oracle';

export const FUZZ_SOURCE_ID = 'editeur-fuzz';
const KNOWN_CODES = documentedMappingCodes();
const MAX_MESSAGE = 600;
/** No string out of the mapper is longer than its longest bound (a reference, 2048) plus a source prefix. */
const MAX_OUTPUT_STRING = 2_200;
const BASELINE_PROTOTYPE = Object.getOwnPropertyNames(Object.prototype).sort().join(',');
const BASELINE_ARRAY_PROTOTYPE = Object.getOwnPropertyNames(Array.prototype).sort().join(',');

function prototypesUntouched(): string | undefined {
  if (Object.getOwnPropertyNames(Object.prototype).sort().join(',') !== BASELINE_PROTOTYPE)
    return 'Object.prototype gained or lost a property';
  if (Object.getOwnPropertyNames(Array.prototype).sort().join(',') !== BASELINE_ARRAY_PROTOTYPE)
    return 'Array.prototype gained or lost a property';
  if (({} as Record<string, unknown>)['polluted'] !== undefined) return 'Object.prototype.polluted is set';
  return undefined;
}

/** Walks the result: plain objects and arrays only, bounded strings, no cycles. */
function checkPlainData(value: unknown, out: Violation[], path = 'result', depth = 0, seen = new Set<object>()): void {
  if (typeof value === 'string') {
    if (value.length > MAX_OUTPUT_STRING)
      out.push({ kind: 'contract', detail: `${path}: string of ${value.length} characters reached the domain` });
    return;
  }
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'function' || typeof value === 'symbol' || typeof value === 'bigint')
      out.push({ kind: 'contract', detail: `${path}: ${typeof value} in the result` });
    if (typeof value === 'number' && !Number.isFinite(value))
      out.push({ kind: 'contract', detail: `${path}: non-finite number` });
    return;
  }
  if (seen.has(value)) {
    out.push({ kind: 'contract', detail: `${path}: cyclic object in the result` });
    return;
  }
  if (depth > 12) {
    out.push({ kind: 'contract', detail: `${path}: result nested deeper than 12 levels` });
    return;
  }
  seen.add(value);
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== Array.prototype)
    out.push({ kind: 'contract', detail: `${path}: object with a foreign prototype` });
  if (Array.isArray(value)) value.forEach((item, i) => checkPlainData(item, out, `${path}[${i}]`, depth + 1, seen));
  else for (const [key, item] of Object.entries(value)) checkPlainData(item, out, `${path}.${key}`, depth + 1, seen);
  seen.delete(value);
}

export function checkMapping(result: SlotBundleMapping): Violation[] {
  const out: Violation[] = [];
  for (const key of ['slots', 'practitioners', 'cpts', 'sosSites', 'issues'] as const) {
    if (!Array.isArray(result[key])) out.push({ kind: 'contract', detail: `result.${key} is not an array` });
  }
  if (out.length > 0) return out;
  for (const issue of result.issues) {
    if (!KNOWN_CODES.has(issue.code))
      out.push({ kind: 'contract', detail: `undocumented issue code ${JSON.stringify(issue.code)}` });
    if (typeof issue.message !== 'string' || issue.message.length === 0 || issue.message.length > MAX_MESSAGE) {
      out.push({
        kind: 'contract',
        detail: `${issue.code}: message missing or of ${String(issue.message?.length)} characters`,
      });
    }
    if (issue.entry !== undefined && typeof issue.entry !== 'string' && typeof issue.entry !== 'number')
      out.push({ kind: 'contract', detail: `${issue.code}: entry of type ${typeof issue.entry}` });
  }
  const ids = new Set<string>();
  for (const slot of result.slots) {
    const start = parseInstant(slot.start);
    const end = parseInstant(slot.end);
    if (!start || !end || end.epochMs <= start.epochMs)
      out.push({ kind: 'contract', detail: `slot ${slot.id}: times unreadable or not in order` });
    if (!slot.id.startsWith(`${FUZZ_SOURCE_ID}/`) || slot.sourceId !== FUZZ_SOURCE_ID)
      out.push({ kind: 'contract', detail: `slot ${slot.id}: not attributed to its source` });
    if (ids.has(slot.id)) out.push({ kind: 'contract', detail: `slot ${slot.id} twice` });
    ids.add(slot.id);
    if (slot.bookingUrl !== undefined && !isBookingUrl(slot.bookingUrl))
      out.push({ kind: 'contract', detail: `slot ${slot.id}: unsafe booking URL kept` });
  }
  for (const p of result.practitioners)
    if (!/^[0-9A-Za-z/]{2,40}$/u.test(p.nationalId))
      out.push({ kind: 'contract', detail: 'practitioner national id outside its format' });
  for (const c of result.cpts)
    if (!/^(\d{2}|2A|2B)\d{7}$/u.test(c.finess))
      out.push({ kind: 'contract', detail: 'CPTS FINESS outside its format' });
  checkPlainData(result, out);
  return out;
}

/** Maps `input` and returns every violation found; `accepted` when at least one slot came out. */
export function checkBundle(input: unknown): OracleVerdict {
  let result: SlotBundleMapping;
  try {
    result = mapSlotBundle(input, { sourceId: FUZZ_SOURCE_ID });
  } catch (error) {
    const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return { violations: [{ kind: 'crash', detail: text.slice(0, 300) }], accepted: false };
  }
  const violations = checkMapping(result);
  const polluted = prototypesUntouched();
  if (polluted) violations.push({ kind: 'contract', detail: polluted });
  return { violations, accepted: Array.isArray(result.slots) && result.slots.length > 0 };
}
