// Usual names of the specialties and professions a search may name, beyond their official labels (which the
// resolver reads from shared/domain/specialties.ts). Data only: sources and choices are in README.md.
// A code made of digits is a TRE_G15 profession; any other code is a TRE_R38 specialty.

export interface UsualNames {
  /** The codes the names stand for; several when the name covers several specialties (« gynécologue »). */
  readonly codes: readonly string[];
  /** Written as people write them; matching ignores case, accents, hyphens, apostrophes and plurals. */
  readonly names: readonly string[];
}

export const USUAL_NAMES: readonly UsualNames[] = [
  // General medicine: what regulators and LRMs send most.
  {
    codes: ['SM54'],
    names: [
      'généraliste',
      'médecin généraliste',
      'MG',
      'médecine générale',
      'médecin général',
      'médecine gé',
      'médecin traitant',
      'médecin de famille',
      'omnipraticien',
      'omnipraticienne',
      'généraliste libéral',
      'médecin libéral',
      'consultation de médecine générale',
      'consultation médecine générale',
      'soins non programmés',
      'SNP',
    ],
  },
  { codes: ['SM04'], names: ['cardiologue', 'cardiologie', 'cardio', 'cardiologiste'] },
  { codes: ['SM40'], names: ['pédiatre', 'pédiatrie', 'pédiatrique', 'médecin pédiatre', 'pédia'] },
  { codes: ['SM42'], names: ['psychiatre', 'psy', 'médecin psychiatre'] },
  {
    codes: ['SM43'],
    names: ['pédopsychiatre', 'pédopsy', 'pédopsychiatrie', 'psychiatre enfant', 'psychiatrie infanto juvénile'],
  },
  // Both gynecologies: the word alone does not say which; the table keeps the set.
  { codes: ['SM19', 'SM20'], names: ['gynécologue', 'gynéco', 'gynécologie', 'gynécologiste', 'gyn'] },
  { codes: ['SM19'], names: ['gynécologue médical', 'gynécologue médicale'] },
  {
    codes: ['SM20'],
    names: ['gynécologue obstétricien', 'obstétricien', 'obstétrique', 'gynéco obstétrique', 'gynéco obstétricien'],
  },
  { codes: ['SM38'], names: ['ophtalmologue', 'ophtalmo', 'ophtalmologiste', 'oculiste', 'ophtalmologie'] },
  { codes: ['SM15'], names: ['dermatologue', 'dermato', 'dermatologie', 'dermatologiste', 'vénérologue'] },
  {
    codes: ['SM34', 'SM39'],
    names: [
      'ORL',
      'oto rhino',
      'otorhino',
      'oto rhino laryngologiste',
      'otorhinolaryngologiste',
      'otorhinolaryngologie',
    ],
  },
  { codes: ['SM48'], names: ['rhumatologue', 'rhumato'] },
  { codes: ['SM32'], names: ['neurologue', 'neurologie'] },
  { codes: ['SM41'], names: ['pneumologue', 'pneumo', 'pneumologie'] },
  {
    codes: ['SM24'],
    names: [
      'gastro entérologue',
      'gastroentérologue',
      'gastro',
      'hépato gastro entérologue',
      'hépatologue',
      'gastroentérologie',
    ],
  },
  { codes: ['SM16', 'SM62'], names: ['endocrinologue', 'endocrino', 'endocrinologie'] },
  { codes: ['SM62'], names: ['diabétologue', 'diabétologie', 'nutritionniste'] },
  { codes: ['SM30'], names: ['néphrologue', 'néphro'] },
  { codes: ['SM21'], names: ['hématologue'] },
  { codes: ['SM18'], names: ['gériatre', 'gériatrique'] },
  { codes: ['SM57'], names: ['allergologue', 'allergo'] },
  { codes: ['SM58'], names: ['infectiologue', 'infectiologie'] },
  { codes: ['SM59'], names: ['urgentiste', 'médecin urgentiste', 'urgences'] },
  { codes: ['SM61'], names: ['angiologue', 'médecin vasculaire', 'phlébologue', 'angiologie'] },
  { codes: ['SM12'], names: ['urologue', 'urologie', 'uro'] },
  { codes: ['SM08'], names: ['orthopédiste', 'chirurgien orthopédiste', 'orthopédie', 'traumatologue'] },
  { codes: ['SM02'], names: ['anesthésiste', 'anesthésiste réanimateur', 'anesthésie'] },
  { codes: ['SM03'], names: ['biologiste'] },
  { codes: ['SM44'], names: ['radiologue', 'radiologie', 'radio'] },
  { codes: ['SM28'], names: ['médecin nucléaire'] },
  { codes: ['SM29'], names: ['MPR', 'médecin rééducateur', 'rééducation fonctionnelle', 'physiatre'] },
  { codes: ['SM27'], names: ['interniste'] },
  { codes: ['SM17'], names: ['généticien'] },
  { codes: ['SM25'], names: ['médecin du travail'] },
  { codes: ['SM50'], names: ['stomatologue', 'stomato'] },
  { codes: ['SM10'], names: ['chirurgien plasticien', 'chirurgie esthétique', 'plasticien'] },
  { codes: ['SM31'], names: ['neurochirurgien', 'neurochirurgie'] },
  { codes: ['SM13'], names: ['chirurgien vasculaire'] },
  { codes: ['SM14'], names: ['chirurgien viscéral', 'chirurgien digestif'] },
  { codes: ['SM11'], names: ['chirurgien cardiaque'] },
  { codes: ['SCD01'], names: ['orthodontiste', 'orthodontie'] },
  // Professions (TRE_G15).
  {
    codes: ['40'],
    names: ['dentiste', 'chirurgien dentiste', 'chirurgienne dentiste', 'dentaire', 'cabinet dentaire', 'CD'],
  },
  { codes: ['50'], names: ['sage femme', 'SF', 'maïeuticien', 'maïeuticienne'] },
  {
    codes: ['60'],
    names: ['infirmier', 'infirmière', 'IDE', 'IDEL', 'infirmier libéral', 'infirmière libérale', 'soins infirmiers'],
  },
  {
    codes: ['70'],
    names: ['kiné', 'kinésithérapeute', 'masseur kinésithérapeute', 'kinésithérapie', 'MK', 'masseur kiné', 'kinési'],
  },
  { codes: ['21'], names: ['pharmacien', 'pharmacie', 'pharmacienne', 'officine'] },
];
