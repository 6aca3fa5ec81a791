import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { CachedLookupResolver } from '../mapping/lookups/lookup-resolver.ts';
import { LookupTableRepository } from '../mapping/lookups/lookup-table-repository.ts';
import { openDatabase } from '../store/database.ts';

/**
 * Where the designer keeps a workspace's lookup tables: `<workspace>/.bridgeflow/lookups.db`.
 * The mapping editor writes them here and test runs read them from here, so a preview and a test
 * run resolve the same rows.
 */
export function workspaceLookupPath(workspaceDir: string): string {
  return join(workspaceDir, '.bridgeflow', 'lookups.db');
}

/**
 * The workspace's lookup tables: one connection, one repository and one cached resolver per host,
 * shared by the mapping editor and test runs — so a table edited in the editor is what the next
 * test run resolves (the resolver's cache listens to this repository's changes).
 */
export interface WorkspaceLookups {
  /** The repository, creating the database on first use (the editor writes tables). */
  repository(): LookupTableRepository;
  /** The cached resolver, or undefined when the workspace has no lookup database yet (test runs only read). */
  existingResolver(): CachedLookupResolver | undefined;
  close(): void;
}

/** Opened on first use: a designer session that never touches a mapping never creates the database. */
export function createWorkspaceLookups(workspaceDir: string): WorkspaceLookups {
  let opened:
    | { repository: LookupTableRepository; resolver: CachedLookupResolver; close: () => void }
    | undefined;
  const open = () => {
    if (!opened) {
      mkdirSync(join(workspaceDir, '.bridgeflow'), { recursive: true });
      const database = openDatabase(workspaceLookupPath(workspaceDir));
      const repository = new LookupTableRepository(database);
      const resolver = new CachedLookupResolver(repository);
      opened = {
        repository,
        resolver,
        close: () => {
          resolver.close();
          database.close();
        },
      };
    }
    return opened;
  };
  return {
    repository: () => open().repository,
    existingResolver: () =>
      opened || existsSync(workspaceLookupPath(workspaceDir)) ? open().resolver : undefined,
    close() {
      opened?.close();
      opened = undefined;
    },
  };
}
