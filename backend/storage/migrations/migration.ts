/** One step of the schema. Versions are applied in increasing order, each once, each in its own transaction. */
export interface Migration {
  version: number;
  /** Short name, kept in `schema_migrations` for whoever reads the database. */
  name: string;
  /** Statements run in order; PostgreSQL dialect understood by both drivers. */
  statements: readonly string[];
}
