// The training data set on disk (resources/training/): writing it in a stable, diff-friendly layout (one entry
// per line), and loading it back with validation.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { parseCareOfferFile, type CareOfferData } from '../../directory/schema';
import {
  MANIFEST_FORMAT,
  REGULATORS_FORMAT,
  SLOT_PATTERNS_FORMAT,
  type DatasetManifest,
  type TrainingDataset,
} from './generate';
import { trainingRegulatorSchema, type TrainingRegulator } from './regulators';
import { slotPatternSchema, type SlotPattern } from './slot-patterns';

export const DEFAULT_TRAINING_DIR = fileURLToPath(new URL('../../../resources/training/', import.meta.url));

export const TRAINING_FILES = {
  careOffer: 'care-offer.json',
  slotPatterns: 'slot-patterns.json',
  regulators: 'regulators.json',
  manifest: 'manifest.json',
} as const;

/**
 * JSON with each element of a top-level array on its own line: small enough for git (no deep indentation),
 * readable, and a regenerated file diffs line by line.
 */
function stringifyByLine(document: Record<string, unknown>): string {
  const lines = Object.entries(document).map(([key, value]) => {
    if (Array.isArray(value)) {
      const items = value.map((item) => `    ${JSON.stringify(item)}`).join(',\n');
      return `  ${JSON.stringify(key)}: [${value.length > 0 ? `\n${items}\n  ` : ''}]`;
    }
    return `  ${JSON.stringify(key)}: ${JSON.stringify(value)}`;
  });
  return `{\n${lines.join(',\n')}\n}\n`;
}

/** The files' contents, by file name (what `writeTrainingDataset` writes; tests compare these). */
export function renderTrainingDataset(dataset: TrainingDataset): Record<string, string> {
  return {
    [TRAINING_FILES.careOffer]: stringifyByLine({ ...dataset.careOffer }),
    [TRAINING_FILES.slotPatterns]: stringifyByLine({ ...dataset.slotPatterns }),
    [TRAINING_FILES.regulators]: stringifyByLine({ ...dataset.regulators }),
    [TRAINING_FILES.manifest]: `${JSON.stringify(dataset.manifest, null, 2)}\n`,
  };
}

export async function writeTrainingDataset(dataset: TrainingDataset, dir: string = DEFAULT_TRAINING_DIR) {
  await mkdir(dir, { recursive: true });
  const files = renderTrainingDataset(dataset);
  for (const [name, content] of Object.entries(files)) await writeFile(join(dir, name), content, 'utf8');
  return Object.keys(files).map((name) => join(dir, name));
}

const french = z.locales.fr();

const slotPatternsFileSchema = z.object({
  format: z.literal(SLOT_PATTERNS_FORMAT),
  version: z.literal(1),
  patterns: z.array(slotPatternSchema),
});
const regulatorsFileSchema = z.object({
  format: z.literal(REGULATORS_FORMAT),
  version: z.literal(1),
  regulators: z.array(trainingRegulatorSchema),
});
const manifestSchema = z.object({ format: z.literal(MANIFEST_FORMAT), version: z.literal(1) }).loose();

export interface LoadedTrainingDataset {
  careOffer: CareOfferData;
  patterns: SlotPattern[];
  regulators: TrainingRegulator[];
  manifest: DatasetManifest;
  warnings: string[];
}

class TrainingDatasetError extends Error {
  constructor(readonly errors: string[]) {
    super(`Jeu de données de formation invalide :\n- ${errors.join('\n- ')}`);
    this.name = 'TrainingDatasetError';
  }
}

const issuesOf = (file: string, error: z.ZodError) =>
  error.issues.slice(0, 20).map((issue) => `${file} › ${issue.path.map(String).join(' › ')} : ${issue.message}`);

/** Reads and validates the four files; throws a TrainingDatasetError listing every problem found. */
export async function loadTrainingDataset(dir: string = DEFAULT_TRAINING_DIR): Promise<LoadedTrainingDataset> {
  const read = async (name: string): Promise<unknown> => {
    try {
      return JSON.parse(await readFile(join(dir, name), 'utf8'));
    } catch (error) {
      throw new TrainingDatasetError([`${name} : lecture impossible (${(error as Error).message})`]);
    }
  };
  const [careOfferJson, patternsJson, regulatorsJson, manifestJson] = await Promise.all([
    read(TRAINING_FILES.careOffer),
    read(TRAINING_FILES.slotPatterns),
    read(TRAINING_FILES.regulators),
    read(TRAINING_FILES.manifest),
  ]);
  const errors: string[] = [];
  const careOffer = parseCareOfferFile(careOfferJson);
  if (!careOffer.ok) errors.push(...careOffer.errors.map((error) => `${TRAINING_FILES.careOffer} › ${error}`));
  const patterns = slotPatternsFileSchema.safeParse(patternsJson, { error: french.localeError });
  if (!patterns.success) errors.push(...issuesOf(TRAINING_FILES.slotPatterns, patterns.error));
  const regulators = regulatorsFileSchema.safeParse(regulatorsJson, { error: french.localeError });
  if (!regulators.success) errors.push(...issuesOf(TRAINING_FILES.regulators, regulators.error));
  const manifest = manifestSchema.safeParse(manifestJson, { error: french.localeError });
  if (!manifest.success) errors.push(...issuesOf(TRAINING_FILES.manifest, manifest.error));
  if (!careOffer.ok || !patterns.success || !regulators.success || !manifest.success) {
    throw new TrainingDatasetError(errors);
  }
  // Every pattern belongs to someone in the care offer, on the agenda source that person declares.
  const practitioners = new Map(careOffer.data.practitioners.map((p) => [p.nationalId, p]));
  const sites = new Map(careOffer.data.sosSites.map((site) => [site.id, site]));
  const patternIds = new Set<string>();
  for (const pattern of patterns.data.patterns) {
    if (patternIds.has(pattern.id)) errors.push(`${TRAINING_FILES.slotPatterns} › motif en double : ${pattern.id}`);
    patternIds.add(pattern.id);
    const owner =
      pattern.owner.kind === 'practitioner'
        ? practitioners.get(pattern.owner.nationalId)
        : sites.get(pattern.owner.siteId);
    if (!owner) errors.push(`${TRAINING_FILES.slotPatterns} › ${pattern.id} : titulaire inconnu`);
    else if (owner.agendaSource !== pattern.sourceId) {
      errors.push(`${TRAINING_FILES.slotPatterns} › ${pattern.id} : source « ${pattern.sourceId} » ≠ agenda déclaré`);
    }
  }
  if (errors.length > 0) throw new TrainingDatasetError(errors);
  return {
    careOffer: careOffer.data,
    patterns: patterns.data.patterns,
    regulators: regulators.data.regulators,
    manifest: manifest.data as unknown as DatasetManifest,
    warnings: careOffer.warnings,
  };
}

/** Patterns grouped the way their consumers look them up. */
export function indexSlotPatterns(patterns: readonly SlotPattern[]) {
  const bySource = new Map<string, SlotPattern[]>();
  const byPractitioner = new Map<string, SlotPattern>();
  const bySosSite = new Map<string, SlotPattern>();
  for (const pattern of patterns) {
    bySource.set(pattern.sourceId, [...(bySource.get(pattern.sourceId) ?? []), pattern]);
    if (pattern.owner.kind === 'practitioner') byPractitioner.set(pattern.owner.nationalId, pattern);
    else bySosSite.set(pattern.owner.siteId, pattern);
  }
  return { bySource, byPractitioner, bySosSite };
}
