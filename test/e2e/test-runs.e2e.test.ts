import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DesignerSession, openDesigner } from './designer-harness.ts';

// A consultant proves the order-to-Sage 300 template on sample orders: runs one in dry-run and in
// the sandbox, opens a node's output and an HTTP call, pins a node and re-runs, runs the whole set,
// diffs two runs, and finds the history again after restarting the designer.

const root = resolve(import.meta.dirname, '../..');
const SAMPLES = ['returning-customer', 'unknown-sku', 'sixty-line-order', 'status-7-not-completed'];

async function openOrdersFlow(page: Page): Promise<void> {
  await page.keyboard.press('Control+o');
  await page.locator('.file-item', { hasText: 'orders.flow.json' }).first().click();
  await expect.poll(() => page.locator('.flow-node').count()).toBe(12);
}

function badge(page: Page, nodeName: string) {
  return page.getByTestId(`node-${nodeName}`).getByTestId('run-badge');
}

/** Zooms the canvas to show all twelve nodes (the bottom panel took some of its height). */
async function fitCanvas(page: Page): Promise<void> {
  await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Shift+1');
}

async function selectNode(page: Page, nodeName: string): Promise<void> {
  await page.getByTestId(`node-${nodeName}`).locator('.flow-node-name').click();
}

async function waitForRunEnd(page: Page): Promise<void> {
  await expect.poll(() => page.getByRole('button', { name: 'Cancel' }).count(), { timeout: 60_000 }).toBe(0);
}

