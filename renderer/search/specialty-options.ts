// The specialty combobox's options: TRE_R38 specialties and the TRE_G15 professions a search may name, with their
// French labels; the code travels with the choice. Matching ignores case and accents, and accepts codes ("SM54").
import type { Coding } from '../../shared/domain/care-offer';
import { specialtyCoding, TRE_G15_LABELS, TRE_R38_LABELS } from '../../shared/domain/specialties';
import { resolveSpecialtyText, type SpecialtyCode } from '../../shared/specialties/resolve';

export interface SpecialtyOption {
  /** Unique, for React keys and aria-activedescendant: `TRE_R38:SM54`. */
  id: string;
  label: string;
  code: string;
  coding: Coding;
}

/** Asked most often at the SAS: shown first when the field is empty. */
const FREQUENT = ['SM54', 'SM40', 'SM42', 'SM38', 'SM15', 'SM20'];

function build(): SpecialtyOption[] {
  const r38 = Object.entries(TRE_R38_LABELS).map(([code, label]) => ({
    id: `TRE_R38:${code}`,
    label,
    code,
    coding: specialtyCoding('TRE_R38', code),
  }));
  // Only the professions a regulator orients to directly; "Médecin" (10) duplicates the specialties.
  const g15 = Object.entries(TRE_G15_LABELS)
    .filter(([code]) => code !== '10')
    .map(([code, label]) => ({ id: `TRE_G15:${code}`, label, code, coding: specialtyCoding('TRE_G15', code) }));
  const rank = (o: SpecialtyOption) => {
    const i = FREQUENT.indexOf(o.code);
    return i === -1 ? FREQUENT.length : i;
  };
  return [...r38, ...g15].sort((a, b) => rank(a) - rank(b) || a.label.localeCompare(b.label, 'fr'));
}

export const SPECIALTY_OPTIONS: readonly SpecialtyOption[] = build();

export function normalizeSearchText(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[’']/gu, ' ').replace(/\s+/gu, ' ').trim();
}

/** The combobox option of a resolved code (professions and specialties alike), if the list has one. */
export function optionOf(code: SpecialtyCode): SpecialtyOption | undefined {
  return SPECIALTY_OPTIONS.find((o) => o.id === `${code.system}:${code.code}`);
}

/**
 * Options matching what is typed. First what the shared resolver understands (« cardiologue », « MG », « kinés »,
 * « opthalmo »: usual names, abbreviations, plurals, close misspellings), then the labels where every word of the
 * text starts a word (so "med gen" finds "Médecine générale") or the code starts with the text.
 */
export function matchSpecialties(text: string, limit = 12): SpecialtyOption[] {
  const query = normalizeSearchText(text);
  if (query === '') return SPECIALTY_OPTIONS.slice(0, limit);
  const words = query.split(' ');
  const resolution = resolveSpecialtyText(text);
  const resolved = resolution.resolved ? resolution.codes.flatMap((code) => optionOf(code) ?? []) : [];
  const scored: { option: SpecialtyOption; score: number; index: number }[] = [];
  SPECIALTY_OPTIONS.forEach((option, index) => {
    const label = normalizeSearchText(option.label);
    const labelWords = label.split(/[\s,\-()]+/u);
    const byWords = words.every((w) => labelWords.some((lw) => lw.startsWith(w)));
    const byCode = option.code.toLowerCase().startsWith(query);
    const understood = resolved.includes(option);
    if (!byWords && !byCode && !understood) return;
    const score = understood ? -1 : byCode ? 0 : label.startsWith(query) ? 1 : 2;
    scored.push({ option, score, index });
  });
  scored.sort((a, b) => a.score - b.score || a.index - b.index);
  return scored.slice(0, limit).map((s) => s.option);
}
