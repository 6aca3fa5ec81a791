import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LookupTableRepository } from '../../engine/mapping/lookups/lookup-table-repository.ts';
import { readBundle } from '../../engine/runtime/bundle.ts';
import { openDatabase } from '../../engine/store/database.ts';

const root = resolve(import.meta.dirname, '../..');
const template = join(root, 'flows/templates/order-to-sage300/order-to-sage300.flow.json');
let dir: string;
let lookups: string;

function bridgeflow(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      [join(root, 'engine/cli.ts'), ...args],
      { cwd: root },
      (error, stdout, stderr) =>
        done({ code: error && typeof error.code === 'number' ? error.code : 0, stdout, stderr }),
    );
  });
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'bridgeflow-export-'));
  lookups = join(dir, 'lookups.db');
  const database = openDatabase(lookups);
  const repository = new LookupTableRepository(database);
  repository.createTable({ name: 'sku-to-sage-item', keyLabel: 'SKU' });
  repository.writeRows('sku-to-sage-item', [{ key: 'AP-1001', value: 'AP-1001/0' }], 'replace');
  repository.createTable({
    name: 'shipping-method-to-ship-via',
    keyLabel: 'Shipping method',
    defaultValue: 'UPS',
  });
  database.close();
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('bridgeflow export', () => {
  it('writes a sealed bundle with the lookup tables and says which credentials it needs', async () => {
    const out = join(dir, 'order.bundle.json');
    const result = await bridgeflow('export', template, '--lookups', lookups, '--out', out);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      /needs credential sage300-erp \(sage300\) from BRIDGEFLOW_CREDENTIAL_SAGE300_ERP/,
    );
    const bundle = readBundle(await readFile(out, 'utf8'));
    expect(bundle.lookupTables.map((table) => [table.name, table.rows.length, table.defaultValue])).toEqual([
      ['shipping-method-to-ship-via', 0, 'UPS'],
      ['sku-to-sage-item', 1, undefined],
    ]);
  });

  it('refuses to export without the tables the flow uses, naming them', async () => {
    const result = await bridgeflow('export', template, '--out', join(dir, 'x.json'));
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /lookup tables shipping-method-to-ship-via, sku-to-sage-item; give the database/,
    );
  });
});
