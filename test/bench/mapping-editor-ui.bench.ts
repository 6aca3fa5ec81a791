import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import type { JsonValue } from '../../engine/contract/flow-document.ts';
import { openDesigner } from '../e2e/designer-harness.ts';

/** What the mapping editor benchmark measures in Chromium. */
export interface MappingEditorFigures {
  sourceFields: number;
  /** From "Open Mapping editor" to the first source row drawn. */
  openMs: number;
  /** Source rows in the DOM while the tree holds `sourceFields` (virtualisation at work). */
  rowsInDom: number;
  /** Frames per second, and the longest frame, while the source tree scrolls top to bottom in 2 s. */
  scrollFps: number;
  worstFrameMs: number;
  /** Edit → preview on screen for 20 samples, as the editor reports it after a drop. */
  previewAfterDropMs: number;
}

const FIELDS = 1_200;

function wideOrder(index: number): JsonValue {
  const order: { [key: string]: JsonValue } = {
    OrderID: 1000 + index,
    BillingEmail: `buyer${index}@example.com`,
  };
  for (let field = 0; field < FIELDS; field++) order[`CustomField${field}`] = `value ${index}-${field}`;
  order.OrderItemList = [{ ItemID: `SKU-${index}`, ItemQuantity: 1 }];
  return order;
}

// Runs in the page (the test project has no DOM types, so the script is text).
const SCROLL_SCRIPT = `new Promise((resolve) => {
  const tree = document.querySelector('[data-testid="source-tree"]');
  let frames = 0, worst = 0;
  const start = performance.now();
  let last = start;
  const tick = () => {
    const now = performance.now();
    worst = Math.max(worst, now - last);
    last = now;
    frames++;
    tree.scrollTop = (tree.scrollHeight - tree.clientHeight) * Math.min(1, (now - start) / 2000);
    if (now - start < 2000) requestAnimationFrame(tick);
    else resolve({ fps: frames / ((now - start) / 1000), worst, rows: document.querySelectorAll('[data-testid^="source-field-"]').length });
  };
  requestAnimationFrame(tick);
})`;

const ScrollResult = z.object({ fps: z.number(), worst: z.number(), rows: z.number() });

/** Opens the mapping editor on 20 samples of 1,200+ fields, scrolls the source tree, maps by drop. */
export async function measureMappingEditor(): Promise<MappingEditorFigures> {
  const workspace = await mkdtemp(join(tmpdir(), 'bridgeflow-bench-mapping-'));
  const flow = {
    schemaVersion: 1,
    id: 'wide',
    name: 'Wide orders',
    nodes: [
      {
        id: 't',
        type: 'core.manualTrigger',
        typeVersion: 1,
        name: 'Sample',
        position: { x: 0, y: 0 },
        parameters: {},
      },
      {
        id: 'm',
        type: 'core.mapping',
        typeVersion: 1,
        name: 'Map wide',
        position: { x: 300, y: 0 },
        parameters: { sourceSchema: 'threedcart.Order', targetSchema: 'sage300.OEOrder', fields: [] },
      },
    ],
    edges: [{ id: 'e', source: 't', sourceHandle: 'main', target: 'm', targetHandle: 'main' }],
  };
  await writeFile(join(workspace, 'wide.flow.json'), JSON.stringify(flow));
  await mkdir(join(workspace, 'wide.samples'));
  await writeFile(
    join(workspace, 'wide.samples', 'orders.json'),
    JSON.stringify(Array.from({ length: 20 }, (_, index) => wideOrder(index))),
  );
  const session = await openDesigner({ workspace, viewport: { width: 1600, height: 900 } });
  const { page } = session;
  try {
    await page.keyboard.press('Control+o');
    await page.getByRole('button', { name: 'wide.flow.json' }).first().click();
    await page.getByTestId('node-Map wide').click();
    const started = Date.now();
    await page.getByRole('button', { name: 'Open Mapping editor' }).click();
    await page.getByTestId('source-field-OrderID').waitFor();
    const openMs = Date.now() - started;
    const sourceFields = Number(
      (await page.getByLabel('Filter source fields').getAttribute('placeholder'))?.match(/\d+/)?.[0],
    );
    // Scroll once the editor is idle: the suggestions are the last thing it loads.
    await page.getByTestId('mapping-tab-suggestions').filter({ hasText: '(' }).waitFor();
    const scroll = ScrollResult.parse(await page.evaluate(SCROLL_SCRIPT));
    await page.getByLabel('Filter source fields').fill('BillingEmail');
    await page.getByLabel('Filter target fields').fill('BillToContactEmail');
    const before = await page.getByTestId('preview-time').textContent();
    await page
      .getByTestId('source-field-BillingEmail')
      .dragTo(page.getByTestId('target-field-BillToContactEmail'));
    await page.getByTestId('preview-value-BillToContactEmail').waitFor();
    const after = (await page.getByTestId('preview-time').textContent()) ?? before ?? '';
    return {
      sourceFields,
      openMs,
      rowsInDom: scroll.rows,
      scrollFps: scroll.fps,
      worstFrameMs: scroll.worst,
      previewAfterDropMs: Number(after.match(/\d+/)?.[0]),
    };
  } finally {
    await session.close();
    await rm(workspace, { recursive: true, force: true });
  }
}
