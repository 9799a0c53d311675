import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TRE_G15_LABELS, TRE_R38_LABELS } from '@shared/domain/specialties';
import { specialtyKey } from '@shared/specialties/normalize';
import { editDistance } from '@shared/util/text';
import {
  knownNames,
  resolutionCodings,
  resolveSpecialtyReference,
  resolveSpecialtyText,
} from '@shared/specialties/resolve';
import { USUAL_NAMES } from '@shared/specialties/specialty-names';

/** Free text as regulators and LRMs write it → the codes it must give (order as the table gives them). */
const TABLE: readonly (readonly [string, readonly string[]])[] = [
  // The ten texts that used to empty the tab.
  ['généraliste', ['SM54']],
  ['médecin généraliste', ['SM54']],
  ['MG', ['SM54']],
  ['Medecine generale', ['SM54']],
  ['cardiologue', ['SM04']],
  ['pédiatre', ['SM40']],
  ['psychiatre', ['SM42']],
  ['gynécologue', ['SM19', 'SM20']],
  ['ophtalmologue', ['SM38']],
  ['dermatologue', ['SM15']],
  // Upper case, no accents, plurals, hyphens, extra spaces.
  ['GENERALISTE', ['SM54']],
  ['generalistes', ['SM54']],
  ['Médecins généralistes', ['SM54']],
  ['  médecine   générale  ', ['SM54']],
  ['MEDECINE GENERALE', ['SM54']],
  ['mg', ['SM54']],
  ['cardiologues', ['SM04']],
  ['CARDIOLOGIE', ['SM04']],
  ['pediatre', ['SM40']],
  ['PÉDIATRES', ['SM40']],
  ['pediatrie', ['SM40']],
  ['psychiatres', ['SM42']],
  ['gynecologue', ['SM19', 'SM20']],
  ['gynécologues', ['SM19', 'SM20']],
  ['gynéco', ['SM19', 'SM20']],
  ['ophtalmo', ['SM38']],
  ['Ophtalmologistes', ['SM38']],
  ['dermato', ['SM15']],
  ['DERMATOLOGUES', ['SM15']],
  // Official labels, with and without accents.
  ['Cardiologie et maladies vasculaires', ['SM04']],
  ['Dermatologie et vénéréologie', ['SM15']],
  ['Gynécologie médicale', ['SM19']],
  ['gynecologie-obstetrique', ['SM20']],
  ['Psychiatrie de l’enfant et de l’adolescent', ['SM43']],
  ["psychiatrie de l'enfant et de l'adolescent", ['SM43']],
  ['Oto-rhino-laryngologie', ['SM39']],
  ['Médecine d’urgence', ['SM59']],
  ['Rhumatologie', ['SM48']],
  // Abbreviations and short forms.
  ['ORL', ['SM34', 'SM39']],
  ['orl', ['SM34', 'SM39']],
  ['kiné', ['70']],
  ['kinés', ['70']],
  ['KINE', ['70']],
  ['SF', ['50']],
  ['IDE', ['60']],
  ['MK', ['70']],
  ['endocrino', ['SM16', 'SM62']],
  ['gastro', ['SM24']],
  ['rhumato', ['SM48']],
  ['pneumo', ['SM41']],
  ['psy', ['SM42']],
  ['pédopsy', ['SM43']],
  // Professions.
  ['sage-femme', ['50']],
  ['sages-femmes', ['50']],
  ['Sage femme', ['50']],
  ['chirurgien-dentiste', ['40']],
  ['chirurgiens dentistes', ['40']],
  ['dentiste', ['40']],
  ['dentistes', ['40']],
  ['infirmier', ['60']],
  ['infirmière', ['60']],
  ['infirmiers', ['60']],
  ['masseur-kinésithérapeute', ['70']],
  ['kinésithérapeute', ['70']],
  ['pharmacien', ['21']],
  ['Pharmaciens', ['21']],
  // Other usual names.
  ['urgentiste', ['SM59']],
  ['neurologue', ['SM32']],
  ['urologue', ['SM12']],
  ['radiologue', ['SM44']],
  ['gériatre', ['SM18']],
  ['obstétricien', ['SM20']],
  ['gynécologue médical', ['SM19']],
  ['gynécologue obstétricien', ['SM20']],
  ['pédopsychiatre', ['SM43']],
  ['orthodontiste', ['SCD01']],
  ['oto-rhino', ['SM34', 'SM39']],
  // Close misspellings.
  ['cardiolgue', ['SM04']],
  ['opthalmologue', ['SM38']],
  ['ophtalmologe', ['SM38']],
  ['dermatolgue', ['SM15']],
  ['psychiatr', ['SM42', 'SM43']],
  ['pediatr', ['SM40']],
  ['generalste', ['SM54']],
  ['psyciatre', ['SM42']],
  ['kinésitérapeute', ['70']],
  // Codes given directly.
  ['SM54', ['SM54']],
  ['sm40', ['SM40']],
  ['urn:oid:1.2.250.1.213.2.28|SM38', ['SM38']],
  ['urn:oid:1.2.250.1.71.1.2.7|40', ['40']],
  ['TRE_R38|SM15', ['SM15']],
];

