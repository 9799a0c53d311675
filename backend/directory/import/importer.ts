// The import pipeline: FINESS read first (positions and structures), then the RPPS file streamed line by line,
// grouped per professional (consecutive lines with the same national id), filtered by the premier-recours rule,
// positioned, joined with the SAS participation data, and written to a sink.
import { readFile } from 'node:fs/promises';
import type { Cpts, HealthStructure, Practitioner, SosSite } from '@shared/domain/care-offer';
import type { CommuneTable } from '../../geo/communes';
import type { Publisher } from '../publishers';
import type { FinessEstablishment } from './finess';
import { readFiness } from './finess-reader';
import type { BatchGeocoder } from './geocoder-csv';
import { utf8Lines } from './lines';
import { parseParticipationCsv, parsePublishersCsv, parseSosSitesCsv, type ParticipationRow } from './participation';
import { normalizePhone } from './phone';
import { atCommuneCentroid, createPositionResolver, type PositionCounts } from './positions';
import { buildPractitioner, type BuiltPractitioner } from './practitioner';
import { parseRppsLine, resolveRppsHeader, type RppsActivity } from './rpps';
import type { DirectorySink } from './sink';

export interface ImportSources {
  rpps: string;
  finess: string;
  participation?: string;
  sosSites?: string;
  publishers?: string;
}

export interface ImportOptions {
  communes: CommuneTable;
  geocoder?: BatchGeocoder;
  /** Places per geocoder request. */
  geocodeBatchSize?: number;
  /** A progress line every this many RPPS lines. */
  progressEvery?: number;
  progress?: (line: string) => void;
}

export interface ImportSummary {
  rpps: {
    lines: number;
    invalidLines: number;
    professionals: number;
    kept: number;
    skipped: Record<string, number>;
    activitiesExcluded: Record<string, number>;
    /** Professionals whose lines were not contiguous in the file (merged by the sink). */
    nonContiguous: number;
  };
  finess: { lines: number; establishments: number; positions: number; invalid: number };
  structures: { cpts: number; msp: number; cds: number };
  positions: PositionCounts;
  participation: { rows: number; unknownPractitioners: number; unknownStructures: number };
  sosSites: number;
  publishers: number;
  /** The first problems met (line numbers included). */
  issues: string[];
}

/** The import cannot run: a missing column, an invalid participation file… French messages. */
export class ImportError extends Error {
  constructor(readonly errors: string[]) {
    super(`Import impossible :\n- ${errors.join('\n- ')}`);
    this.name = 'ImportError';
  }
}

const MAX_ISSUES = 50;

async function readOptional<T>(file: string | undefined, parse: (text: string) => { rows: T[]; errors: string[] }) {
  if (file === undefined) return [];
  const result = parse(await readFile(file, 'utf8'));
  if (result.errors.length > 0) throw new ImportError(result.errors.slice(0, MAX_ISSUES));
  return result.rows;
}

function structurePlace(establishment: FinessEstablishment) {
  return {
    ...(establishment.street ? { line: establishment.street } : {}),
    ...(establishment.postalCode ? { postalCode: establishment.postalCode } : {}),
    ...(establishment.city ? { city: establishment.city } : {}),
    ...(establishment.inseeCode ? { inseeCode: establishment.inseeCode } : {}),
  };
}

