import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BridgeflowError } from '../errors/bridgeflow-error.ts';
import { openDatabase } from './database.ts';
import { appliedVersions, migrateDatabase, type StoreMigration } from './migrations.ts';
import { STORE_MIGRATIONS } from './store-migrations.ts';

function failure(run: () => unknown): BridgeflowError {
  try {
    run();
  } catch (thrown) {
    if (thrown instanceof BridgeflowError) return thrown;
    throw thrown;
  }
  throw new Error('expected a BridgeflowError');
}

const notes: StoreMigration = {
  version: 1,
  name: 'notes',
  up: 'CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT NOT NULL) STRICT;',
};
const tags: StoreMigration = {
  version: 2,
  name: 'tags',
  up: 'CREATE TABLE tags (note_id INTEGER NOT NULL REFERENCES notes (id), tag TEXT NOT NULL) STRICT;',
};
// The first statement succeeds, the second fails: the rollback must undo the first as well.
const broken: StoreMigration = {
  version: 3,
  name: 'broken-index',
  up: 'CREATE TABLE half_done (id INTEGER); CREATE INDEX oops ON no_such_table (id);',
};

function tableNames(path: string): string[] {
  // Straight through better-sqlite3: openDatabase would (rightly) refuse to open with fewer migrations.
  const database = new Database(path, { readonly: true });
  const names = database
    .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")
    .pluck()
    .all()
    .map(String);
  database.close();
  return names;
}

describe('openDatabase', () => {
  let folder = '';
  let path = '';
  beforeEach(async () => {
    folder = await mkdtemp(join(tmpdir(), 'bridgeflow-store-'));
    path = join(folder, 'bridgeflow.db');
  });
  afterEach(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it('opens a file database in WAL mode with foreign keys, full sync and a busy timeout', () => {
    const database = openDatabase(path, { busyTimeoutMs: 1234 });
    expect(database.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(database.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(database.pragma('busy_timeout', { simple: true })).toBe(1234);
    // FULL (2): an acknowledged webhook survives a power cut, not only a crashed process.
    expect(database.pragma('synchronous', { simple: true })).toBe(2);
    database.close();
  });

  it('gives a fresh database every migration, and a reopened one none', () => {
    const fresh = new Database(path);
    expect(migrateDatabase(fresh, [tags, notes]).map((migration) => migration.name)).toEqual([
      'notes',
      'tags',
    ]);
    expect(appliedVersions(fresh)).toEqual([1, 2]);
    fresh.prepare('INSERT INTO notes (text) VALUES (?)').run('kept');
    fresh.close();

    const reopened = openDatabase(path, { migrations: [tags, notes] });
    expect(appliedVersions(reopened)).toEqual([1, 2]);
    expect(reopened.prepare('SELECT text FROM notes').pluck().all()).toEqual(['kept']);
    expect(migrateDatabase(reopened, [notes, tags])).toEqual([]);
    reopened.close();
  });

  it('applies the product migrations to an in-memory database', () => {
    const database = openDatabase(':memory:');
    expect(appliedVersions(database)).toEqual(STORE_MIGRATIONS.map((migration) => migration.version));
    database.close();
  });

  it('enforces foreign keys', () => {
    const database = openDatabase(':memory:', { migrations: [notes, tags] });
    const orphan = () => database.prepare('INSERT INTO tags (note_id, tag) VALUES (42, ?)').run('x');
    expect(orphan).toThrow(/FOREIGN KEY/);
    database.close();
  });

  it('rolls a failing migration back, keeps the earlier ones and names the failing one', () => {
    const error = failure(() => openDatabase(path, { migrations: [notes, tags, broken] }));
    expect(error.code).toBe('STORE_FAILED');
    expect(error.message).toMatch(/^Could not apply database migration 0003-broken-index \(rolled back\): /);
    expect(error.message).toContain('no_such_table');
    expect(tableNames(path)).toEqual(['notes', 'schema_migrations', 'tags']);
  });

  it('refuses a database written by a newer version', () => {
    openDatabase(path, { migrations: [notes, tags] }).close();
    const error = failure(() => openDatabase(path, { migrations: [notes] }));
    expect(error.code).toBe('STORE_FAILED');
    expect(error.message).toBe(
      `The database ${path} was written by a newer version of Bridgeflow (schema version 2; this version knows up to 1); update Bridgeflow to open it`,
    );
  });

  it('reports a file that is not a database as STORE_FAILED', async () => {
    await writeFile(path, 'this is a text file, not SQLite, and it is long enough to have a header');
    const error = failure(() => openDatabase(path));
    expect(error.code).toBe('STORE_FAILED');
    expect(error.message).toContain(path);
  });

  it('reports a missing folder as STORE_FAILED', () => {
    const error = failure(() => openDatabase(join(folder, 'missing', 'x.db')));
    expect(error.code).toBe('STORE_FAILED');
    expect(error.message).toMatch(/^Could not open the database at /);
  });

  it('rejects two migrations with one version as a build mistake', () => {
    const error = failure(() => openDatabase(':memory:', { migrations: [notes, { ...tags, version: 1 }] }));
    expect(error.code).toBe('INTERNAL');
  });
});