describe('test runs in the designer', () => {
  let session: DesignerSession;
  let workspace: string;

  beforeAll(async () => {
    workspace = await mkdtemp(join(tmpdir(), 'bridgeflow-e2e-test-runs-'));
    await copyFile(
      join(root, 'flows/templates/order-to-sage300/order-to-sage300.flow.json'),
      join(workspace, 'orders.flow.json'),
    );
    await mkdir(join(workspace, 'orders.samples'));
    for (const name of SAMPLES) {
      await copyFile(
        join(root, 'flows/samples', `${name}.json`),
        join(workspace, 'orders.samples', `${name}.json`),
      );
    }
    // Valid JSON, but not a 3dcart order: the sample editor must say so.
    await mkdir(join(workspace, 'samples'));
    await writeFile(join(workspace, 'samples', 'not-an-order.json'), '[{ "OrderID": "abc" }]\n');
    session = await openDesigner({ workspace });
  }, 180_000);
  afterAll(async () => {
    await session?.close();
    await rm(workspace, { recursive: true, force: true });
  });

  it('runs a sample in dry-run and shows node outputs and HTTP exchanges', { timeout: 120_000 }, async () => {
    const { page } = session;
    await openOrdersFlow(page);
    await page.getByRole('tab', { name: 'Test runs' }).click();
    await fitCanvas(page);
    await page.getByTestId('sample-returning-customer').click();
    await expect.poll(() => page.getByLabel('Environment').inputValue()).toBe('dry-run');
    await page.getByRole('button', { name: 'Run sample', exact: true }).click();
    await waitForRunEnd(page);
    await expect.poll(() => badge(page, 'Create sales order').textContent()).toMatch(/^ok 1→1/);
    await expect.poll(() => badge(page, 'Order webhook').textContent()).toMatch(/^pinned/);

    // The mapped Sage order, as a tree and as raw JSON.
    await selectNode(page, 'Map to Sage sales order');
    const detail = page.getByLabel('Run of Map to Sage sales order');
    await expect.poll(() => detail.getByRole('tab', { name: 'Output (1)' }).count()).toBe(1);
    await detail.locator('.json-toggle', { hasText: '0' }).first().click();
    await detail.locator('.json-toggle', { hasText: 'json' }).first().click();
    await expect.poll(() => detail.textContent()).toContain('"3DC-20012"');

    // The intercepted POST of the order, with what would have been sent.
    await selectNode(page, 'Create sales order');
    const create = page.getByLabel('Run of Create sales order');
    await create.getByRole('tab', { name: 'HTTP (1)' }).click();
    await create.locator('.http-line').first().click();
    const exchange = create.getByLabel('HTTP exchange');
    await expect.poll(() => create.locator('.http-line').first().textContent()).toContain('intercepted');
    await exchange.locator('.json-toggle', { hasText: 'headers' }).first().click();
    await expect.poll(() => exchange.textContent()).toContain('Basic ***');
    await session.screenshot('test-runs-dry-run');
  });

  it('runs the same sample against the sandbox', { timeout: 120_000 }, async () => {
    const { page } = session;
    await page.getByLabel('Environment').selectOption('sandbox');
    await page.getByRole('button', { name: 'Run sample', exact: true }).click();
    await waitForRunEnd(page);
    await selectNode(page, 'Create sales order');
    const create = page.getByLabel('Run of Create sales order');
    await create.getByRole('tab', { name: 'HTTP (1)' }).click();
    await expect.poll(() => create.locator('.http-line').first().textContent()).toMatch(/POST.*201/);
    await page.getByLabel('Environment').selectOption('dry-run');
  });

  it('pins a node and re-runs with the pinned output, then runs from a node', {
    timeout: 120_000,
  }, async () => {
    const { page } = session;
    await selectNode(page, 'Map to Sage sales order');
    await page.getByRole('button', { name: 'Pin output' }).click();
    await expect
      .poll(() => page.getByTestId('node-Map to Sage sales order').getByTestId('pin-badge').count())
      .toBe(1);
    await page.getByRole('button', { name: 'Re-run sample' }).click();
    await waitForRunEnd(page);
    await expect.poll(() => badge(page, 'Map to Sage sales order').textContent()).toMatch(/^pinned/);
    await expect.poll(() => badge(page, 'Create sales order').textContent()).toMatch(/^ok 1→1/);
    await page.getByRole('button', { name: 'Unpin output' }).click();

    await selectNode(page, 'Create sales order');
    await page.getByRole('button', { name: 'Run from here' }).click();
    await waitForRunEnd(page);
    await expect.poll(() => badge(page, 'Already in Sage?').textContent()).toMatch(/^pinned/);
    await expect.poll(() => badge(page, 'Create sales order').textContent()).toMatch(/^ok 1→1/);
  });

  it('runs the sample set and shows the per-node summary', { timeout: 120_000 }, async () => {
    const { page } = session;
    await page.getByRole('button', { name: `Run set (${SAMPLES.length})` }).click();
    await waitForRunEnd(page);
    await expect.poll(() => page.getByTestId('run-progress').textContent()).toContain('4/4 in dry-run');
    const row = page.getByLabel('Per-node summary').locator('tr', { hasText: 'Map to Sage sales order' });
    // ok, exception, error, skipped: the sixty lines mapped, the unknown SKU to the exception port, and
    // two not reaching the mapping: status 7 is filtered, and the returning customer's order is already
    // in Sage since the sandbox run above (the dry run reads the same sandbox): it ends at "Already in Sage?".
    await expect
      .poll(async () => (await row.locator('td').allTextContents()).slice(1, 5))
      .toEqual(['1', '1', '0', '2']);
    await session.screenshot('test-runs-sample-set');
  });

  it('diffs two runs side by side', { timeout: 120_000 }, async () => {
    const { page } = session;
    await page.getByRole('tab', { name: 'Run history' }).click();
    const rows = page.getByLabel('Run history').locator('tr');
    await expect.poll(() => rows.count()).toBeGreaterThanOrEqual(8);
    // The newest runs: status 7 (filtered) and the sixty-line order differ in nearly every node.
    await rows.nth(0).getByRole('checkbox').check();
    await rows.nth(1).getByRole('checkbox').check();
    await page.getByRole('button', { name: 'Diff the two chosen runs' }).click();
    const diff = page.getByLabel('Run diff');
    await expect.poll(() => diff.textContent()).toContain('node(s) differ');
    await expect.poll(() => diff.locator('.diff-table tr').count()).toBeGreaterThan(2);
    await session.screenshot('test-runs-diff');
  });

  it('captures an order from the sandbox as an anonymised sample and checks samples against the order schema', {
    timeout: 120_000,
  }, async () => {
    const { page } = session;
    await page.getByRole('tab', { name: 'Test runs' }).click();
    await page.getByLabel('Order ids to capture').fill('20001');
    await page.getByRole('button', { name: 'Capture' }).click();
    await expect.poll(() => page.getByTestId('sample-order 20001').count()).toBe(1);
    const editor = page.getByTestId('code-editor-Sample JSON');
    await expect.poll(() => editor.textContent()).toMatch(/"OrderID":\s20001/);
    // Saved beside the flow, with the shopper replaced by fakes.
    const [order] = JSON.parse(await readFile(join(workspace, 'orders.samples', 'order 20001.json'), 'utf8'));
    expect(order.BillingEmail).toMatch(/^shopper\d+@example\.com$/);
    expect(order.BillingAddress).toMatch(/Sample Street$/);
    // The captured order meets the 3dcart order schema; a sample with a text OrderID and no lines does not.
    await expect.poll(() => page.getByLabel('Sample problems').count()).toBe(0);
    await page.getByTestId('sample-not-an-order').click();
    const problems = page.getByLabel('Sample problems');
    await expect.poll(() => problems.textContent()).toContain('[0].OrderID');
    await expect.poll(() => problems.textContent()).toContain('[0].OrderItemList');
    await session.screenshot('test-runs-capture');
  });

  it('keeps the run history across a restart', { timeout: 180_000 }, async () => {
    await session.close();
    session = await openDesigner({ workspace });
    const { page } = session;
    await openOrdersFlow(page);
    await page.getByRole('tab', { name: 'Run history' }).click();
    await expect.poll(() => page.getByLabel('Run history').locator('tr').count()).toBeGreaterThanOrEqual(8);
  });
});
