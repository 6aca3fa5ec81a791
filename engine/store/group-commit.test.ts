import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { GroupCommit } from './group-commit.ts';

const opened: Database.Database[] = [];

function databases(): { writer: Database.Database; reader: Database.Database } {
  const file = join(mkdtempSync(join(tmpdir(), 'bridgeflow-group-commit-')), 'store.db');
  const writer = new Database(file);
  writer.pragma('journal_mode = WAL');
  writer.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT NOT NULL UNIQUE)');
  const reader = new Database(file, { readonly: true });
  opened.push(writer, reader);
  return { writer, reader };
}

afterEach(() => {
  for (const database of opened.splice(0)) database.close();
});

describe('GroupCommit', () => {
  it('runs the work handed in during one turn in one commit and answers each caller with its result', async () => {
    const { writer, reader } = databases();
    const commits = new GroupCommit(writer);
    const insert = writer.prepare('INSERT INTO notes (text) VALUES (?) RETURNING id');
    const versionBefore = reader.pragma('data_version', { simple: true });
    const results = await Promise.all(
      ['a', 'b', 'c'].map((text) =>
        commits.run(() => {
          expect(writer.inTransaction).toBe(true);
          return (insert.get(text) as { id: number }).id;
        }),
      ),
    );
    expect(results).toEqual([1, 2, 3]);
    // data_version moves once per commit another connection made.
    expect(reader.pragma('data_version', { simple: true })).toBe(Number(versionBefore) + 1);
    expect(reader.prepare('SELECT count(*) FROM notes').pluck().get()).toBe(3);
  });

  it('rolls back only the work that threw; its caller gets the error, the others commit', async () => {
    const { writer, reader } = databases();
    const commits = new GroupCommit(writer);
    const insert = writer.prepare('INSERT INTO notes (text) VALUES (?)');
    const outcomes = await Promise.allSettled([
      commits.run(() => insert.run('kept')),
      commits.run(() => {
        insert.run('rolled back');
        insert.run('kept'); // UNIQUE violation after a write of its own
      }),
      commits.run(() => insert.run('also kept')),
    ]);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(String((outcomes[1] as PromiseRejectedResult).reason)).toMatch(/UNIQUE/);
    expect(reader.prepare('SELECT text FROM notes ORDER BY id').pluck().all()).toEqual(['kept', 'also kept']);
  });

  it('answers callers only once the group is committed, and later work starts a new group', async () => {
    const { writer, reader } = databases();
    const commits = new GroupCommit(writer);
    const insert = writer.prepare('INSERT INTO notes (text) VALUES (?)');
    const count = reader.prepare('SELECT count(*) FROM notes').pluck();
    const seen: unknown[] = [];
    const first = commits.run(() => insert.run('one')).then(() => seen.push(count.get()));
    expect(count.get()).toBe(0);
    await first;
    await commits.run(() => insert.run('two')).then(() => seen.push(count.get()));
    expect(seen).toEqual([1, 2]);
  });

  it('rejects every caller of a group whose commit fails, storing nothing of it', async () => {
    const { writer, reader } = databases();
    const commits = new GroupCommit(writer);
    const insert = writer.prepare('INSERT INTO notes (text) VALUES (?)');
    // A write lock held by another connection makes BEGIN IMMEDIATE fail (no busy wait set).
    const other = new Database(writer.name, { timeout: 0 });
    opened.push(other);
    other.exec('BEGIN IMMEDIATE');
    writer.pragma('busy_timeout = 0');
    const outcomes = await Promise.allSettled([
      commits.run(() => insert.run('x')),
      commits.run(() => insert.run('y')),
    ]);
    other.exec('ROLLBACK');
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['rejected', 'rejected']);
    expect(reader.prepare('SELECT count(*) FROM notes').pluck().get()).toBe(0);
  });
});
