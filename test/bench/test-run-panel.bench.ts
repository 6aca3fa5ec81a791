import { copyFile, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { openDesigner } from '../e2e/designer-harness.ts';

// How fast the test-run panel shows a 60-line order's full trace (issue 8: under 300 ms): in
// Chromium, from clicking the run in the panel to every node's badge and the selected node's detail
// drawn (the trace fetched from the host included), and from opening the order's input to its sixty
// lines listed in the JSON tree. Run with `node test/bench/test-run-panel.bench.ts`.

const root = resolve(import.meta.dirname, '../..');
const TARGET_MS = 300;

/** Median milliseconds of the two steps over `rounds` rounds. */
export interface TestRunPanelFigures {
  showRunMs: number;
  expandLinesMs: number;
  rounds: number;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((left, right) => left - right);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

/**
 * Clicks `click` (a CSS selector) in the page and answers the time until the expression `done`
 * holds, checked every frame. Written as page source: this file is type-checked without the DOM.
 */
async function timeInPage(page: Page, click: string, done: string): Promise<number> {
  const script = `(async () => {
    const target = document.querySelector(${JSON.stringify(click)});
    if (!target) throw new Error('nothing matches ' + ${JSON.stringify(click)});
    const started = performance.now();
    target.click();
    for (;;) {
      await new Promise((next) => requestAnimationFrame(next));
      if (${done}) return performance.now() - started;
      if (performance.now() - started > 10000) throw new Error('not done: ' + ${JSON.stringify(done)});
    }
  })()`;
  const elapsed: unknown = await page.evaluate(script);
  if (typeof elapsed !== 'number') throw new Error('the page answered no time');
  return elapsed;
}

export async function measureTestRunPanel(rounds = 5): Promise<TestRunPanelFigures> {
  const workspace = await mkdtemp(join(tmpdir(), 'bridgeflow-bench-test-runs-'));
  await copyFile(
    join(root, 'flows/templates/order-to-sage300/order-to-sage300.flow.json'),
    join(workspace, 'orders.flow.json'),
  );
  await mkdir(join(workspace, 'orders.samples'));
  for (const name of ['sixty-line-order', 'returning-customer']) {
    await copyFile(
      join(root, 'flows/samples', `${name}.json`),
      join(workspace, 'orders.samples', `${name}.json`),
    );
  }
  const session = await openDesigner({ workspace });
  const { page } = session;
  try {
    await page.keyboard.press('Control+o');
    await page.locator('.file-item', { hasText: 'orders.flow.json' }).first().click();
    await page.getByRole('tab', { name: 'Test runs' }).click();
    await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Shift+1');
    // Both samples in one set run, so both runs are listed in the panel.
    await page.getByRole('button', { name: 'Run set (2)' }).click();
    await page.getByRole('button', { name: 'Cancel' }).waitFor({ state: 'detached', timeout: 60_000 });
    await page.locator('.sample-runs button').nth(1).waitFor();
    await page.getByTestId('node-Order webhook').locator('.flow-node-name').click();
    const runButtons = page.locator('.sample-runs button');
    const showRun: number[] = [];
    const expandLines: number[] = [];
    for (let round = 0; round < rounds; round += 1) {
      // Show the other run first, so each round draws the sixty-line trace afresh.
      await page.locator('.sample-runs button', { hasText: 'returning-customer' }).click();
      await page.getByText('Input (1)').waitFor();
      await runButtons
        .filter({ hasText: 'sixty-line-order' })
        .evaluate((button) => button.setAttribute('id', 'bench-sixty'));
      showRun.push(
        await timeInPage(
          page,
          '#bench-sixty',
          `document.querySelectorAll('[data-testid=run-badge]').length === 12 && document.querySelector('#bench-sixty.selected') !== null && [...document.querySelectorAll('.node-detail header')].some((header) => header.textContent.includes('Order webhook'))`,
        ),
      );
      await page.getByRole('tab', { name: 'Input (1)' }).click();
      // The trigger's input is the sample: a list holding the order.
      const lines = page.locator('.node-detail .json-toggle', { hasText: 'OrderItemList' });
      for (let depth = 0; depth < 3 && (await lines.count()) === 0; depth += 1) {
        await page
          .locator('.node-detail .json-toggle', { hasText: /^▸ 0/ })
          .first()
          .click({ timeout: 5_000 });
      }
      // Closed again if an earlier round left it open, so the sixty lines are drawn in the measured click.
      if ((await lines.getAttribute('aria-expanded')) === 'true') await lines.click();
      await page
        .locator('.node-detail .json-toggle', { hasText: 'OrderItemList' })
        .evaluate((button) => button.setAttribute('id', 'bench-lines'));
      expandLines.push(
        await timeInPage(
          page,
          '#bench-lines',
          `document.querySelector('#bench-lines + .json-children')?.children.length === 60`,
        ),
      );
      await page.getByRole('tab', { name: /^Output/ }).click();
    }
    return { showRunMs: median(showRun), expandLinesMs: median(expandLines), rounds };
  } finally {
    await session.close();
    await rm(workspace, { recursive: true, force: true });
  }
}

/** Measures and prints the table (`npm run bench -- test-runs`). */
export async function reportTestRunPanel(): Promise<void> {
  const figures = await measureTestRunPanel();
  console.log(`Test-run panel in Chromium (1280×720), 60-line order, median of ${figures.rounds}\n`);
  console.table([
    {
      what: 'show the run: 12 node badges + node detail',
      ms: figures.showRunMs.toFixed(1),
      target: `< ${TARGET_MS}`,
      verdict: figures.showRunMs < TARGET_MS ? 'met' : 'MISSED',
    },
    {
      what: 'open the order lines in the JSON tree (60)',
      ms: figures.expandLinesMs.toFixed(1),
      target: `< ${TARGET_MS}`,
      verdict: figures.expandLinesMs < TARGET_MS ? 'met' : 'MISSED',
    },
  ]);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await reportTestRunPanel();
