import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { LookupTableRepository } from '../mapping/lookups/lookup-table-repository.ts';
import { openDatabase } from '../store/database.ts';

/**
 * Where the designer keeps a workspace's lookup tables: `<workspace>/.bridgeflow/lookups.db`.
 * The mapping editor writes them here and test runs read them from here (run-host-state.ts), so
 * a preview and a test run resolve the same rows.
 */
export function workspaceLookupPath(workspaceDir: string): string {
  return join(workspaceDir, '.bridgeflow', 'lookups.db');
}

/**
 * The workspace's lookup tables, opened on first use: a designer session that never touches a
 * mapping never creates the database. Returns the repository and a close function for the host.
 */
export function lazyLookupRepository(workspaceDir: string): { get(): LookupTableRepository; close(): void } {
  let opened: { repository: LookupTableRepository; close: () => void } | undefined;
  return {
    get() {
      if (!opened) {
        mkdirSync(join(workspaceDir, '.bridgeflow'), { recursive: true });
        const database = openDatabase(workspaceLookupPath(workspaceDir));
        opened = { repository: new LookupTableRepository(database), close: () => database.close() };
      }
      return opened.repository;
    },
    close() {
      opened?.close();
      opened = undefined;
    },
  };
}
