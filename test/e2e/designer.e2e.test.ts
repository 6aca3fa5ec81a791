import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DesignerSession, dragConnection, dragFromPalette, openDesigner } from './designer-harness.ts';

// What an analyst does on a first day: drag three nodes, connect them, fill parameters, watch a
// problem appear and go away, undo/redo, save, reload and find the same flow on disk.
describe('designer in Chromium', () => {
  let session: DesignerSession;
  beforeAll(async () => {
    session = await openDesigner();
  }, 180_000);
  afterAll(async () => {
    await session?.close();
  });

  it('builds, fixes, undoes, saves and reloads a flow', { timeout: 120_000 }, async () => {
    const { page } = session;
    await dragFromPalette(page, 'core.manualTrigger', { x: 80, y: 120 });
    await dragFromPalette(page, 'core.httpRequest', { x: 320, y: 120 });
    await dragFromPalette(page, 'core.filter', { x: 560, y: 120 });
    await expect.poll(() => page.locator('.flow-node').count()).toBe(3);

    // A new HTTP request node has no URL: the engine reports it, on the node and in the panel.
    const http = page.getByTestId('node-HTTP request');
    await expect.poll(() => page.locator('.problems li').count()).toBeGreaterThan(0);
    await expect.poll(() => http.locator('.badge-error').count()).toBe(1);

    await connectPorts(session, 'Manual / sample trigger', 'HTTP request');
    await connectPorts(session, 'HTTP request', 'Filter');
    await expect.poll(() => page.locator('.react-flow__edge').count()).toBe(2);

    // Clicking the problem selects the node and shows the field with its reason.
    await page.locator('.problems li', { hasText: 'HTTP request' }).first().locator('button').click();
    await expect.poll(() => page.getByLabel('Node name').inputValue()).toBe('HTTP request');
    const urlField = page.locator('[data-field="url"]');
    await expect.poll(() => urlField.locator('.field-problem').count()).toBe(1);
    await urlField.locator('.monaco-editor').click();
    await page.keyboard.type('https://example.test/orders');
    await expect.poll(() => http.locator('.badge-error').count()).toBe(0);
    await expect.poll(() => urlField.locator('.field-problem').count()).toBe(0);

    // Undo brings the problem back; redo removes it again.
    await page.locator('.react-flow__pane').click({ position: { x: 300, y: 30 } });
    await page.keyboard.press('Control+z');
    await expect.poll(() => http.locator('.badge-error').count()).toBe(1);
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(() => http.locator('.badge-error').count()).toBe(0);
    await session.screenshot('designer-three-nodes');

    // Save (the flow has no file yet, so Save asks for a name), then reload the page.
    await page.keyboard.press('Control+s');
    await page.getByLabel('File in the workspace').fill('orders/first.flow.json');
    await page.getByRole('button', { name: 'Save', exact: true }).last().click();
    await expect.poll(() => page.getByTestId('status-file').textContent()).toBe('orders/first.flow.json');
    const onDisk = JSON.parse(await readFile(join(session.workspace, 'orders/first.flow.json'), 'utf8'));
    expect(onDisk.nodes.map((node: { type: string }) => node.type)).toEqual([
      'core.manualTrigger',
      'core.httpRequest',
      'core.filter',
    ]);
    expect(onDisk.edges).toHaveLength(2);
    expect(onDisk.nodes[1].parameters.url).toBe('https://example.test/orders');

    // After a reload the designer reopens the flow last worked on.
    await page.reload();
    await expect.poll(() => page.locator('.flow-node').count()).toBe(3);
    await expect.poll(() => page.locator('.react-flow__edge').count()).toBe(2);
    await expect.poll(() => page.getByTestId('status-file').textContent()).toBe('orders/first.flow.json');
    await session.screenshot('designer-reloaded');

    // New, then Open (Ctrl+O) lists the workspace's flows, recent first.
    await page.keyboard.press('Control+Alt+n');
    await expect.poll(() => page.locator('.flow-node').count()).toBe(0);
    await page.keyboard.press('Control+o');
    await page.getByRole('button', { name: 'orders/first.flow.json' }).first().click();
    await expect.poll(() => page.locator('.flow-node').count()).toBe(3);
  });
});

async function connectPorts(session: DesignerSession, from: string, to: string): Promise<void> {
  const { page } = session;
  await dragConnection(
    page,
    page.getByTestId(`node-${from}`).locator('.react-flow__handle.source').first(),
    page.getByTestId(`node-${to}`).locator('.react-flow__handle.target').first(),
  );
}
