import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium, type Locator, type Page } from 'playwright-core';
import { createFlowHost, type FlowHost } from '../../engine/host/flow-host.ts';
import type { HostContextOptions } from '../../engine/host/host-context.ts';
import { startWebHost, type WebHost } from '../../engine/host/web-host.ts';
import { ensureRendererBuilt } from './renderer-build.ts';

/** Where e2e screenshots are written (kept by CI as test artifacts; ignored by git). */
export const ARTIFACTS_DIR = fileURLToPath(new URL('../../test-results/e2e', import.meta.url));

/** Debian's Chromium with the flags this machine needs; never a downloaded browser. */
export const CHROMIUM_OPTIONS = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
};

/** A designer served by the real web host on a temporary workspace, opened in Chromium. */
export interface DesignerSession {
  page: Page;
  browser: Browser;
  host: FlowHost;
  web: WebHost;
  workspace: string;
  /** Saves a screenshot under test-results/e2e/<name>.png and answers its path. */
  screenshot(name: string): Promise<string>;
  close(): Promise<void>;
}

/** Options of {@link openDesigner}. */
export interface OpenDesignerOptions {
  viewport?: { width: number; height: number };
  /** Use an existing folder as the workspace (kept on close). */
  workspace?: string;
  colorScheme?: 'light' | 'dark';
  /** More options of the host (a credential store, ...); the workspace is set by the harness. */
  hostOptions?: Omit<HostContextOptions, 'workspaceDir'>;
}

/** Builds the renderer if needed, starts the web host and opens the designer in Chromium. */
export async function openDesigner(options: OpenDesignerOptions = {}): Promise<DesignerSession> {
  await ensureRendererBuilt();
  const ownWorkspace = options.workspace === undefined;
  const workspace = options.workspace ?? (await mkdtemp(join(tmpdir(), 'bridgeflow-e2e-')));
  const host = createFlowHost({ ...options.hostOptions, workspaceDir: workspace });
  const web = await startWebHost({ host });
  const browser = await chromium.launch(CHROMIUM_OPTIONS);
  const context = await browser.newContext({
    viewport: options.viewport ?? { width: 1280, height: 720 },
    colorScheme: options.colorScheme ?? 'light',
  });
  const page = await context.newPage();
  const failures: string[] = [];
  page.on('pageerror', (error) => failures.push(error.message));
  await page.goto(web.url);
  await page.getByTestId('palette-core.manualTrigger').waitFor();
  return {
    page,
    browser,
    host,
    web,
    workspace,
    screenshot: async (name) => {
      await mkdir(ARTIFACTS_DIR, { recursive: true });
      const path = join(ARTIFACTS_DIR, `${name}.png`);
      await page.screenshot({ path });
      return path;
    },
    close: async () => {
      await browser.close();
      await web.close();
      if (ownWorkspace) await rm(workspace, { recursive: true, force: true });
      if (failures.length > 0) throw new Error(`The page threw: ${failures.join('; ')}`);
    },
  };
}

/** Drags a palette entry onto the canvas at a point relative to the canvas' top-left corner. */
export async function dragFromPalette(page: Page, type: string, at: { x: number; y: number }): Promise<void> {
  const canvas = await page.getByTestId('canvas').boundingBox();
  if (!canvas) throw new Error('The canvas is not visible');
  await page.getByTestId(`palette-${type}`).dragTo(page.getByTestId('canvas'), {
    targetPosition: { x: at.x, y: at.y },
  });
}

/**
 * Drags a connection from one port to another with the mouse, as a user does. Waits until both
 * ports stop moving first (zoom-to-fit animates the canvas).
 */
export async function dragConnection(page: Page, source: Locator, target: Locator): Promise<void> {
  const from = await settledBox(source);
  const to = await settledBox(target);
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 8 });
  await page.mouse.up();
}

async function settledBox(
  locator: Locator,
): Promise<{ x: number; y: number; width: number; height: number }> {
  let previous = await locator.boundingBox();
  for (let attempt = 0; attempt < 50; attempt += 1) {
    await new Promise((resolve) => setTimeout(resolve, 60));
    const current = await locator.boundingBox();
    if (previous && current && previous.x === current.x && previous.y === current.y) return current;
    previous = current;
  }
  throw new Error('The element kept moving or is not visible');
}
