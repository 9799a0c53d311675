// P4: mapping throughput. One generated publisher answer of N slots with their includes (Schedule, Practitioner,
// PractitionerRole with contained Location, and for CPTS slots HealthcareService and Organization), built by the
// simulated publishers' own builder from the training data set; then, on the same bytes, `JSON.parse` alone
// against `mapSlotBundle(JSON.parse(text))`, alternating which goes first.
import { createDirectory } from '@backend/directory/directory';
import { loadTrainingDataset } from '@backend/training/dataset/files';
import { createTrainingCatalogue } from '@backend/training/publishers/training-answer';
import type { Cpts, Practitioner } from '@shared/domain/care-offer';
import type { Slot } from '@shared/domain/slot';
import { buildSearchsetBundle } from '@shared/fhir/build-bundle';
import { mapSlotBundle } from '@shared/fhir/map-slot-bundle';
import type { RowSpec, RunMeasure } from '../lib/rows';

export const P4: RowSpec = {
  id: 'P4',
  title: 'mapping throughput, JSON.parse + mapSlotBundle',
  unit: 'MB/s',
  direction: 'at-least',
  targetRule: '≥ 0.5 × JSON.parse alone',
};

const DAY_MS = 24 * 3600 * 1000;

interface GeneratedBundle {
  text: string;
  slots: number;
  entries: number;
  cptsSlots: number;
}

/**
 * A searchset of exactly `slotCount` slots from the training publishers' practitioners, each contributing a few
 * of its coming slots (as a real answer does, for many practitioners), so the includes are many too.
 */
async function generateBundle(slotCount: number): Promise<GeneratedBundle> {
  const dataset = await loadTrainingDataset();
  const directory = createDirectory(dataset.careOffer);
  const from = new Date();
  const to = new Date(from.getTime() + 28 * DAY_MS);
  const interfaced = dataset.careOffer.practitioners.filter((p) =>
    dataset.careOffer.publishers.some((pub) => pub.id === p.agendaSource && pub.kind !== 'sos'),
  );
  const perPractitioner = Math.max(1, Math.ceil((slotCount / Math.max(1, interfaced.length)) * 1.25));
  const slots: Slot[] = [];
  const practitioners = new Map<string, Practitioner>();
  const cpts = new Map<string, Cpts>();
  const catalogues = new Map(
    dataset.careOffer.publishers.map((publisher) => [
      publisher.id,
      createTrainingCatalogue({
        publisherId: publisher.id,
        bookingOrigin: 'https://editeur.invalid',
        directory,
        patterns: dataset.patterns,
        now: () => from,
      }),
    ]),
  );
  for (const practitioner of interfaced) {
    if (slots.length >= slotCount) break;
    const catalogue = practitioner.agendaSource ? catalogues.get(practitioner.agendaSource) : undefined;
    const own = (catalogue?.slotsOf(practitioner.nationalId, from, to) ?? []).slice(
      0,
      Math.min(perPractitioner, slotCount - slots.length),
    );
    if (own.length === 0) continue;
    slots.push(...own);
    practitioners.set(practitioner.nationalId, practitioner);
    for (const slot of own) {
      const structure = slot.cptsFiness ? directory.getCpts(slot.cptsFiness) : undefined;
      if (structure) cpts.set(structure.finess, structure);
    }
  }
  if (slots.length < slotCount) throw new Error(`only ${slots.length} slots could be generated (wanted ${slotCount})`);
  const bundle = buildSearchsetBundle({
    baseUrl: 'https://editeur.invalid/fhir',
    slots,
    practitioners: [...practitioners.values()],
    cpts: [...cpts.values()],
  });
  return {
    text: JSON.stringify(bundle),
    slots: slots.length,
    entries: bundle.entry?.length ?? 0,
    cptsSlots: slots.filter((s) => s.cptsFiness).length,
  };
}

export interface MappingOptions {
  runs: number;
  warmups: number;
  slots: number;
}

export async function benchMapping(options: MappingOptions): Promise<{ runs: RunMeasure[]; notes: string[] }> {
  const generated = await generateBundle(options.slots);
  const megabytes = Buffer.byteLength(generated.text, 'utf8') / 1e6;
  let checked: { slots: number; issues: number } | undefined;
  const parseOnly = () => {
    const started = performance.now();
    const value: unknown = JSON.parse(generated.text);
    const ms = performance.now() - started;
    return value === null ? Number.NaN : ms;
  };
  const parseAndMap = () => {
    const started = performance.now();
    const mapped = mapSlotBundle(JSON.parse(generated.text), { sourceId: 'editeur-bench' });
    const ms = performance.now() - started;
    checked = { slots: mapped.slots.length, issues: mapped.issues.length };
    return ms;
  };
  const runs: RunMeasure[] = [];
  for (let i = 0; i < options.warmups + options.runs; i += 1) {
    let parseMs: number;
    let mapMs: number;
    if (i % 2 === 0) {
      parseMs = parseOnly();
      mapMs = parseAndMap();
    } else {
      mapMs = parseAndMap();
      parseMs = parseOnly();
    }
    if (i < options.warmups) continue;
    runs.push({
      figure: megabytes / (mapMs / 1000),
      target: 0.5 * (megabytes / (parseMs / 1000)),
      extra: {
        'JSON.parse ms': parseMs,
        'parse + map ms': mapMs,
        'throughput ratio, parse + map ÷ parse alone (issue: ≥ 0.5)': parseMs / mapMs,
      },
    });
  }
  if (!checked || checked.slots !== generated.slots)
    throw new Error(`mapSlotBundle gave ${checked?.slots} slots for ${generated.slots}`);
  return {
    runs,
    notes: [
      `bundle: ${generated.slots} slots (${generated.cptsSlots} CPTS), ${generated.entries} entries, ${megabytes.toFixed(1)} MB; ` +
        `mapped back to ${checked.slots} slots with ${checked.issues} issue(s).`,
    ],
  };
}
