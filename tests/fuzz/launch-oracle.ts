// What must hold for every launch the parser is given, however broken: no throw, a result in the contract (known
// codes, French messages shown safely), clean values in a valid request, and no patient data in any message.
import type { LaunchIssue, LaunchParseResult } from '../../shared/domain/launch';
import { LAUNCH_ERROR_CODES, LAUNCH_LIMITS, LAUNCH_WARNING_CODES } from '../../shared/launch/codes';
import { parseLaunch, type ParseLaunchOptions } from '../../shared/launch/parse-launch';
import { PATIENT_SENTINELS } from './launch-corpus';

/** `crash`: the parser threw; `contract`: the result breaks the documented contract; `privacy`: patient data echoed. */
export type ViolationKind = 'crash' | 'contract' | 'privacy';

export interface Violation {
  kind: ViolationKind;
  detail: string;
}

const ERROR_CODES: ReadonlySet<string> = new Set(LAUNCH_ERROR_CODES);
const WARNING_CODES: ReadonlySet<string> = new Set(LAUNCH_WARNING_CODES);
/** Codes whose message shows the `origin` value by design (the platform's own wording names the LRM). */
const ORIGIN_ECHO_CODES: ReadonlySet<string> = new Set(['invalid-origin', 'unknown-origin']);
const MAX_MESSAGE = 600;
/** Parameter names are shown cut to 40 characters (code points), plus the ellipsis. */
const MAX_PARAMETER_SHOWN = 41;

/** C0/C1 controls (newlines too: a message is one line), bidi controls, unpaired surrogates, noncharacters. */
function oddCharacter(text: string): string | undefined {
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    if (cp < 0x20 || (cp >= 0x7f && cp <= 0x9f)) return `U+${cp.toString(16)}`;
    if ((cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069)) return `U+${cp.toString(16)}`;
    if (cp >= 0xd800 && cp <= 0xdfff) return `U+${cp.toString(16)}`;
    if ((cp & 0xfffe) === 0xfffe || (cp >= 0xfdd0 && cp <= 0xfdef)) return `U+${cp.toString(16)}`;
  }
  return undefined;
}

function sentinelIn(text: string): string | undefined {
  const folded = text.toLowerCase();
  return PATIENT_SENTINELS.tokens.find((token) => folded.includes(token));
}

function checkIssue(issue: LaunchIssue, codes: ReadonlySet<string>, out: Violation[]): void {
  if (!codes.has(issue.code)) out.push({ kind: 'contract', detail: `unknown code ${JSON.stringify(issue.code)}` });
  if (typeof issue.message !== 'string' || issue.message.length === 0) {
    out.push({ kind: 'contract', detail: `${issue.code}: empty message` });
    return;
  }
  if (issue.message.length > MAX_MESSAGE)
    out.push({ kind: 'contract', detail: `${issue.code}: message of ${issue.message.length} characters` });
  const odd = oddCharacter(issue.message);
  if (odd) out.push({ kind: 'contract', detail: `${issue.code}: raw ${odd} in message` });
  if (issue.parameter !== undefined) {
    const shown = [...issue.parameter].length;
    if (shown > MAX_PARAMETER_SHOWN)
      out.push({ kind: 'contract', detail: `${issue.code}: parameter name of ${shown} characters` });
    if (oddCharacter(issue.parameter))
      out.push({ kind: 'contract', detail: `${issue.code}: raw odd character in parameter` });
    if (!issue.message.includes(`« ${issue.parameter} »`))
      out.push({ kind: 'contract', detail: `${issue.code}: message does not name « ${issue.parameter} »` });
  }
  if (!ORIGIN_ECHO_CODES.has(issue.code)) {
    const leaked =
      sentinelIn(issue.message) ?? (issue.parameter === undefined ? undefined : sentinelIn(issue.parameter));
    if (leaked)
      out.push({ kind: 'privacy', detail: `${issue.code}: patient data « ${leaked} » repeated in the message` });
  }
}

