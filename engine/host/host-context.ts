import { fileURLToPath } from 'node:url';
import { createCoreRegistry } from '../nodes/core-node-types.ts';
import type { NodeRegistry } from '../nodes/registry.ts';

/** What every FlowApi handler may use. Areas add what they need here, not globals. */
export interface HostContext {
  /** Folder the designer opens and saves flows in. */
  readonly workspaceDir: string;
  /** Folder of the template gallery (`flows/templates` in this package). */
  readonly templatesDir: string;
  readonly registry: NodeRegistry;
}

/** Options of {@link createHostContext}. */
export interface HostContextOptions {
  workspaceDir: string;
  templatesDir?: string;
  registry?: NodeRegistry;
}

/** The package's own template folder, next to the engine. */
export const PACKAGED_TEMPLATES_DIR = fileURLToPath(new URL('../../flows/templates', import.meta.url));

export function createHostContext(options: HostContextOptions): HostContext {
  return {
    workspaceDir: options.workspaceDir,
    templatesDir: options.templatesDir ?? PACKAGED_TEMPLATES_DIR,
    registry: options.registry ?? createCoreRegistry(),
  };
}
