// Regenerates the training data set in resources/training/ (deterministic: same seed, same bytes).
//   npx tsx scripts/generate-training-data.ts [--seed <integer>] [--out <folder>]
import { parseArgs } from 'node:util';
import { loadDepartmentOutlines, loadGeoData } from '../backend/geo/index';
import {
  DEFAULT_SEED,
  DEFAULT_TRAINING_DIR,
  generateTrainingDataset,
  writeTrainingDataset,
} from '../backend/training/dataset/index';

const { values } = parseArgs({
  options: { seed: { type: 'string' }, out: { type: 'string' } },
  strict: true,
});

const seed = values.seed === undefined ? DEFAULT_SEED : Number(values.seed);
if (!Number.isSafeInteger(seed) || seed < 0) {
  console.error(`--seed attend un entier positif, reçu « ${values.seed} »`);
  process.exit(2);
}

const [geo, outlines] = await Promise.all([loadGeoData(), loadDepartmentOutlines()]);
const dataset = generateTrainingDataset({ communes: geo.communes, outlines }, seed);
const written = await writeTrainingDataset(dataset, values.out ?? DEFAULT_TRAINING_DIR);
console.log(`Jeu de données de formation (graine ${seed}) :`);
for (const file of written) console.log(`  ${file}`);
console.log(JSON.stringify(dataset.manifest.counts, null, 2));
