import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DesignerSession, openDesigner } from './designer-harness.ts';

// An analyst maps a 3dcart order onto a Sage 300 order in the mapping editor: drags fields, sees
// the preview and a too-long value marked, switches a field to a JSONata expression, imports a
// lookup CSV and accepts a suggestion; the flow file on disk holds what was mapped.

const LONG_COMPANY = 'Okafor Landscaping and Garden Design Studio of Greater Austin Texas LLC';
const orders = [
  {
    OrderID: 20052,
    OrderDate: '2025-03-04T16:05:43',
    BillingFirstName: 'Mia',
    BillingLastName: 'Okafor',
    BillingCity: 'Austin',
    BillingEmail: 'Mia.Okafor@Example.net',
    ShipmentList: [{ ShipmentCompany: 'Okafor Studio', ShipmentCity: 'Austin' }],
    OrderItemList: [{ ItemID: 'OF-1003', ItemQuantity: 3, ItemUnitPrice: 19.95 }],
  },
  {
    OrderID: 20053,
    OrderDate: '2025-03-05T09:12:30',
    BillingFirstName: 'Jo',
    BillingLastName: 'Nguyen',
    BillingCity: 'Miami',
    BillingEmail: 'jo.nguyen@example.com',
    ShipmentList: [{ ShipmentCompany: LONG_COMPANY, ShipmentCity: 'Miami' }],
    OrderItemList: [{ ItemID: 'ZZ-9999', ItemQuantity: 1, ItemUnitPrice: 5 }],
  },
];

const flow = {
  schemaVersion: 1,
  id: 'orders',
  name: 'Orders to Sage',
  nodes: [
    {
      id: 'trigger',
      type: 'core.manualTrigger',
      typeVersion: 1,
      name: 'Sample',
      position: { x: 0, y: 0 },
      parameters: {},
    },
    {
      id: 'map',
      type: 'core.mapping',
      typeVersion: 1,
      name: 'Map order',
      position: { x: 300, y: 0 },
      parameters: {
        sourceSchema: 'threedcart.Order',
        targetSchema: 'sage300.OEOrder',
        fields: [{ target: 'CustomerNumber', source: { value: 'WEBCUST' } }],
      },
    },
  ],
  edges: [{ id: 'e1', source: 'trigger', sourceHandle: 'main', target: 'map', targetHandle: 'main' }],
};

async function showField(page: Page, side: 'source' | 'target', name: string): Promise<void> {
  await page.getByLabel(`Filter ${side} fields`).fill(name);
}

async function fieldsOnDisk(workspace: string): Promise<unknown[]> {
  const saved = JSON.parse(await readFile(join(workspace, 'orders.flow.json'), 'utf8'));
  return saved.nodes.find((node: { id: string }) => node.id === 'map').parameters.fields;
}

/**
 * Saves with Ctrl+S until the flow file on disk holds the field mapping: an edit that goes through
 * the host (accepting suggestions) reaches the document a moment after the click.
 */
async function expectSaved(session: DesignerSession, field: unknown): Promise<void> {
  await expect
    .poll(async () => {
      await session.page.keyboard.press('Control+s');
      return fieldsOnDisk(session.workspace);
    })
    .toContainEqual(field);
}

