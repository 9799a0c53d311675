// Commune and department names as users type them: without accents, in any case, with or without hyphens and
// apostrophes, "St"/"Ste" for "Saint"/"Sainte". Everything is compared in this normal form.

import { foldWords } from '@shared/util/text';

const ABBREVIATIONS: Record<string, string> = { st: 'saint', ste: 'sainte', sts: 'saints', stes: 'saintes' };

export function normalizeName(text: string): string {
  return foldWords(text)
    .map((word) => ABBREVIATIONS[word] ?? word)
    .join(' ');
}
