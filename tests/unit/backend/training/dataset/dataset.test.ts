import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createDirectory } from '@backend/directory/index';
import { agendaSlotInputSchema } from '@backend/storage/agenda-slots';
import { loadDepartmentOutlines, loadGeoData, type DepartmentOutlines, type GeoData } from '@backend/geo/index';
import {
  DEFAULT_SEED,
  DEFAULT_TRAINING_DIR,
  generateTrainingDataset,
  indexSlotPatterns,
  isFictitiousRpps,
  loadTrainingDataset,
  renderTrainingDataset,
  sasAgendaSlotInputs,
  slotsForWindow,
  TRAINING_FILES,
  type TrainingDataset,
} from '@backend/training/dataset/index';
import { parseNationalId } from '@shared/domain/identifiers';
import { isGeneralMedicine } from '@shared/domain/specialties';

let geo: GeoData;
let outlines: DepartmentOutlines;
let dataset: TrainingDataset;

beforeAll(async () => {
  [geo, outlines] = await Promise.all([loadGeoData(), loadDepartmentOutlines()]);
  dataset = generateTrainingDataset({ communes: geo.communes, outlines }, DEFAULT_SEED);
});

describe('training data set generator', () => {
  it('is deterministic: same seed, byte-identical files; another seed, other data', () => {
    const again = generateTrainingDataset({ communes: geo.communes, outlines }, DEFAULT_SEED);
    expect(renderTrainingDataset(again)).toEqual(renderTrainingDataset(dataset));
    const other = generateTrainingDataset({ communes: geo.communes, outlines }, DEFAULT_SEED + 1);
    expect(renderTrainingDataset(other)[TRAINING_FILES.careOffer]).not.toBe(
      renderTrainingDataset(dataset)[TRAINING_FILES.careOffer],
    );
  });

  it('matches the files committed in resources/training (regenerate with scripts/generate-training-data.ts)', () => {
    for (const [name, content] of Object.entries(renderTrainingDataset(dataset))) {
      expect(readFileSync(join(DEFAULT_TRAINING_DIR, name), 'utf8'), name).toBe(content);
    }
  });

  it('stays small enough for git', () => {
    for (const name of Object.values(TRAINING_FILES)) {
      expect(statSync(join(DEFAULT_TRAINING_DIR, name)).size).toBeLessThan(1_500_000);
    }
  });

  it('has the required volume: 2 departments, ≥ 600 practitioners over ≥ 6 specialties, general medicine first', () => {
    const { practitioners, cpts, sosSites, publishers } = dataset.careOffer;
    expect(new Set(dataset.manifest.departments.map((department) => department.code))).toEqual(new Set(['33', '47']));
    expect(practitioners.length).toBeGreaterThanOrEqual(600);
    const bySpecialty = new Map<string, number>();
    for (const practitioner of practitioners) {
      const code = practitioner.specialties[0]!.code;
      bySpecialty.set(code, (bySpecialty.get(code) ?? 0) + 1);
    }
    expect(bySpecialty.size).toBeGreaterThanOrEqual(6);
    const general = practitioners.filter((practitioner) => practitioner.specialties.some(isGeneralMedicine)).length;
    expect(general).toBeGreaterThan(practitioners.length / 2);
    expect(cpts.length).toBeGreaterThanOrEqual(12);
    expect(sosSites.length).toBeGreaterThanOrEqual(2);
    expect(publishers.length).toBeGreaterThanOrEqual(8);
    expect(publishers.filter((publisher) => publisher.kind === 'sos')).toHaveLength(1);
  });

  it('gives every practitioner a valid fictitious IDNPS and a place inside its department', () => {
    const ids = new Set<string>();
    const departments = new Map<string, number>();
    for (const practitioner of dataset.careOffer.practitioners) {
      const parsed = parseNationalId(practitioner.nationalId);
      expect(parsed.kind).toBe('rpps');
      expect(isFictitiousRpps(parsed.rpps!)).toBe(true);
      expect(ids.has(practitioner.nationalId)).toBe(false);
      ids.add(practitioner.nationalId);
      const place = practitioner.places[0]!;
      const commune = geo.communes.byInsee(place.inseeCode!);
      expect(commune?.name).toBe(place.city);
      expect(outlines.contains(commune!.department, place.point!), practitioner.nationalId).toBe(true);
      expect(practitioner.phone).toMatch(/^\+3353649\d{4}$/);
      departments.set(commune!.department, (departments.get(commune!.department) ?? 0) + 1);
    }
    expect(Object.fromEntries(departments)).toEqual({ '33': 400, '47': 240 });
  });

  it('has CPTS whose members all exist and participate through that CPTS', () => {
    const practitioners = new Map(dataset.careOffer.practitioners.map((p) => [p.nationalId, p]));
    for (const cpts of dataset.careOffer.cpts) {
      expect(cpts.memberIds.length).toBeGreaterThanOrEqual(3);
      for (const id of cpts.memberIds) {
        expect(practitioners.get(id)?.participation).toMatchObject({ mode: 'cpts', structureId: cpts.finess });
      }
    }
    const declared = dataset.careOffer.practitioners.filter((p) => p.participation?.mode === 'cpts').length;
    expect(declared).toBe(dataset.careOffer.cpts.reduce((sum, cpts) => sum + cpts.memberIds.length, 0));
  });

  it('mixes SAS-agenda-only practitioners, practitioners accepting beyond slots and practitioners without slots', () => {
    const { practitioners } = dataset.careOffer;
    const patterns = indexSlotPatterns(dataset.slotPatterns.patterns);
    const sasOnly = practitioners.filter((p) => p.agendaSource === 'sas-agenda');
    expect(sasOnly.length).toBeGreaterThan(10);
    for (const practitioner of sasOnly) {
      const pattern = patterns.byPractitioner.get(practitioner.nationalId);
      if (pattern) expect(pattern.sourceId).toBe('sas-agenda');
    }
    expect(practitioners.filter((p) => p.participation?.acceptsBeyondSlots).length).toBeGreaterThan(50);
    expect(practitioners.filter((p) => !patterns.byPractitioner.has(p.nationalId)).length).toBeGreaterThan(30);
    // A publisher that holds agendas with no slot at all, too.
    expect(
      practitioners.some(
        (p) => p.agendaSource && p.agendaSource !== 'sas-agenda' && !patterns.byPractitioner.has(p.nationalId),
      ),
    ).toBe(true);
    expect(patterns.bySosSite.size).toBe(dataset.careOffer.sosSites.length);
  });

  it('produces varied slot types and modes over a week, CPTS slots only for CPTS members', () => {
    const from = new Date('2026-03-23T00:00:00Z');
    const to = new Date('2026-03-29T23:00:00Z');
    const types = new Set<string>();
    const modes = new Set<string>();
    const cptsMembers = new Set(dataset.careOffer.cpts.flatMap((cpts) => cpts.memberIds));
    let walkIn = 0;
    for (const pattern of dataset.slotPatterns.patterns) {
      for (const slot of slotsForWindow(pattern, from, to)) {
        slot.types.forEach((type) => types.add(type));
        slot.modes.forEach((mode) => modes.add(mode));
        if (!slot.withAppointment) walkIn += 1;
        if (slot.types.includes('CPTS') && pattern.owner.kind === 'practitioner') {
          expect(cptsMembers.has(pattern.owner.nationalId)).toBe(true);
        }
      }
    }
    expect([...types].sort()).toEqual(['CPTS', 'PRO', 'PUBLIC', 'SNP']);
    expect([...modes].sort()).toEqual(['cabinet', 'domicile', 'teleconsultation']);
    expect(walkIn).toBeGreaterThan(0);
  });

  it('provides training regulators: RPPS ones, a non-RPPS one, one whose V1 access is withdrawn', () => {
    const { regulators } = dataset.regulators;
    expect(regulators.length).toBeGreaterThanOrEqual(3);
    const kinds = regulators.map((regulator) => parseNationalId(regulator.nationalId).kind);
    expect(kinds.filter((kind) => kind === 'rpps').length).toBeGreaterThanOrEqual(3);
    expect(kinds).toContain('finess-local');
    for (const regulator of regulators) {
      const parsed = parseNationalId(regulator.nationalId);
      if (parsed.kind === 'rpps') expect(isFictitiousRpps(parsed.rpps!)).toBe(true);
    }
    expect(regulators.filter((regulator) => !regulator.active)).toHaveLength(1);
    expect(new Set(regulators.map((regulator) => regulator.login)).size).toBe(regulators.length);
  });

  it('loads back from disk, validated, into a directory', async () => {
    const loaded = await loadTrainingDataset();
    expect(loaded.warnings).toEqual([]);
    expect(loaded.patterns).toHaveLength(dataset.slotPatterns.patterns.length);
    const directory = createDirectory(loaded.careOffer);
    const agen = geo.communes.byInsee('47001')!;
    const around = directory.findWithinRadius({ point: agen.point, radiusKm: 30 });
    expect(around.practitioners.length).toBeGreaterThan(20);
    expect(around.sosSites.length).toBeGreaterThan(0);
  });
});

describe('SAS agenda from the patterns', () => {
  it('gives valid agenda slots of SAS-agenda practitioners only, within the window', () => {
    const from = new Date('2026-03-23T00:00:00Z');
    const to = new Date('2026-03-26T23:00:00Z');
    const inputs = sasAgendaSlotInputs(dataset.slotPatterns.patterns, from, to);
    const sasOnly = new Set(
      dataset.careOffer.practitioners.filter((p) => p.agendaSource === 'sas-agenda').map((p) => p.nationalId),
    );
    expect(inputs.length).toBeGreaterThan(0);
    for (const input of inputs) {
      expect(agendaSlotInputSchema.safeParse(input).success).toBe(true);
      expect(sasOnly.has(input.practitionerId)).toBe(true);
      expect(Date.parse(input.start)).toBeGreaterThanOrEqual(from.getTime());
      expect(Date.parse(input.start)).toBeLessThanOrEqual(to.getTime());
      expect(input.types).toEqual(['SNP']);
    }
    expect(new Set(inputs.map((input) => input.id)).size).toBe(inputs.length);
  });
});