describe('mapping editor in Chromium', () => {
  let session: DesignerSession;
  let workspace: string;
  beforeAll(async () => {
    workspace = await mkdtemp(join(tmpdir(), 'bridgeflow-mapping-e2e-'));
    await writeFile(join(workspace, 'orders.flow.json'), JSON.stringify(flow, null, 2));
    await mkdir(join(workspace, 'orders.samples'));
    await writeFile(join(workspace, 'orders.samples', 'orders.json'), JSON.stringify(orders));
    session = await openDesigner({ workspace, viewport: { width: 1600, height: 900 } });
  }, 180_000);
  afterAll(async () => {
    await session?.close();
    await rm(workspace, { recursive: true, force: true });
  });

  it('maps by drag and drop with a live preview, expressions, lookups and suggestions', {
    timeout: 150_000,
  }, async () => {
    const { page } = session;
    await page.keyboard.press('Control+o');
    await page.getByRole('button', { name: 'orders.flow.json' }).first().click();
    await page.getByTestId('node-Map order').click();
    await page.getByRole('button', { name: 'Open Mapping editor' }).click();
    await page.getByTestId('mapping-editor').waitFor();
    await page.getByTestId('source-field-BillingEmail').waitFor();

    // Drag a source field onto a target field: mapped, previewed, saved in the flow JSON.
    await showField(page, 'target', 'BillToContactEmail');
    await page
      .getByTestId('source-field-BillingEmail')
      .dragTo(page.getByTestId('target-field-BillToContactEmail'));
    await expect
      .poll(() => page.getByTestId('preview-value-BillToContactEmail').textContent())
      .toBe('Mia.Okafor@Example.net');
    await expectSaved(session, {
      target: 'BillToContactEmail',
      source: { path: 'BillingEmail' },
    });

    // Switch the field to an expression and type into Monaco; the preview follows.
    await page.getByTestId('switch-to-expression').click();
    const monaco = page.getByTestId('code-editor-Mapping expression').locator('.monaco-editor');
    await monaco.click();
    await page.keyboard.press('Control+a');
    await page.keyboard.type('$lowercase(BillingEmail)');
    await expect
      .poll(() => page.getByTestId('preview-value-BillToContactEmail').textContent())
      .toBe('mia.okafor@example.net');
    await expectSaved(session, {
      target: 'BillToContactEmail',
      source: { expression: '$lowercase(BillingEmail)' },
    });

    // A value too long for Sage is marked with the reason, on the sample that has it.
    await showField(page, 'target', 'ShipToName');
    await showField(page, 'source', 'ShipmentCompany');
    await page
      .getByTestId('source-field-ShipmentList[].ShipmentCompany')
      .dragTo(page.getByTestId('target-field-ShipToName'));
    await page.getByTestId('sample-select').selectOption({ label: 'orders #2' });
    await expect
      .poll(() => page.getByTestId('preview-mark-ShipToName').textContent())
      .toContain(`ShipToName is ${LONG_COMPANY.length} characters; Sage 300 allows 60`);

    // Import a lookup CSV into a new table and see its rows in the grid.
    await page.getByTestId('mapping-tab-lookups').click();
    await page.getByLabel('New table name').fill('sku-to-sage-item');
    await page.getByRole('button', { name: 'New', exact: true }).click();
    await page.getByTestId('lookup-import').setInputFiles({
      name: 'skus.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('key,value,match\nOF-1003,A1-103/0,exact\nOF-*,A1-100/0,pattern\n'),
    });
    await expect.poll(() => page.getByTestId('lookup-row').count()).toBe(2);
    expect(await page.getByLabel('Value 1').inputValue()).toBe('A1-103/0');

    // A list dropped on a list maps line by line; a line field then goes through the lookup table,
    // and the SKU no row covers is offered as a new row.
    await showField(page, 'source', 'ItemID');
    await showField(page, 'target', 'OrderDetails');
    await page
      .getByTestId('source-field-OrderItemList')
      .dragTo(page.getByTestId('target-field-OrderDetails'));
    await showField(page, 'target', 'Item');
    await page
      .getByTestId('source-field-OrderItemList[].ItemID')
      .dragTo(page.getByTestId('target-field-OrderDetails[].Item'));
    await page.getByTestId('sample-select').selectOption({ label: 'orders #1' });
    await expect
      .poll(() => page.getByTestId('preview-value-OrderDetails[].Item').textContent())
      .toBe('OF-1003');
    await page.getByTestId('mapping-tab-field').click();
    await page.getByTestId('mapping-kind').selectOption('lookup');
    await page.getByLabel('Lookup table').fill('sku-to-sage-item');
    await expect
      .poll(() => page.getByTestId('preview-value-OrderDetails[].Item').textContent())
      .toBe('A1-103/0');
    await expectSaved(session, {
      target: 'OrderDetails',
      forEach: { path: 'OrderItemList' },
      fields: [{ target: 'Item', source: { lookup: 'sku-to-sage-item', key: { path: 'ItemID' } } }],
    });
    await page.getByTestId('mapping-tab-lookups').click();
    await expect.poll(() => page.getByTestId('unmapped-sku-to-sage-item').textContent()).toContain('ZZ-9999');

    // Accept a suggestion: the pair is mapped and previewed.
    await page.getByTestId('mapping-tab-suggestions').click();
    await page.getByTestId('accept-BillToCity').click();
    await showField(page, 'target', 'BillToCity');
    await page.getByTestId('sample-select').selectOption({ label: 'orders #1' });
    await expect.poll(() => page.getByTestId('preview-value-BillToCity').textContent()).toBe('Austin');
    await expectSaved(session, {
      target: 'BillToCity',
      source: { path: 'BillingCity' },
    });

    // Accept every suggestion at or above the threshold (0.80): name matches such as the bill-to
    // address are mapped in one step, and a low-confidence guess is left for the user.
    await page.getByTestId('accept-all-above').click();
    await expectSaved(session, { target: 'BillToAddressLine1', source: { path: 'BillingAddress' } });
    expect(await fieldsOnDisk(session.workspace)).not.toContainEqual(
      expect.objectContaining({ target: 'ShipToLocationCode' }),
    );

    // "Why is this value here": the source field and its value on this sample.
    await page.getByTestId('preview-value-BillToCity').click();
    await expect.poll(() => page.getByTestId('why-panel').textContent()).toContain('BillingCity = "Austin"');

    // Delete removes the selected field's mapping; Ctrl+Z brings it back.
    await page.getByTestId('target-field-BillToCity').locator('.mapping-row-name').click();
    await page.keyboard.press('Delete');
    await expect.poll(() => page.getByTestId('preview-value-BillToCity').count()).toBe(0);
    await page.keyboard.press('Control+z');
    await expect.poll(() => page.getByTestId('preview-value-BillToCity').textContent()).toBe('Austin');

    await showField(page, 'target', '');
    await showField(page, 'source', '');
    await session.screenshot('mapping-editor');
    // Still usable on a small screen.
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.getByTestId('mapping-tab-field').click();
    await page.getByTestId('target-field-ShipToName').locator('.mapping-row-name').click();
    await session.screenshot('mapping-editor-1280');
  });
});
