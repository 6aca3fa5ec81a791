import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCoreRegistry } from '../nodes/core-node-types.ts';
import type { NodeRegistry } from '../nodes/registry.ts';
import { readKeyMaterial } from '../runtime/credentials/credentials-key.ts';
import { openDatabase, type StoreDatabase } from '../store/database.ts';
import { type CredentialStore, createFileCredentialStore } from './credential-store.ts';
import { createWorkspaceLookups, type WorkspaceLookups } from './mapping-lookup-store.ts';

/** What every FlowApi handler may use. Areas add what they need here, not globals. */
export interface HostContext {
  /** Folder the designer opens and saves flows in. */
  readonly workspaceDir: string;
  /** Folder of the template gallery (`flows/templates` in this package). */
  readonly templatesDir: string;
  readonly registry: NodeRegistry;
  /**
   * The workspace's SQLite database (`<workspace>/.bridgeflow/bridgeflow.db`: lookup tables,
   * test-run history, ...), opened with every migration on first use.
   */
  database(): StoreDatabase;
  /** The workspace's lookup tables, shared by the mapping editor and test runs. */
  readonly lookups: WorkspaceLookups;
  /** The credentials node slots name, for the credential dialog and test runs. */
  readonly credentials: CredentialStore;
  /** Closes what the host opened (the database); the host is unusable afterwards. */
  dispose(): void;
  /** Registers something an area must close with the host (servers it started, open files). */
  onDispose(close: () => void | Promise<void>): void;
}

/** Options of {@link createHostContext}. */
export interface HostContextOptions {
  workspaceDir: string;
  templatesDir?: string;
  registry?: NodeRegistry;
  /** Database file; defaults to `<workspace>/.bridgeflow/bridgeflow.db` (`:memory:` for tests). */
  databasePath?: string;
  /**
   * Where credentials are kept. The desktop app passes one sealed by the OS key store; by default
   * `<workspace>/.bridgeflow/credentials.enc.json` sealed with BRIDGEFLOW_CREDENTIALS_KEY.
   */
  credentials?: CredentialStore;
}

/** The package's own template folder, next to the engine. */
export const PACKAGED_TEMPLATES_DIR = fileURLToPath(new URL('../../flows/templates', import.meta.url));

export function createHostContext(options: HostContextOptions): HostContext {
  let database: StoreDatabase | undefined;
  const closers: (() => void | Promise<void>)[] = [];
  const lookups = createWorkspaceLookups(options.workspaceDir);
  const databasePath = options.databasePath ?? join(options.workspaceDir, '.bridgeflow', 'bridgeflow.db');
  return {
    workspaceDir: options.workspaceDir,
    templatesDir: options.templatesDir ?? PACKAGED_TEMPLATES_DIR,
    registry: options.registry ?? createCoreRegistry(),
    lookups,
    credentials:
      options.credentials ??
      createFileCredentialStore({
        path: join(options.workspaceDir, '.bridgeflow', 'credentials.enc.json'),
        keyMaterial: () => readKeyMaterial(process.env, 'keeping credentials in the designer'),
      }),
    database: () => {
      if (database === undefined) {
        if (databasePath !== ':memory:') mkdirSync(join(databasePath, '..'), { recursive: true });
        database = openDatabase(databasePath);
      }
      return database;
    },
    dispose: () => {
      // Areas close first (a test run may still write to the database while it stops).
      for (const close of closers.splice(0)) void close();
      lookups.close();
      database?.close();
      database = undefined;
    },
    onDispose: (close) => {
      closers.push(close);
    },
  };
}
