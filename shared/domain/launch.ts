// A launch of the console by the LRM ("recherche contextualisée"), once parsed and validated.
import type { Coding } from './care-offer';
import type { NationalId } from './identifiers';

/** The patient's GP as the LRM named them: a national id (IDNPS URN) or a free-text name. */
export type GpReference = { kind: 'national-id'; nationalId: NationalId } | { kind: 'name'; text: string };

/** The specialty sought: a code in a known system (TRE_R38, profession codes) or free text. */
export type SpecialtyReference = { kind: 'coded'; coding: Coding } | { kind: 'text'; text: string };

export interface LaunchLocation {
  /** Commune INSEE code; for a Paris, Lyon or Marseille arrondissement, the city's code (75056, 69123, 13055). */
  inseeCode?: string;
  /** The arrondissement's own INSEE code when the LRM sent one (e.g. `75111`); `inseeCode` then holds the city's. */
  arrondissementInseeCode?: string;
  city?: string;
  streetName?: string;
  streetNumber?: string;
}

export interface LaunchRequest {
  /** Which launch form was used. */
  via: 'platform-url' | 'console-scheme';
  /** The calling LRM / SAMU ("affectation authority"), e.g. `TEST-SAMU000`. */
  origin?: string;
  gp?: GpReference;
  /** Absent: general medicine consultation. */
  specialty?: SpecialtyReference;
  location: LaunchLocation;
}

/** A problem with one launch parameter. `code` is stable; `message` is French, for the regulator. */
export interface LaunchIssue {
  code: string;
  /** The parameter concerned, when there is one. */
  parameter?: string;
  message: string;
}

export type LaunchParseResult =
  | { ok: true; request: LaunchRequest; warnings: LaunchIssue[] }
  /** A refused launch still names its LRM when the origin itself was well formed, so the alert says who sent it. */
  | { ok: false; errors: LaunchIssue[]; warnings: LaunchIssue[]; origin?: string };
