import type { StoreMigration } from '../migrations.ts';

/**
 * Lookup (cross-reference) tables for the mapping engine: SKU → ERP item, shipping method → carrier
 * code, and so on. Rows keep an explicit `position` because pattern rows are tried in row order.
 * Table names are case-sensitive (BINARY) because mappings refer to them by exact name.
 */
export const lookupTablesMigration: StoreMigration = {
  version: 1,
  name: 'lookup-tables',
  up: `
    CREATE TABLE lookup_tables (
      id INTEGER PRIMARY KEY,
      name TEXT NOT NULL UNIQUE,
      description TEXT NOT NULL DEFAULT '',
      key_label TEXT NOT NULL DEFAULT 'Key',
      default_value TEXT
    ) STRICT;

    CREATE TABLE lookup_rows (
      table_id INTEGER NOT NULL REFERENCES lookup_tables (id) ON DELETE CASCADE,
      position INTEGER NOT NULL,
      key TEXT NOT NULL,
      value TEXT NOT NULL,
      match TEXT NOT NULL CHECK (match IN ('exact', 'caseInsensitive', 'pattern')),
      note TEXT,
      PRIMARY KEY (table_id, key),
      UNIQUE (table_id, position)
    ) STRICT;
  `,
};
