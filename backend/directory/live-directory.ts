// A directory that follows the stored current version: the backend starts on it, polls the current version id
// (one tiny query), and when an import has switched it, loads the new version beside the one in service and swaps
// them in one assignment. Searches in flight keep the version they started with; the next ones get the new one.
// A version that cannot be loaded is logged and the one in service stays.
import type { Logger } from '../../shared/util/logger';
import { createDirectoryVersionRepository } from '../storage/directory-versions';
import type { SqlDatabase } from '../storage/sql-database';
import type { Directory } from './directory';
import { loadStoredVersion, type StoredDirectory } from './stored-directory';

const DEFAULT_DIRECTORY_POLL_MS = 10_000;

export interface LiveDirectory {
  /** Always answers from the version in service. */
  readonly directory: Directory;
  readonly versionId: number;
  /** Checks for a new current version now; true when it switched. */
  refresh(): Promise<boolean>;
  close(): void;
}

function delegate(current: () => Directory): Directory {
  return {
    get publishers() {
      return current().publishers;
    },
    get practitioners() {
      return current().practitioners;
    },
    get cpts() {
      return current().cpts;
    },
    get structures() {
      return current().structures;
    },
    get sosSites() {
      return current().sosSites;
    },
    getPublisher: (id) => current().getPublisher(id),
    getPractitioner: (id) => current().getPractitioner(id),
    getCpts: (finess) => current().getCpts(finess),
    getSosSite: (id) => current().getSosSite(id),
    getStructure: (finess) => current().getStructure(finess),
    cptsMembers: (finess) => current().cptsMembers(finess),
    findWithinRadius: (query) => current().findWithinRadius(query),
    countPractitionersWithin: (point, radiusKm, specialty) =>
      current().countPractitionersWithin(point, radiusKm, specialty),
  };
}

class NoDirectoryVersionError extends Error {
  constructor() {
    super(`Aucun annuaire en base : importez-le d'abord (npm run --silent directory -- import … --config <fichier>)`);
    this.name = 'NoDirectoryVersionError';
  }
}

export async function followStoredDirectory(
  db: SqlDatabase,
  logger: Logger,
  options: { pollMs?: number } = {},
): Promise<LiveDirectory> {
  const versions = createDirectoryVersionRepository(db);
  const first = await versions.current();
  if (!first) throw new NoDirectoryVersionError();
  let inService: StoredDirectory = await loadStoredVersion(versions, first.versionId);
  logger.info('annuaire chargé', {
    version: inService.versionId,
    praticiens: inService.directory.practitioners.length,
  });
  let checking: Promise<boolean> | undefined;

  const check = async (): Promise<boolean> => {
    const current = await versions.current();
    if (!current || current.versionId === inService.versionId) return false;
    try {
      const next = await loadStoredVersion(versions, current.versionId);
      const previous = inService.versionId;
      inService = next;
      logger.info('annuaire : nouvelle version en service', {
        version: next.versionId,
        precedente: previous,
        praticiens: next.directory.practitioners.length,
      });
      return true;
    } catch (error) {
      logger.unexpected('annuaire : version illisible, la version en service est conservée', error);
      return false;
    }
  };
  const refresh = () => {
    // One check at a time: a slow load must not start a second load of the same version.
    checking ??= check().finally(() => {
      checking = undefined;
    });
    return checking;
  };
  const timer = setInterval(() => {
    refresh().catch((error: unknown) => logger.unexpected('annuaire : vérification de version', error));
  }, options.pollMs ?? DEFAULT_DIRECTORY_POLL_MS);
  timer.unref();

  return {
    directory: delegate(() => inService.directory),
    get versionId() {
      return inService.versionId;
    },
    refresh,
    close: () => clearInterval(timer),
  };
}
