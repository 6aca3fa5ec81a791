import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DesignerSession, dragConnection, openDesigner } from './designer-harness.ts';

// Editing at speed: templates, multi-select, copy/paste into another flow, duplicate, delete,
// auto-layout, a refused connection with its reason, and the dark theme at 1280×720.
describe('designer editing in Chromium', () => {
  let session: DesignerSession;
  beforeAll(async () => {
    session = await openDesigner({ colorScheme: 'dark' });
    // Every "discard unsaved changes?" prompt in these tests is answered yes.
    session.page.on('dialog', (dialog) => void dialog.accept());
  }, 180_000);
  afterAll(async () => {
    await session?.close();
  });

  it('starts from a template, copies nodes into a new flow and lays it out', {
    timeout: 120_000,
  }, async () => {
    const { page } = session;
    await expect.poll(() => page.locator('html').getAttribute('data-theme')).toBe('dark');
    await page.keyboard.press('Control+Shift+t');
    await page.getByRole('button', { name: /3dcart order to Sage 300 sales order/ }).click();
    await expect.poll(() => page.locator('.flow-node').count()).toBeGreaterThan(3);
    const templateNodes = await page.locator('.flow-node').count();
    await expect.poll(() => page.locator('.react-flow__edge').count()).toBeGreaterThan(2);
    await session.screenshot('designer-template-dark');

    // Select everything, copy, start a new flow (discarding the unsaved template), paste.
    await page.locator('.react-flow__pane').click({ position: { x: 10, y: 10 } });
    await page.keyboard.press('Control+a');
    await page.keyboard.press('Control+c');
    await page.keyboard.press('Control+Alt+n');
    await expect.poll(() => page.locator('.flow-node').count()).toBe(0);
    await page.locator('.react-flow__pane').click({ position: { x: 10, y: 10 } });
    await page.keyboard.press('Control+v');
    await expect.poll(() => page.locator('.flow-node').count()).toBe(templateNodes);

    // Duplicate one node, then delete the copy; undo brings it back.
    await page.locator('.react-flow__pane').click({ position: { x: 10, y: 10 } });
    const first = page.locator('.flow-node').first();
    await first.click();
    await page.keyboard.press('Control+d');
    await expect.poll(() => page.locator('.flow-node').count()).toBe(templateNodes + 1);
    await page.keyboard.press('Delete');
    await expect.poll(() => page.locator('.flow-node').count()).toBe(templateNodes);
    await page.keyboard.press('Control+z');
    await expect.poll(() => page.locator('.flow-node').count()).toBe(templateNodes + 1);
    await page.keyboard.press('Control+z');
    await expect.poll(() => page.locator('.flow-node').count()).toBe(templateNodes);

    // Auto-layout puts every node on its own spot, left to right.
    await page.keyboard.press('Control+Shift+l');
    await page.getByRole('button', { name: 'Save as…' }).click();
    await page.getByLabel('File in the workspace').fill('copied');
    await page.getByRole('button', { name: 'Save', exact: true }).last().click();
    await expect.poll(() => page.getByTestId('status-file').textContent()).toBe('copied.flow.json');
    const saved = JSON.parse(await readFile(join(session.workspace, 'copied.flow.json'), 'utf8'));
    const spots = new Set(
      saved.nodes.map(
        (node: { position: { x: number; y: number } }) => `${node.position.x},${node.position.y}`,
      ),
    );
    expect(spots.size).toBe(templateNodes);
    const trigger = saved.nodes.find((node: { type: string }) => node.type === 'threedcart.orderWebhook');
    const xs = saved.nodes.map((node: { position: { x: number } }) => node.position.x);
    expect(trigger.position.x).toBe(Math.min(...xs));
    await session.screenshot('designer-layout-dark');
  });

  it('refuses a connection that would make a loop and says why', { timeout: 60_000 }, async () => {
    const { page } = session;
    await page.keyboard.press('Control+Alt+n');
    await expect.poll(() => page.locator('.flow-node').count()).toBe(0);
    await page.getByTestId('palette-core.transform').click();
    await page.getByTestId('palette-core.transform').click();
    await expect.poll(() => page.locator('.flow-node').count()).toBe(2);
    await page.keyboard.press('Shift+1');
    await connect(session, 0, 1);
    await expect.poll(() => page.locator('.react-flow__edge').count()).toBe(1);
    await connect(session, 1, 0);
    await expect.poll(() => page.getByTestId('notice').textContent()).toMatch(/would make a loop/);
    expect(await page.locator('.react-flow__edge').count()).toBe(1);
  });

  it('keeps JSON parameters as typed while they are written', { timeout: 60_000 }, async () => {
    const { page } = session;
    await page.keyboard.press('Control+Alt+n');
    await page.getByTestId('palette-core.httpRequest').click();
    await page.locator('[data-field="body"] select').selectOption('json');
    const json = page.locator('textarea[id="field-body.json"]');
    await json.fill('');
    await json.pressSequentially('{"a": 1, "b": [2]}');
    // Reformatting the text while it is typed would move the cursor and scramble the input.
    expect(await json.inputValue()).toBe('{"a": 1, "b": [2]}');
    await page.keyboard.press('Control+s');
    await page.getByLabel('File in the workspace').fill('json-body');
    await page.getByRole('button', { name: 'Save', exact: true }).last().click();
    await expect.poll(() => page.getByTestId('status-file').textContent()).toBe('json-body.flow.json');
    const saved = JSON.parse(await readFile(join(session.workspace, 'json-body.flow.json'), 'utf8'));
    expect(saved.nodes[0].parameters.body).toEqual({ mode: 'json', json: { a: 1, b: [2] } });
  });
});

async function connect(session: DesignerSession, from: number, to: number): Promise<void> {
  const nodes = session.page.locator('.flow-node');
  await dragConnection(
    session.page,
    nodes.nth(from).locator('.react-flow__handle.source').first(),
    nodes.nth(to).locator('.react-flow__handle.target').first(),
  );
}
