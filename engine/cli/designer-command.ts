import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { createFlowHost } from '../host/flow-host.ts';
import { BUILT_RENDERER_DIR, startWebHost } from '../host/web-host.ts';
import { type CliIo, EXIT } from './cli-io.ts';

/** Options of `bridgeflow designer`. */
export interface DesignerCommandOptions {
  workspace: string;
  port: number;
  /** Built renderer folder (tests); defaults to dist/renderer. */
  staticDir?: string;
}

/**
 * `bridgeflow designer`: serves the designer and the FlowApi on 127.0.0.1 for a browser, over a
 * workspace folder, until Ctrl+C. The same host the desktop app uses; nothing listens beyond
 * this machine.
 */
export async function designerCommand(
  options: DesignerCommandOptions,
  io: CliIo,
  signal: AbortSignal,
): Promise<number> {
  const staticDir = options.staticDir ?? BUILT_RENDERER_DIR;
  if (!existsSync(join(staticDir, 'index.html'))) {
    io.err(
      `error  The designer is not built (${staticDir} has no index.html): run \`npm run build:renderer\` first, or \`npm run web\`\n`,
    );
    return EXIT.invalid;
  }
  const workspace = resolve(options.workspace);
  await mkdir(workspace, { recursive: true });
  const host = createFlowHost({ workspaceDir: workspace });
  let web: Awaited<ReturnType<typeof startWebHost>>;
  try {
    web = await startWebHost({ host, port: options.port, staticDir });
  } catch (thrown) {
    host.context.dispose();
    const reason = thrown instanceof Error ? thrown.message : String(thrown);
    io.err(`error  The designer could not listen on port ${options.port}: ${reason} (try --port 0)\n`);
    return EXIT.invalid;
  }
  const credentials = host.context.credentials.info();
  const kept = credentials.writable
    ? `Credentials: ${credentials.location}`
    : `Credentials: not saved (${credentials.reason ?? 'no key'})`;
  io.out(`Bridgeflow designer: ${web.url}\nWorkspace: ${workspace}\n${kept}\nPress Ctrl+C to stop.\n`);
  await new Promise<void>((done) => {
    if (signal.aborted) done();
    signal.addEventListener('abort', () => done(), { once: true });
  });
  await web.close();
  host.context.dispose();
  return EXIT.ok;
}
