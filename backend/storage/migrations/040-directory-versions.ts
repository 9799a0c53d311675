// The care-offer directory as versioned imports: an import fills a new version beside the current one, then one
// row switches `directory_current` to it, so running backends never see a half-loaded directory and a failed
// import leaves the current version untouched. Entries are kept as their JSON text: the backend reads a whole
// version into its in-memory indexes once, and `directory show` reads one entry.
import type { Migration } from './migration';

export const migration040DirectoryVersions: Migration = {
  version: 40,
  name: 'annuaire : versions importées, entrées, version courante',
  statements: [
    `CREATE TABLE directory_versions (
       id           integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
       state        text NOT NULL CHECK (state IN ('loading', 'ready', 'failed')),
       started_at   timestamptz NOT NULL DEFAULT now(),
       finished_at  timestamptz,
       summary      text
     )`,
    `CREATE TABLE directory_entries (
       version_id  integer NOT NULL REFERENCES directory_versions (id) ON DELETE CASCADE,
       kind        text NOT NULL CHECK (kind IN ('publisher', 'practitioner', 'cpts', 'structure', 'sos-site')),
       entry_id    text NOT NULL,
       data        text NOT NULL,
       PRIMARY KEY (version_id, kind, entry_id)
     )`,
    `CREATE TABLE directory_current (
       singleton    boolean PRIMARY KEY DEFAULT true CHECK (singleton),
       version_id   integer NOT NULL REFERENCES directory_versions (id),
       switched_at  timestamptz NOT NULL DEFAULT now()
     )`,
  ],
};
