// A synthetic `PS_LibreAcces_Personne_activite` file in the 2026 layout, for the import benchmark: professionals of
// 1–3 activities each (contiguous lines, as the published file), a mix of town and hospital sectors and professions,
// real commune codes so the commune fallback is exercised.
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { RPPS_HEADER_2026 } from '@backend/directory/import/rpps';

const COMMUNES = [
  ['75108', '75008', 'Paris'],
  ['33063', '33000', 'Bordeaux'],
  ['2A004', '20000', 'Ajaccio'],
  ['47001', '47000', 'Agen'],
  ['97416', '97410', 'Saint-Pierre'],
  ['69383', '69003', 'Lyon'],
];
const SECTORS = ['SA07', 'SA08', 'SA01', 'SA05', '', 'SA13', 'SA52'];
const PROFESSIONS = ['10', '10', '10', '40', '60', '21'];

const index = Object.fromEntries(RPPS_HEADER_2026.map((name, position) => [name, position]));

export async function writeSyntheticRpps(file: string, lines: number): Promise<void> {
  const out = createWriteStream(file, { encoding: 'utf8' });
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, 'drain');
  };
  await write(`\uFEFF${RPPS_HEADER_2026.join('|')}|\n`);
  let written = 0;
  let person = 0;
  const cells = new Array<string>(RPPS_HEADER_2026.length).fill('');
  const set = (name: string, value: string) => {
    cells[index[name] ?? 0] = value;
  };
  while (written < lines) {
    person += 1;
    const rpps = `1${String(person).padStart(10, '0')}`;
    const activities = 1 + (person % 3);
    for (let activity = 0; activity < activities && written < lines; activity += 1, written += 1) {
      const [insee, postcode, city] = COMMUNES[(person + activity) % COMMUNES.length] ?? [];
      set("Type d'identifiant PP", '8');
      set('Identifiant PP', rpps);
      set('Identification nationale PP', `8${rpps}`);
      set("Code civilité d'exercice", 'DR');
      set("Nom d'exercice", `NOM${person}`);
      set("Prénom d'exercice", 'Prénom');
      set('Code profession', PROFESSIONS[person % PROFESSIONS.length] ?? '10');
      set('Code type savoir-faire', person % 4 === 0 ? 'S' : '');
      set('Code savoir-faire', person % 4 === 0 ? 'SM04' : '');
      set('Code mode exercice', activity === 0 ? 'L' : 'S');
      set('Numéro Voie (coord. structure)', String(1 + (person % 90)));
      set('Libellé type de voie (coord. structure)', 'Rue');
      set('Libellé Voie (coord. structure)', 'DE LA REPUBLIQUE');
      set('Code postal (coord. structure)', postcode ?? '');
      set('Code commune (coord. structure)', insee ?? '');
      set('Libellé commune (coord. structure)', city ?? '');
      set('Téléphone (coord. structure)', `05${String(person % 1e8).padStart(8, '0')}`);
      set("Code secteur d'activité", SECTORS[(person + activity) % SECTORS.length] ?? '');
      await write(`${cells.join('|')}|\n`);
    }
  }
  out.end();
  await once(out, 'finish');
}