function checkCleanValue(name: string, value: unknown, out: Violation[]): void {
  if (value === undefined) return;
  if (typeof value !== 'string') {
    out.push({ kind: 'contract', detail: `request ${name} is a ${typeof value}` });
    return;
  }
  // Characters are code points, as the parser counts them (an emoji is one character, two UTF-16 units).
  const characters = [...value].length;
  if (characters === 0 || characters > LAUNCH_LIMITS.maxValueLength)
    out.push({ kind: 'contract', detail: `request ${name} of ${characters} characters` });
  if (value !== value.trim()) out.push({ kind: 'contract', detail: `request ${name} not trimmed` });
  if (value !== value.normalize('NFC')) out.push({ kind: 'contract', detail: `request ${name} not NFC` });
  const odd = oddCharacter(value.replace(/ /gu, ''));
  if (odd) out.push({ kind: 'contract', detail: `request ${name} holds raw ${odd}` });
}

/** The checks on one result (separate from the call so tests can also feed results in directly). */
export function checkLaunchResult(result: LaunchParseResult): Violation[] {
  const out: Violation[] = [];
  if (typeof result !== 'object' || result === null || typeof result.ok !== 'boolean') {
    return [{ kind: 'contract', detail: 'result is not { ok, ... }' }];
  }
  if (!Array.isArray(result.warnings)) out.push({ kind: 'contract', detail: 'warnings is not an array' });
  else for (const w of result.warnings) checkIssue(w, WARNING_CODES, out);
  if (result.ok) {
    const { request } = result;
    if (request.via !== 'platform-url' && request.via !== 'console-scheme')
      out.push({ kind: 'contract', detail: `via ${String(request.via)}` });
    if (request.origin !== undefined && !/^[A-Za-z0-9_.-]{1,64}$/u.test(request.origin))
      out.push({ kind: 'contract', detail: 'origin outside its format' });
    const { location } = request;
    if (location.inseeCode === undefined && location.city === undefined)
      out.push({ kind: 'contract', detail: 'valid request without a location' });
    if (location.inseeCode !== undefined && !/^(\d{5}|2[AB]\d{3})$/u.test(location.inseeCode))
      out.push({ kind: 'contract', detail: 'INSEE code outside its format' });
    if (location.streetNumber !== undefined && location.streetName === undefined)
      out.push({ kind: 'contract', detail: 'street number without street name' });
    for (const [name, value] of Object.entries(location)) checkCleanValue(`location.${name}`, value, out);
    if (request.gp?.kind === 'name') checkCleanValue('gp.text', request.gp.text, out);
    if (request.specialty?.kind === 'text') checkCleanValue('specialty.text', request.specialty.text, out);
  } else {
    if (!Array.isArray(result.errors) || result.errors.length === 0)
      out.push({ kind: 'contract', detail: 'invalid result without errors' });
    else for (const e of result.errors) checkIssue(e, ERROR_CODES, out);
  }
  return out;
}

export interface OracleVerdict {
  violations: Violation[];
  /** The input was read as a valid launch (for the run's figures). */
  accepted: boolean;
}

/** Parses `input` (twice: the parser must be deterministic) and returns every violation found. `parse` is for the oracle's own tests. */
export function checkLaunch(
  input: unknown,
  options?: ParseLaunchOptions,
  parse: typeof parseLaunch = parseLaunch,
): OracleVerdict {
  let first: LaunchParseResult;
  let second: LaunchParseResult;
  try {
    first = parse(input as string | readonly string[], options);
    second = parse(input as string | readonly string[], options);
  } catch (error) {
    const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return { violations: [{ kind: 'crash', detail: text.slice(0, 300) }], accepted: false };
  }
  const violations = checkLaunchResult(first);
  if (JSON.stringify(first) !== JSON.stringify(second))
    violations.push({ kind: 'contract', detail: 'two parses of the same input differ' });
  return { violations, accepted: first.ok === true };
}
