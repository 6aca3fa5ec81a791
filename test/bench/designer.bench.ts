import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FlowDocument, FlowEdge, FlowNode, JsonValue } from '../../engine/contract/flow-document.ts';
import { formatFlow } from '../../engine/flow/flow-format.ts';
import { openDesigner } from '../e2e/designer-harness.ts';

/** What the designer benchmark measures in Chromium. */
export interface DesignerFigures {
  nodes: number;
  /** From clicking the file in the Open dialog to every node drawn, median of the runs. */
  firstRenderMs: number;
  /** Frames per second while the canvas is dragged (panned) for two seconds. */
  panFps: number;
}

/**
 * A flow of `count` nodes laid out on a grid: a trigger, then chains of transforms, filters and
 * HTTP requests joined in rows, as a large integration would be.
 */
export function generatedFlow(count: number): FlowDocument {
  const kinds: { type: string; parameters: Record<string, JsonValue> }[] = [
    { type: 'core.transform', parameters: { expression: '$' } },
    { type: 'core.filter', parameters: { condition: 'true' } },
    { type: 'core.httpRequest', parameters: { method: 'GET', url: 'https://example.test/x' } },
  ];
  const nodes: FlowNode[] = [
    {
      id: 'n0',
      name: 'Start',
      type: 'core.manualTrigger',
      typeVersion: 1,
      position: { x: 0, y: 0 },
      parameters: {},
    },
  ];
  const edges: FlowEdge[] = [];
  const perRow = 20;
  for (let index = 1; index < count; index += 1) {
    const kind = kinds[index % kinds.length] ?? kinds[0];
    if (!kind) break;
    nodes.push({
      id: `n${index}`,
      name: `Step ${index}`,
      type: kind.type,
      typeVersion: 1,
      position: { x: (index % perRow) * 260, y: Math.floor(index / perRow) * 140 },
      parameters: kind.parameters,
    });
    const source = index % perRow === 0 ? index - perRow : index - 1;
    edges.push({
      id: `e${index}`,
      source: `n${Math.max(0, source)}`,
      sourceHandle: 'main',
      target: `n${index}`,
      targetHandle: 'main',
    });
  }
  return {
    schemaVersion: 1,
    id: 'bench',
    name: `${count} nodes`,
    description: '',
    settings: { errorPolicy: 'stopRun', timezone: 'UTC' },
    nodes,
    edges,
  };
}

/** Opens a generated flow in the designer `runs` times and pans it; answers median figures. */
export async function measureDesigner(count = 300, runs = 3): Promise<DesignerFigures> {
  const workspace = await mkdtemp(join(tmpdir(), 'bridgeflow-bench-designer-'));
  await writeFile(join(workspace, 'big.flow.json'), formatFlow(generatedFlow(count)));
  const session = await openDesigner({ workspace, viewport: { width: 1280, height: 720 } });
  const { page } = session;
  try {
    const renders: number[] = [];
    for (let run = 0; run < runs; run += 1) {
      page.once('dialog', (dialog) => void dialog.accept());
      await page.keyboard.press('Control+Alt+n');
      await page.waitForFunction("document.querySelectorAll('.flow-node').length === 0");
      await page.keyboard.press('Control+o');
      const button = page.getByRole('button', { name: 'big.flow.json' }).first();
      await button.waitFor();
      // Runs in the page (no DOM types in this Node project, hence the source text).
      renders.push(await button.evaluate(FIRST_RENDER_IN_PAGE, count));
    }
    const panFps = await measurePan(page);
    return { nodes: count, firstRenderMs: median(renders), panFps };
  } finally {
    await session.close();
    await rm(workspace, { recursive: true, force: true });
  }
}

async function measurePan(page: Awaited<ReturnType<typeof openDesigner>>['page']): Promise<number> {
  const box = await page.getByTestId('canvas').boundingBox();
  if (!box) throw new Error('canvas not visible');
  const counting = page.evaluate<number>(FRAME_RATE_IN_PAGE);
  // Drag the empty pane back and forth for the whole measurement.
  const y = box.y + box.height - 20;
  await page.mouse.move(box.x + box.width / 2, y);
  await page.mouse.down();
  const started = Date.now();
  let direction = 1;
  while (Date.now() - started < 2_100) {
    for (let step = 0; step < 20; step += 1) {
      await page.mouse.move(box.x + box.width / 2 + direction * step * 10, y - step * 3);
    }
    direction = -direction;
  }
  await page.mouse.up();
  return counting;
}

/** Clicks the file button and resolves with the ms until every node is drawn (the frame after). */
const FIRST_RENDER_IN_PAGE = new Function(
  'element',
  'expected',
  `return new Promise((resolve) => {
    const start = performance.now();
    element.click();
    const check = () => {
      if (document.querySelectorAll('.flow-node').length >= expected) {
        requestAnimationFrame(() => resolve(performance.now() - start));
      } else requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  })`,
) as (element: unknown, expected: number) => Promise<number>;

/** Counts animation frames for two seconds; resolves with frames per second. */
const FRAME_RATE_IN_PAGE = `new Promise((resolve) => {
  let frames = 0;
  const start = performance.now();
  const tick = () => {
    frames += 1;
    if (performance.now() - start < 2000) requestAnimationFrame(tick);
    else resolve((frames * 1000) / (performance.now() - start));
  };
  requestAnimationFrame(tick);
})`;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(await measureDesigner());
}