export async function importDirectory(
  sources: ImportSources,
  sink: DirectorySink,
  options: ImportOptions,
): Promise<ImportSummary> {
  const participations = await readOptional<ParticipationRow>(sources.participation, parseParticipationCsv);
  const publishers = await readOptional<Publisher>(sources.publishers, parsePublishersCsv);
  const sosSites = await readOptional<SosSite>(sources.sosSites, parseSosSitesCsv);
  const finess = await readFiness(sources.finess);
  const issues = [...finess.issues];

  const structuresByFiness = new Map(finess.structures.map((structure) => [structure.finess, structure]));
  const participationById = new Map(participations.map((row) => [row.nationalId, row]));
  const cptsMembers = new Map<string, string[]>();
  let unknownStructures = 0;
  const resolver = createPositionResolver({
    finess: finess.positions,
    communes: options.communes,
    ...(options.geocoder ? { geocoder: options.geocoder } : {}),
  });

  const summary: ImportSummary['rpps'] = {
    lines: 0,
    invalidLines: 0,
    professionals: 0,
    kept: 0,
    skipped: {},
    activitiesExcluded: {},
    nonContiguous: 0,
  };
  const count = (record: Record<string, number>, key: string) => {
    record[key] = (record[key] ?? 0) + 1;
  };
  const keptIds = new Set<string>();

  const withParticipation = (practitioner: Practitioner): Practitioner => {
    const row = participationById.get(practitioner.nationalId);
    if (!row) return practitioner;
    const { participation } = row;
    if (!participation) return { ...practitioner, ...(row.agendaSource ? { agendaSource: row.agendaSource } : {}) };
    const structure = participation.structureId ? structuresByFiness.get(participation.structureId) : undefined;
    const expected = participation.mode === 'cpts' ? '604' : participation.mode === 'msp' ? '603' : undefined;
    if (expected !== undefined && structure?.category !== expected) {
      unknownStructures += 1;
      if (issues.length < MAX_ISSUES) {
        issues.push(
          `participation de ${practitioner.nationalId} : structure ${participation.structureId ?? ''} absente de FINESS (catégorie ${expected})`,
        );
      }
      return { ...practitioner, ...(row.agendaSource ? { agendaSource: row.agendaSource } : {}) };
    }
    if (participation.mode === 'cpts' && participation.structureId) {
      const members = cptsMembers.get(participation.structureId) ?? [];
      if (!keptIds.has(practitioner.nationalId)) members.push(practitioner.nationalId);
      cptsMembers.set(participation.structureId, members);
    }
    return {
      ...practitioner,
      participation: { ...participation, ...(structure ? { structureName: structure.name } : {}) },
      ...(row.agendaSource ? { agendaSource: row.agendaSource } : {}),
    };
  };

  // Practitioners waiting for the geocoder's next batch, and that batch's places.
  let waiting: BuiltPractitioner[] = [];
  let batch: BuiltPractitioner['pending'] = [];
  const batchSize = options.geocodeBatchSize ?? 1000;
  const flush = async () => {
    await resolver.resolveBatch(batch);
    for (const built of waiting) await sink.writePractitioner(withParticipation(built.practitioner));
    for (const built of waiting) keptIds.add(built.practitioner.nationalId);
    waiting = [];
    batch = [];
  };

  const endGroup = async (group: RppsActivity[]) => {
    summary.professionals += 1;
    const result = buildPractitioner(group);
    for (const reason of result.excluded) count(summary.activitiesExcluded, reason);
    if (!result.kept) {
      count(summary.skipped, 'aucune activité de premier recours');
      return;
    }
    summary.kept += 1;
    if (keptIds.has(result.built.practitioner.nationalId)) summary.nonContiguous += 1;
    const left = resolver.resolveLocally(result.built.pending);
    if (left.length === 0 && waiting.length === 0) {
      await sink.writePractitioner(withParticipation(result.built.practitioner));
      keptIds.add(result.built.practitioner.nationalId);
      return;
    }
    waiting.push(result.built);
    batch.push(...left);
    if (batch.length >= batchSize) await flush();
  };

  let header: ReturnType<typeof resolveRppsHeader> | undefined;
  let group: RppsActivity[] = [];
  let lineNumber = 0;
  for await (const line of utf8Lines(sources.rpps)) {
    lineNumber += 1;
    if (header === undefined) {
      header = resolveRppsHeader(line);
      if (!header.ok) throw new ImportError([header.error]);
      continue;
    }
    if (!header.ok || line.trim() === '') continue;
    summary.lines += 1;
    if (options.progress && options.progressEvery && summary.lines % options.progressEvery === 0) {
      options.progress(`RPPS : ${summary.lines} lignes lues, ${summary.kept} professionnels retenus`);
    }
    const parsed = parseRppsLine(line, header.columns);
    if (!parsed.ok) {
      summary.invalidLines += 1;
      if (issues.length < MAX_ISSUES) issues.push(`RPPS, ligne ${lineNumber} : ${parsed.error}`);
      continue;
    }
    if (group.length > 0 && group[0]?.nationalId !== parsed.activity.nationalId) {
      await endGroup(group);
      group = [];
    }
    group.push(parsed.activity);
  }
  if (header === undefined) throw new ImportError(['fichier RPPS : vide, en-tête absent']);
  if (group.length > 0) await endGroup(group);
  await flush();

  const unknownPractitioners = participations.filter((row) => !keptIds.has(row.nationalId)).length;
  const cpts: Cpts[] = [];
  const structures: HealthStructure[] = [];
  const counts = { cpts: 0, msp: 0, cds: 0 };
  for (const establishment of finess.structures) {
    const place = structurePlace(establishment);
    const site = finess.positions.get(establishment.finess);
    if (site) Object.assign(place, { point: site.point, precision: 'street' });
    else atCommuneCentroid(place, options.communes);
    const phone = establishment.phone ? normalizePhone(establishment.phone) : undefined;
    const common = { finess: establishment.finess, name: establishment.name, ...(phone ? { phone } : {}), place };
    if (establishment.category === '604') {
      counts.cpts += 1;
      cpts.push({ ...common, memberIds: cptsMembers.get(establishment.finess) ?? [] });
    } else {
      const kind = establishment.category === '603' ? 'msp' : 'cds';
      counts[kind] += 1;
      structures.push({ ...common, kind });
    }
  }
  for (const site of sosSites) if (!site.place.point) atCommuneCentroid(site.place, options.communes);
  await sink.finish({ publishers, cpts, structures, sosSites });
  return {
    rpps: summary,
    finess: finess.counts,
    structures: counts,
    positions: resolver.counts,
    participation: { rows: participations.length, unknownPractitioners, unknownStructures },
    sosSites: sosSites.length,
    publishers: publishers.length,
    issues,
  };
}