describe('resolveSpecialtyText: table of free-text specialties', () => {
  it('has at least 60 texts', () => {
    expect(TABLE.length).toBeGreaterThanOrEqual(60);
  });

  it.each(TABLE)('%s → %j', (text, codes) => {
    const result = resolveSpecialtyText(text);
    expect(result.resolved ? result.codes.map((c) => c.code) : result).toEqual(codes);
  });

  it('says how each text matched', () => {
    const by = (text: string) => {
      const result = resolveSpecialtyText(text);
      return result.resolved ? result.matchedBy : 'unresolved';
    };
    expect([by('SM54'), by('Pédiatrie'), by('MG'), by('pediatr'), by('cardiolgue'), by('astrologie')]).toEqual([
      'code',
      'label',
      'usual-name',
      'prefix',
      'spelling',
      'unresolved',
    ]);
  });

  it('gives each code with its nomenclature and French label', () => {
    expect(resolveSpecialtyText('dentiste')).toEqual({
      resolved: true,
      codes: [{ system: 'TRE_G15', code: '40', label: 'Chirurgien-dentiste' }],
      matchedBy: 'usual-name',
    });
  });
});

describe('resolveSpecialtyText: what it does not resolve', () => {
  it.each(['astrologie', 'plombier', 'chirurgie', 'neuro', 'xyz', '', '   ', '???'])('%j is not resolved', (text) => {
    expect(resolveSpecialtyText(text).resolved).toBe(false);
  });

  it('offers the nearest specialties for text nobody recognises', () => {
    const result = resolveSpecialtyText('chirurgie');
    expect(result.resolved).toBe(false);
    if (result.resolved) return;
    expect(result.text).toBe('chirurgie');
    expect(result.suggestions).toHaveLength(5);
    expect(result.suggestions.every((s) => s.label.startsWith('Chirurgie'))).toBe(true);
    const near = resolveSpecialtyText('cardiaque');
    expect(near.resolved ? [] : near.suggestions.map((s) => s.code)).toContain('SM04');
  });

  it('offers the frequent specialties when nothing is near', () => {
    const result = resolveSpecialtyText('plombier');
    expect(result.resolved ? [] : result.suggestions.map((s) => s.code)).toEqual([
      'SM54',
      'SM40',
      'SM42',
      'SM38',
      'SM15',
    ]);
  });

  it('does not guess a misspelling that is as close to two different specialties', () => {
    // « urologue » and « neurologue »: « eurologue » is one slip from both.
    expect(resolveSpecialtyText('eurologue').resolved).toBe(false);
  });
});

