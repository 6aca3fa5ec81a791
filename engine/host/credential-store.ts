import { mkdir, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { toErrorData } from '../errors/bridgeflow-error.ts';
import type { SecretStore } from '../run/services.ts';
import {
  type CredentialEntry,
  type CredentialsVault,
  createCredentialsVault,
  openCredentialsFile,
  saveCredentialsFile,
} from '../runtime/credentials/credentials-file.ts';
import type { KeyMaterial } from '../runtime/credentials/credentials-key.ts';

/** Whether and where the designer can keep credentials. */
export interface CredentialStoreInfo {
  writable: boolean;
  /** Why not, and what to do about it. */
  reason?: string;
  location: string;
}

/** The designer's credentials: what node credential slots name by id. */
export interface CredentialStore {
  info(): CredentialStoreInfo;
  /** Every credential, by id. */
  list(): Promise<Map<string, CredentialEntry>>;
  get(id: string): Promise<CredentialEntry | undefined>;
  /** Adds or replaces `id`, on disk before it answers. */
  put(id: string, type: string, fields: Record<string, string>): Promise<CredentialEntry>;
  /** Whether there was such a credential. */
  remove(id: string): Promise<boolean>;
  /** The store as the engine's secret store (a copy of the fields per call). */
  readonly secrets: SecretStore;
}

/** Options of {@link createFileCredentialStore}. */
export interface FileCredentialStoreOptions {
  /** The credentials file, in the runtime's format (`serve` reads such a file from its data folder). */
  path: string;
  /**
   * The key that seals the file; throws (CREDENTIALS_KEY_INVALID, saying what to do) when there is
   * none. Asked when the file is first opened or created.
   */
  keyMaterial(): KeyMaterial;
}

/**
 * Credentials in an encrypted credentials file (engine/runtime/credentials): each entry sealed
 * with AES-256-GCM, the list authenticated, written with one rename. The web host's key comes from
 * BRIDGEFLOW_CREDENTIALS_KEY; the desktop app's is random, kept sealed by the OS key store.
 */
export function createFileCredentialStore(options: FileCredentialStoreOptions): CredentialStore {
  // The file as last read or written, and which version of it that was: `bridgeflow credentials
  // set` may change it while the designer runs, so each use looks whether it changed.
  let opened: { vault: Promise<CredentialsVault | undefined>; version: string } | undefined;
  // One change at a time: each writes the whole file.
  let writes: Promise<unknown> = Promise.resolve();

  const open = async (): Promise<CredentialsVault | undefined> => {
    const version = await fileVersion(options.path);
    if (opened?.version !== version) {
      const vault = openCredentialsFile(options.path, options.keyMaterial());
      opened = { vault, version };
      vault.catch(() => {
        if (opened?.vault === vault) opened = undefined;
      });
    }
    return opened.vault;
  };
  const keyProblem = (): string | undefined => {
    try {
      options.keyMaterial();
      return undefined;
    } catch (thrown) {
      return toErrorData(thrown).message;
    }
  };
  const change = <T>(apply: (vault: CredentialsVault) => T): Promise<T> => {
    const next = writes.then(async () => {
      const vault = (await open()) ?? createCredentialsVault(options.path, options.keyMaterial());
      try {
        const result = apply(vault);
        await mkdir(dirname(options.path), { recursive: true });
        await saveCredentialsFile(vault);
        opened = { vault: Promise.resolve(vault), version: await fileVersion(options.path) };
        return result;
      } catch (thrown) {
        // The change is in memory only: read the file again next time rather than show it.
        opened = undefined;
        throw thrown;
      }
    });
    writes = next.catch(() => undefined);
    return next;
  };
  /** The file's entries; none while there is no key (info() says why). */
  const entries = async (): Promise<ReadonlyMap<string, CredentialEntry>> =>
    keyProblem() === undefined ? ((await open())?.entries ?? new Map()) : new Map();
  const list = async (): Promise<Map<string, CredentialEntry>> => new Map(await entries());
  const get = async (id: string): Promise<CredentialEntry | undefined> => (await entries()).get(id);

  return {
    info() {
      const reason = keyProblem();
      return reason === undefined
        ? { writable: true, location: options.path }
        : { writable: false, reason, location: options.path };
    },
    list,
    get,
    put: (id, type, fields) =>
      change((vault) => {
        const entry: CredentialEntry = { type, fields: { ...fields }, updatedAt: new Date().toISOString() };
        vault.entries.set(id, entry);
        return entry;
      }),
    async remove(id) {
      if (!(await entries()).has(id)) return false;
      return change((vault) => vault.entries.delete(id));
    },
    secrets: {
      async get(id) {
        const entry = await get(id);
        return entry === undefined ? undefined : { ...entry.fields };
      },
    },
  };
}

/**
 * Which version of the file is on disk: it is replaced by a rename on every save (here or by the
 * CLI), so a new inode, size or modification time means someone saved it. "none" when missing.
 */
async function fileVersion(path: string): Promise<string> {
  try {
    const { ino, size, mtimeMs } = await stat(path);
    return `${ino}:${size}:${mtimeMs}`;
  } catch {
    return 'none';
  }
}
