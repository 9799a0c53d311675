// An import into storage: a new version is filled, then made current; on any failure it is marked failed and the
// current version (what running backends serve) is left as it was.
import type { SqlDatabase } from '../../storage/sql-database';
import { createDirectoryVersionRepository } from '../../storage/directory-versions';
import { importDirectory, type ImportOptions, type ImportSources, type ImportSummary } from './importer';
import { createStorageSink } from './storage-sink';

export async function importIntoStorage(
  sources: ImportSources,
  db: SqlDatabase,
  options: ImportOptions & { batchSize?: number },
): Promise<ImportSummary & { versionId: number }> {
  const sink = await createStorageSink(
    createDirectoryVersionRepository(db),
    options.batchSize ? { batchSize: options.batchSize } : {},
  );
  try {
    const summary = await importDirectory(sources, sink, options);
    return { versionId: sink.versionId, ...summary };
  } catch (error) {
    await sink.abort(error instanceof Error ? error.message : String(error)).catch(() => {});
    throw error;
  }
}