describe('the table itself', () => {
  it('resolves every official label to its own code', () => {
    for (const [system, labels] of [
      ['TRE_R38', TRE_R38_LABELS],
      ['TRE_G15', TRE_G15_LABELS],
    ] as const) {
      for (const [code, label] of Object.entries(labels)) {
        expect(resolveSpecialtyText(label), label).toEqual({
          resolved: true,
          codes: [{ system, code, label }],
          matchedBy: 'label',
        });
      }
    }
  });

  it('names only codes the nomenclatures hold', () => {
    for (const { codes } of USUAL_NAMES) {
      for (const code of codes) expect(TRE_R38_LABELS[code] ?? TRE_G15_LABELS[code], code).toBeDefined();
    }
  });

  it('never gives one name two meanings', () => {
    const meaning = new Map<string, string>();
    for (const { codes, names } of USUAL_NAMES) {
      for (const name of names) {
        const key = specialtyKey(name);
        const codesText = codes.join('+');
        expect(meaning.get(key) ?? codesText, name).toBe(codesText);
        meaning.set(key, codesText);
      }
    }
    expect(knownNames().size).toBeGreaterThan(200);
  });
});

describe('resolveSpecialtyReference', () => {
  it('takes a coded reference as sent, with the label when the table has it', () => {
    const coded = resolveSpecialtyReference({
      kind: 'coded',
      coding: { system: 'urn:oid:1.2.250.1.213.2.28', code: 'SM40' },
    });
    expect(coded).toEqual({
      resolved: true,
      codes: [{ system: 'TRE_R38', code: 'SM40', label: 'Pédiatrie' }],
      matchedBy: 'code',
    });
    expect(resolutionCodings(coded)).toEqual([
      {
        system: 'https://mos.esante.gouv.fr/NOS/TRE_R38-SpecialiteOrdinale/FHIR/TRE-R38-SpecialiteOrdinale',
        code: 'SM40',
        display: 'Pédiatrie',
      },
    ]);
    const other = resolveSpecialtyReference({ kind: 'coded', coding: { system: 'urn:oid:1.2.3', code: 'X1' } });
    expect(resolutionCodings(other)).toEqual([{ system: 'urn:oid:1.2.3', code: 'X1' }]);
  });
});

describe('editDistance', () => {
  it('counts a swap of neighbours as one slip and stops past the bound', () => {
    expect(editDistance('opthalmo', 'ophtalmo', 2)).toBe(1);
    expect(editDistance('cardio', 'cardio', 1)).toBe(0);
    expect(editDistance('abc', 'xyz', 1)).toBe(2);
    expect(editDistance('a', 'abcdef', 2)).toBe(3);
  });
});

describe('properties', () => {
  const words = fc.constantFrom(
    ...[...knownNames().keys()],
    'médecin',
    'de',
    'l’',
    'Dr',
    'SM54',
    '|',
    'urn:oid:',
    'é',
    '-',
    'ß',
    '\u0301',
  );
  const anyText = fc.oneof(
    fc.string({ maxLength: 300 }),
    fc.array(words, { maxLength: 6 }).map((w) => w.join(' ')),
    fc.string({ unit: 'grapheme', maxLength: 50 }),
  );

  it('never throws, and gives a well-formed answer', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const result = resolveSpecialtyText(text);
        if (result.resolved) expect(result.codes.length).toBeGreaterThan(0);
        else {
          expect(result.suggestions.length).toBeGreaterThan(0);
          expect(result.suggestions.length).toBeLessThanOrEqual(5);
          expect(result.text.length).toBeLessThanOrEqual(200);
        }
      }),
      { numRuns: 1500 },
    );
  });

  it('is idempotent on labels: the label of each code given resolves to that code', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const result = resolveSpecialtyText(text);
        const codes = result.resolved ? result.codes : result.suggestions;
        for (const code of codes) {
          const again = resolveSpecialtyText(code.label);
          expect(again.resolved && again.codes).toEqual([code]);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('ignores case and accents', () => {
    fc.assert(
      fc.property(fc.constantFrom(...TABLE.map(([text]) => text)), (text) => {
        const plain = text.normalize('NFD').replace(/\p{M}/gu, '');
        expect(resolveSpecialtyText(plain.toUpperCase())).toEqual(resolveSpecialtyText(text.toLowerCase()));
      }),
    );
  });
});
