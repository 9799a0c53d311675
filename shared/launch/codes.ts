// Stable codes of launch issues. Integrators and the console match on these, never on the French messages:
// add codes at will, never rename or remove one.

/** Codes that make a launch invalid: the console shows them and runs no search. */
export const LAUNCH_ERROR_CODES = [
  'no-launch-url',
  'launch-url-too-long',
  'unsupported-launch-url',
  'launch-host-not-allowed',
  'launch-path-unrecognized',
  'too-many-parameters',
  'conflicting-parameter',
  'bad-percent-encoding',
  'value-too-long',
  'forbidden-character',
  'bidi-control',
  'invalid-origin',
  'unknown-origin',
  'invalid-specialty',
  'invalid-insee-code',
  'invalid-street-number',
  'street-number-without-street-name',
  'missing-location',
] as const;

/** Codes that leave the launch valid: the search runs, the regulator or integrator is told. */
export const LAUNCH_WARNING_CODES = [
  'missing-origin',
  'missing-practitioner',
  // A GP value that identifies nobody was an error until real LRMs showed bare RPPS numbers: never again a refusal.
  'practitioner-not-identified',
  'rpps-check-digit',
  'specialty-alias-conflict',
  'duplicate-parameter',
  'unknown-parameter',
  'empty-value',
  'invisible-character-removed',
  'parameter-name-case',
  'plain-search-fallback',
  'plain-search-ignored',
  'street-number-repetition-index',
  'fragment-ignored',
] as const;

export const LAUNCH_ISSUE_CODES = [...LAUNCH_ERROR_CODES, ...LAUNCH_WARNING_CODES] as const;

export type LaunchErrorCode = (typeof LAUNCH_ERROR_CODES)[number];
export type LaunchWarningCode = (typeof LAUNCH_WARNING_CODES)[number];
export type LaunchIssueCode = LaunchErrorCode | LaunchWarningCode;

/** Bounds on untrusted input. Generous for real LRMs (a launch is a few hundred characters), tight for abuse. */
export const LAUNCH_LIMITS = {
  /** Whole launch URL, in UTF-16 code units, before decoding. */
  maxUrlLength: 4096,
  /** One decoded, cleaned parameter value. */
  maxValueLength: 200,
  /** Number of `name=value` pairs in the query. */
  maxParameters: 32,
} as const;
