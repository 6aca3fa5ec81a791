import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseFlowText } from '../flow/load-flow.ts';
import { createSampleLookups } from '../mapping/testing/sample-lookups.ts';
import { createCoreRegistry } from '../nodes/core-node-types.ts';
import { createBundle, lookupTablesOf, readBundle } from './bundle.ts';

const template = parseFlowText(
  readFileSync(
    new URL('../../flows/templates/order-to-sage300/order-to-sage300.flow.json', import.meta.url),
    'utf8',
  ),
).document;
if (!template) throw new Error('template does not parse');
const registry = createCoreRegistry();
const { repository } = createSampleLookups(1);
const tables = (name: string) => repository.getTable(name);
const exportedAt = new Date('2026-11-22T10:00:00Z');

describe('flow bundles', () => {
  it('packs the flow, the lookup tables it uses and a manifest of what the runtime must provide', () => {
    const bundle = readBundle(createBundle(template, registry, tables, exportedAt));
    expect(bundle.manifest).toMatchObject({
      flowId: template.id,
      schemaVersion: 1,
      createdAt: '2026-11-22T10:00:00.000Z',
      contentHash: expect.stringMatching(/^sha256:[0-9a-f]{64}$/),
      lookupTables: lookupTablesOf(template),
    });
    expect(bundle.manifest.requiredCredentials.map(({ id, type }) => ({ id, type }))).toEqual([
      { id: 'sage300-erp', type: 'sage300' },
      { id: 'threedcart-store', type: 'threedcart' },
    ]);
    expect(bundle.manifest.requiredEnvironment).toEqual([
      'BRIDGEFLOW_CREDENTIAL_SAGE300_ERP',
      'BRIDGEFLOW_CREDENTIAL_THREEDCART_STORE',
    ]);
    expect(bundle.lookupTables.map((table) => table.name)).toEqual(lookupTablesOf(template));
    expect(
      bundle.lookupTables.find((table) => table.name === 'sku-to-sage-item')?.rows.length,
    ).toBeGreaterThan(100);
    expect(bundle.flow).toEqual(template);
  });

  it('gives the same hash for the same content, whenever it is exported', () => {
    const first = readBundle(createBundle(template, registry, tables, exportedAt));
    const later = readBundle(createBundle(template, registry, tables, new Date('2027-01-01T00:00:00Z')));
    expect(later.manifest.contentHash).toBe(first.manifest.contentHash);
  });

  it('reads back a table with a default value (key order in the JSON does not matter)', () => {
    repository.updateTable('shipping-method-to-ship-via', { defaultValue: 'UPS' });
    const bundle = readBundle(createBundle(template, registry, tables, exportedAt));
    expect(
      bundle.lookupTables.find((table) => table.name === 'shipping-method-to-ship-via')?.defaultValue,
    ).toBe('UPS');
    repository.updateTable('shipping-method-to-ship-via', { defaultValue: null });
  });

  it('refuses a bundle changed after export, naming both hashes', () => {
    const text = createBundle(template, registry, tables, exportedAt).replace(
      '"value": "AP-1001/0"',
      '"value": "XX-1/0"',
    );
    expect(() => readBundle(text)).toThrow(/content does not match its manifest .*changed after export/);
  });

  it('refuses a bundle format or flow schema it does not know, with the versions', () => {
    const bundle = JSON.parse(createBundle(template, registry, tables, exportedAt));
    expect(() => readBundle(JSON.stringify({ ...bundle, bundleVersion: 2 }))).toThrow(
      expect.objectContaining({
        code: 'FLOW_SCHEMA_UNSUPPORTED',
        message: expect.stringMatching(/format 2/),
      }),
    );
    expect(() =>
      readBundle(JSON.stringify({ ...bundle, manifest: { ...bundle.manifest, schemaVersion: 9 } })),
    ).toThrow(
      expect.objectContaining({
        code: 'FLOW_SCHEMA_UNSUPPORTED',
        message: expect.stringMatching(/schema version 9/),
      }),
    );
    expect(() => readBundle('{"bundleVersion": 1')).toThrow(/not valid JSON: line 1/);
  });

  it('will not export a flow whose lookup tables are missing, naming them', () => {
    expect(() => createBundle(template, registry, () => undefined, exportedAt)).toThrow(
      expect.objectContaining({
        code: 'INPUT_INVALID',
        message: expect.stringContaining("'sku-to-sage-item'"),
      }),
    );
  });
});
