import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Mapping } from '../contract/mapping-document.ts';
import { createFlowHost, type FlowHost } from './flow-host.ts';

// The mapping editor's FlowApi methods through the real host (input parsing, handlers, Result),
// on a temporary workspace with sample files and its own lookup database.

const mapping: Mapping = {
  sourceSchema: 'threedcart.Order',
  targetSchema: 'sage300.OEOrder',
  fields: [
    { target: 'CustomerNumber', source: { value: 'WEBCUST' } },
    {
      target: 'OrderDetails',
      forEach: { path: 'OrderItemList' },
      fields: [
        { target: 'LineType', source: { value: 'Item' } },
        { target: 'Item', source: { lookup: 'sku', key: { path: 'ItemID' } } },
      ],
    },
  ],
};
const orders = [
  { OrderID: 1, BillingEmail: 'a@example.com', OrderItemList: [{ ItemID: 'A-1' }, { ItemID: 'B-2' }] },
  { OrderID: 2, BillingEmail: 'b@example.com', OrderItemList: [{ ItemID: 'A-1' }] },
];

let workspace: string;
let host: FlowHost;

beforeEach(async () => {
  workspace = await mkdtemp(join(tmpdir(), 'bridgeflow-mapping-'));
  await mkdir(join(workspace, 'orders.samples'), { recursive: true });
  await writeFile(join(workspace, 'orders.samples', 'two-orders.json'), JSON.stringify(orders));
  host = createFlowHost({ workspaceDir: workspace, databasePath: ':memory:' });
});

afterEach(async () => {
  host.context.dispose();
  await rm(workspace, { recursive: true, force: true });
});

function value<T>(result: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

describe('mapping editor methods', () => {
  it('lists the flow’s sample sets with array payloads split into items', async () => {
    const { sets } = value(await host.api.mappingSampleSets({ flowPath: 'orders.flow.json' }));
    expect(sets).toEqual([
      {
        location: 'flow',
        set: '',
        label: 'orders.samples',
        samples: [
          { name: 'two-orders #1', item: orders[0] },
          { name: 'two-orders #2', item: orders[1] },
        ],
      },
    ]);
  });

  it('previews a sample set by reference and reads it again when a file changes', async () => {
    const sampleSet = { flowPath: 'orders.flow.json', location: 'flow' as const, set: '' };
    const email: Mapping = { fields: [{ target: 'Email', source: { path: 'BillingEmail' } }] };
    const first = value(await host.api.previewMapping({ mapping: email, sampleSet }));
    expect(first.samples.map((sample) => sample.record)).toEqual([
      { Email: 'a@example.com' },
      { Email: 'b@example.com' },
    ]);
    const changed = [{ ...orders[0], BillingEmail: 'changed@example.com' }];
    await writeFile(join(workspace, 'orders.samples', 'two-orders.json'), JSON.stringify(changed, null, 2));
    const second = value(await host.api.previewMapping({ mapping: email, sampleSet }));
    expect(second.samples.map((sample) => sample.record)).toEqual([{ Email: 'changed@example.com' }]);
  });

  it('previews with the stored lookup tables and explains a line value', async () => {
    value(
      await host.api.saveLookupTable({ name: 'sku', keyLabel: 'SKU', rows: [{ key: 'A-1', value: 'A1/0' }] }),
    );
    const preview = value(await host.api.previewMapping({ mapping, samples: orders }));
    expect(preview.samples[0]?.values).toContainEqual({
      path: 'OrderDetails[0].Item',
      field: 'OrderDetails[].Item',
      value: 'A1/0',
    });
    expect(preview.samples[0]?.exceptions[0]?.message).toBe("SKU 'B-2' is not in table 'sku'");
    const why = value(
      await host.api.explainMappingValue({
        mapping,
        samples: orders,
        sampleIndex: 0,
        target: 'OrderDetails[0].Item',
      }),
    );
    expect(why.steps).toContainEqual({
      kind: 'lookup',
      table: 'sku',
      key: 'A-1',
      value: 'A1/0',
      matchedBy: 'exact',
    });
    const unmapped = value(await host.api.unmappedLookupValues({ mapping, samples: orders }));
    expect(unmapped.tables[0]?.values.map((entry) => entry.key)).toEqual(['B-2']);
  });

  it('imports and exports lookup CSV, refusing a bad file whole', async () => {
    const imported = value(
      await host.api.importLookupCsv({
        name: 'ship-via',
        csv: 'key,value,match\nUPS Ground,UPS,\nFedEx *,FEDEX,pattern\n',
      }),
    );
    expect(imported.table?.rows).toEqual([
      { key: 'UPS Ground', value: 'UPS', match: 'exact' },
      { key: 'FedEx *', value: 'FEDEX', match: 'pattern' },
    ]);
    expect(value(await host.api.exportLookupCsv({ name: 'ship-via' })).csv).toContain(
      'FedEx *,FEDEX,pattern',
    );
    const bad = value(await host.api.importLookupCsv({ name: 'other', csv: 'nope\n1\n' }));
    expect(bad.problems.length).toBeGreaterThan(0);
    expect(value(await host.api.listLookupTables({})).tables.map((table) => table.name)).toEqual([
      'ship-via',
    ]);
  });

  it('creates a table from unmapped values and answers suggestions, completions and checks', async () => {
    const table = value(
      await host.api.createLookupFromValues({ name: 'sku', keyLabel: 'SKU', values: ['A-1', 'B-2'] }),
    );
    expect(table.rows.map((row) => row.key)).toEqual(['A-1', 'B-2']);
    const { suggestions } = value(await host.api.suggestMappings({ mapping, samples: orders }));
    expect(suggestions.find((entry) => entry.target === 'BillToContactEmail')?.candidates[0]?.source).toBe(
      'BillingEmail',
    );
    const applied = value(
      await host.api.applySuggestions({
        mapping,
        accepted: [{ target: 'BillToContactEmail', source: 'BillingEmail' }],
      }),
    );
    expect(applied.mapping.fields).toContainEqual({
      target: 'BillToContactEmail',
      source: { path: 'BillingEmail' },
    });
    const completions = value(
      await host.api.mappingCompletions({
        sourceSchema: 'threedcart.Order',
        samples: orders,
        forEachPath: 'OrderItemList',
      }),
    );
    expect(completions.paths).toContainEqual(expect.objectContaining({ path: 'ItemID' }));
    expect(
      value(await host.api.checkMappingExpression({ expression: '$nope(1)' })).problems[0]?.severity,
    ).toBe('warning');
    const expression = value(
      await host.api.sourceToExpression({
        source: { fn: 'text.truncate', args: [{ path: 'ItemID' }, { value: 10 }] },
      }),
    );
    expect(expression.expression).toBe('$textTruncate(`ItemID`, (10))');
  });

  it('refuses input that does not match the contract', async () => {
    const result = await host.call('previewMapping', { mapping: { fields: [{ target: '' }] }, samples: [] });
    expect(result.ok).toBe(false);
  });
});
