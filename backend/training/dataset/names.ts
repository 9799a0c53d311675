// Obviously fictitious people: family names are invented compounds of a French noun and an adjective
// ("Plumevert", "Galetdoux"), so nobody can mistake a training card for a real practitioner.

const ROOTS = [
  'Plume',
  'Lune',
  'Brume',
  'Caillou',
  'Noisette',
  'Pervenche',
  'Sapin',
  'Galet',
  'Myrtille',
  'Ruisseau',
  'Ciboulette',
  'Cerfeuil',
  'Bruyère',
  'Luciole',
  'Marelle',
  'Tilleul',
  'Zéphyr',
  'Grelot',
  'Nuage',
  'Pinson',
  'Houblon',
  'Fougère',
  'Griotte',
  'Mésange',
  'Pistache',
  'Ardoise',
  'Lavande',
  'Châtaigne',
  'Coquelicot',
  'Écume',
] as const;

const ENDINGS = [
  'vert',
  'doux',
  'fleuri',
  'clair',
  'joli',
  'sage',
  'vif',
  'lent',
  'bleu',
  'blanc',
  'haut',
  'rond',
  'fin',
  'gai',
  'léger',
] as const;

export const GIVEN_NAMES = [
  'Alice',
  'Bruno',
  'Chloé',
  'Damien',
  'Élise',
  'Farid',
  'Gaëlle',
  'Hugo',
  'Inès',
  'Jules',
  'Karima',
  'Louis',
  'Manon',
  'Nicolas',
  'Océane',
  'Paul',
  'Quentin',
  'Rose',
  'Samir',
  'Théo',
  'Ursule',
  'Victor',
  'Wassila',
  'Xavier',
  'Yasmine',
  'Zoé',
  'Amélie',
  'Baptiste',
  'Camille',
  'David',
  'Emma',
  'Fanny',
  'Gabriel',
  'Hélène',
  'Ibrahim',
  'Jeanne',
  'Kevin',
  'Léa',
  'Mathis',
  'Nora',
] as const;

/** 450 distinct family names, indexed deterministically. */
export function familyName(index: number): string {
  const root = ROOTS[index % ROOTS.length] ?? ROOTS[0];
  const ending = ENDINGS[Math.floor(index / ROOTS.length) % ENDINGS.length] ?? ENDINGS[0];
  return `${root}${ending}`;
}

export const FAMILY_NAME_COUNT = ROOTS.length * ENDINGS.length;

const STREET_TYPES = ['rue', 'avenue', 'place', 'allée', 'chemin', 'boulevard', 'impasse', 'cours'] as const;
const STREET_NAMES = [
  'des Tilleuls',
  'du Moulin',
  'de la Gare',
  'des Écoles',
  'des Lilas',
  'du Stade',
  'de la Fontaine',
  'des Vignes',
  'du Port',
  'des Platanes',
  'de la Mairie',
  'des Acacias',
  'du Lavoir',
  'des Cerisiers',
  'de l’Église',
  'du Marché',
  'des Peupliers',
  'du Château',
  'des Jardins',
  'de la Poste',
] as const;

export function streetLine(number: number, typeIndex: number, nameIndex: number): string {
  const type = STREET_TYPES[typeIndex % STREET_TYPES.length] ?? 'rue';
  const name = STREET_NAMES[nameIndex % STREET_NAMES.length] ?? 'des Tilleuls';
  return `${number} ${type} ${name}`;
}

export const STREET_COUNTS = { types: STREET_TYPES.length, names: STREET_NAMES.length };

/**
 * Telephone numbers from the range ARCEP reserves for fiction (05 36 49 00 00 – 05 36 49 99 99, the south-west
 * zone our departments are in): dialling one never reaches anyone.
 */
export function fictitiousPhone(serial: number): string {
  return `+3353649${String(serial % 10_000).padStart(4, '0')}`;
}
