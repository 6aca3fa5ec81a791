import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BridgeflowError } from '../../errors/bridgeflow-error.ts';
import { openDatabase, type StoreDatabase } from '../../store/database.ts';
import { LookupTableRepository } from './lookup-table-repository.ts';

function failure(run: () => unknown): BridgeflowError {
  try {
    run();
  } catch (thrown) {
    if (thrown instanceof BridgeflowError) return thrown;
    throw thrown;
  }
  throw new Error('expected a BridgeflowError');
}

describe('LookupTableRepository', () => {
  let database: StoreDatabase;
  let repository: LookupTableRepository;
  beforeEach(() => {
    database = openDatabase(':memory:');
    repository = new LookupTableRepository(database);
    repository.createTable({
      name: 'shipping-methods',
      description: '3dcart → Sage ship via',
      keyLabel: 'Shipping method',
    });
  });
  afterEach(() => database.close());

  it('creates, lists, renames, updates and deletes tables', () => {
    repository.createTable({ name: 'sku-to-sage-item', defaultValue: 'MISC' });
    expect(repository.listTables()).toEqual([
      {
        name: 'shipping-methods',
        description: '3dcart → Sage ship via',
        keyLabel: 'Shipping method',
        rowCount: 0,
      },
      { name: 'sku-to-sage-item', description: '', keyLabel: 'Key', defaultValue: 'MISC', rowCount: 0 },
    ]);
    repository.upsertRow('sku-to-sage-item', { key: 'A', value: '1' });
    expect(repository.renameTable('sku-to-sage-item', 'skus').rowCount).toBe(1);
    expect(repository.getTable('sku-to-sage-item')).toBeUndefined();
    expect(repository.updateTable('skus', { keyLabel: 'SKU', defaultValue: null })).toEqual({
      name: 'skus',
      description: '',
      keyLabel: 'SKU',
      rowCount: 1,
    });
    expect(repository.deleteTable('skus')).toBe(true);
    expect(repository.deleteTable('skus')).toBe(false);
    expect(database.prepare('SELECT COUNT(*) FROM lookup_rows').pluck().get()).toBe(0);
  });

  it('refuses a duplicate name, a bad name and an unknown table with INPUT_INVALID', () => {
    expect(failure(() => repository.createTable({ name: 'shipping-methods' })).message).toBe(
      "A lookup table named 'shipping-methods' already exists",
    );
    expect(failure(() => repository.createTable({ name: ' padded' })).code).toBe('INPUT_INVALID');
    expect(failure(() => repository.createTable({ name: '' })).message).toBe(
      'Invalid lookup table: name: expected a non-empty string, got an empty string',
    );
    expect(failure(() => repository.listRows('nope')).message).toBe("There is no lookup table named 'nope'");
    repository.createTable({ name: 'other' });
    expect(failure(() => repository.renameTable('other', 'shipping-methods')).code).toBe('INPUT_INVALID');
  });

  it('adds, reads, changes in place and deletes rows', () => {
    repository.upsertRow('shipping-methods', {
      key: 'UPS Ground',
      value: 'UPSGND',
      match: 'caseInsensitive',
    });
    repository.upsertRow('shipping-methods', {
      key: 'FedEx*',
      value: 'FDX',
      match: 'pattern',
      note: 'all FedEx',
    });
    repository.upsertRow('shipping-methods', { key: 'UPS Ground', value: 'UPS-G', match: 'caseInsensitive' });
    expect(repository.listRows('shipping-methods')).toEqual([
      { key: 'UPS Ground', value: 'UPS-G', match: 'caseInsensitive' },
      { key: 'FedEx*', value: 'FDX', match: 'pattern', note: 'all FedEx' },
    ]);
    expect(repository.getRow('shipping-methods', 'FedEx*')?.value).toBe('FDX');
    expect(repository.getRow('shipping-methods', 'fedex*')).toBeUndefined();
    expect(repository.deleteRow('shipping-methods', 'UPS Ground')).toBe(true);
    expect(repository.deleteRow('shipping-methods', 'UPS Ground')).toBe(false);
    expect(repository.getTable('shipping-methods')?.rows.map((row) => row.key)).toEqual(['FedEx*']);
  });

  it('refuses a row with an unknown match mode or an empty key', () => {
    const unknownMode = { key: 'A', value: '1', match: 'fuzzy' } as unknown as { key: string; value: string };
    expect(failure(() => repository.upsertRow('shipping-methods', unknownMode)).message).toBe(
      'Invalid lookup row: match: expected one of "exact", "caseInsensitive", "pattern", got "fuzzy"',
    );
    expect(failure(() => repository.upsertRow('shipping-methods', { key: '', value: '1' })).code).toBe(
      'INPUT_INVALID',
    );
  });

  it('merges or replaces rows and says what changed', () => {
    repository.writeRows(
      'shipping-methods',
      [
        { key: 'A', value: '1' },
        { key: 'B', value: '2' },
      ],
      'replace',
    );
    const merged = repository.writeRows(
      'shipping-methods',
      [
        { key: 'C', value: '3' },
        { key: 'A', value: '9' },
        { key: 'B', value: '2' },
      ],
      'merge',
    );
    expect(merged).toEqual({ added: 1, updated: 1, unchanged: 1, removed: 0 });
    expect(repository.listRows('shipping-methods').map((row) => `${row.key}=${row.value}`)).toEqual([
      'A=9',
      'B=2',
      'C=3',
    ]);
    const replaced = repository.writeRows(
      'shipping-methods',
      [
        { key: 'C', value: '3' },
        { key: 'D', value: '4' },
      ],
      'replace',
    );
    expect(replaced).toEqual({ added: 1, updated: 0, unchanged: 1, removed: 2 });
    expect(repository.listRows('shipping-methods').map((row) => row.key)).toEqual(['C', 'D']);
  });

  it('imports nothing from a CSV file with bad rows and reports each one', () => {
    repository.upsertRow('shipping-methods', { key: 'kept', value: 'as is' });
    const text = 'key,value,match\nA,1,exact\n,2,exact\nB,3,fuzzy\nA,4,\nC,5,pattern\n';
    expect(repository.importCsv('shipping-methods', text, { mode: 'replace' })).toEqual({
      imported: false,
      problems: [
        { line: 3, message: 'The key is empty' },
        { line: 4, message: "Match 'fuzzy' is not one of exact, caseInsensitive, pattern" },
        { line: 5, message: "Key 'A' already appears on line 2" },
      ],
    });
    expect(repository.listRows('shipping-methods')).toEqual([
      { key: 'kept', value: 'as is', match: 'exact' },
    ]);
  });

  it('imports a CSV file by merge or replace, and exports it back byte for byte', () => {
    repository.upsertRow('shipping-methods', { key: 'kept', value: 'old' });
    const text =
      'key,value,match,note\n00042,"Smith, ""J""",exact,\n"two\nlines",東京 🚚,caseInsensitive,n\n';
    expect(repository.importCsv('shipping-methods', text, { mode: 'merge' })).toEqual({
      imported: true,
      added: 2,
      updated: 0,
      unchanged: 0,
      removed: 0,
    });
    expect(repository.listRows('shipping-methods')).toHaveLength(3);
    expect(repository.importCsv('shipping-methods', text, { mode: 'replace' })).toMatchObject({ removed: 1 });
    expect(repository.exportCsv('shipping-methods')).toBe(text);
  });

  it('tells listeners which table changed, after the change and only when it committed', () => {
    const changed: string[] = [];
    const stop = repository.onChange((table) => changed.push(table));
    repository.upsertRow('shipping-methods', { key: 'A', value: '1' });
    repository.renameTable('shipping-methods', 'ship-via');
    failure(() => repository.upsertRow('nope', { key: 'A', value: '1' }));
    stop();
    repository.deleteTable('ship-via');
    expect(changed).toEqual(['shipping-methods', 'shipping-methods', 'ship-via']);
  });
});

describe('LookupTableRepository on a file', () => {
  let folder = '';
  beforeEach(async () => {
    folder = await mkdtemp(join(tmpdir(), 'bridgeflow-lookups-'));
  });
  afterEach(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it('keeps tables and rows across a reopen', () => {
    const path = join(folder, 'bridgeflow.db');
    const first = openDatabase(path);
    const writer = new LookupTableRepository(first);
    writer.createTable({ name: 'sku-to-sage-item', keyLabel: 'SKU', defaultValue: 'MISC' });
    writer.upsertRow('sku-to-sage-item', {
      key: 'AP-1001-*',
      value: 'A1001',
      match: 'pattern',
      note: 'family',
    });
    first.close();

    const second = openDatabase(path);
    expect(new LookupTableRepository(second).getTable('sku-to-sage-item')).toEqual({
      name: 'sku-to-sage-item',
      description: '',
      keyLabel: 'SKU',
      defaultValue: 'MISC',
      rowCount: 1,
      rows: [{ key: 'AP-1001-*', value: 'A1001', match: 'pattern', note: 'family' }],
    });
    second.close();
  });
});
