import type { Statement } from 'better-sqlite3';
import type { StoreDatabase } from './database.ts';

const byDatabase = new WeakMap<StoreDatabase, Map<string, Statement>>();

/**
 * The statement for `sql` on `database`, prepared once. Preparing parses and plans the SQL, which
 * costs more than running a small statement: the runtime's inbox runs a handful of statements per
 * job, thousands of times a minute. Callers must not change a shared statement's mode except
 * consistently for the same SQL (`pluck()` on a statement always used plucked).
 */
export function prepared(database: StoreDatabase, sql: string): Statement {
  let statements = byDatabase.get(database);
  if (!statements) {
    statements = new Map();
    byDatabase.set(database, statements);
  }
  let statement = statements.get(sql);
  if (!statement) {
    statement = database.prepare(sql);
    statements.set(sql, statement);
  }
  return statement;
}
