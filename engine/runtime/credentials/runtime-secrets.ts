import { access } from 'node:fs/promises';
import { join } from 'node:path';
import type { SecretStore } from '../../run/services.ts';
import { createEnvironmentSecretStore } from '../../run/system-services.ts';
import { type CredentialsVault, openCredentialsFile } from './credentials-file.ts';
import { CREDENTIALS_KEY_VARIABLE, keyError, readKeyMaterial } from './credentials-key.ts';

/** The credentials file's name in the runtime's data folder. */
export const CREDENTIALS_FILE_NAME = 'credentials.enc.json';

/** Where `bridgeflow credentials` and `bridgeflow serve` keep the file by default. */
export function defaultCredentialsPath(dataDir: string): string {
  return join(dataDir, CREDENTIALS_FILE_NAME);
}

/** The runtime's secrets and where they came from (for the start-up log; never the values). */
export interface RuntimeSecrets {
  store: SecretStore;
  /** The credentials file that was opened, or undefined when there is none. */
  file: string | undefined;
  /** Ids of the credentials in the file. */
  fileCredentialIds: string[];
}

/**
 * The runtime's secret store: the encrypted credentials file when it exists, with environment
 * variables on top. Per field, a variable wins over the file (so one value, a rotated password
 * say, can be overridden without rewriting the file), and a credential only the environment has
 * is used as it is. The file is opened and checked in full at start: a wrong key or an altered
 * file refuses the start instead of failing the first run hours later.
 */
export async function openRuntimeSecrets(
  path: string,
  environment: NodeJS.ProcessEnv,
): Promise<RuntimeSecrets> {
  const fromEnvironment = createEnvironmentSecretStore(environment);
  const hasKey = (environment[CREDENTIALS_KEY_VARIABLE]?.trim() ?? '') !== '';
  let vault: CredentialsVault | undefined;
  if (hasKey) {
    vault = await openCredentialsFile(path, readKeyMaterial(environment, `opening ${path}`));
  } else if (await exists(path)) {
    throw keyError(
      `${path} exists but ${CREDENTIALS_KEY_VARIABLE} is not set; set it to the key the file was sealed with`,
    );
  }
  if (vault === undefined) return { store: fromEnvironment, file: undefined, fileCredentialIds: [] };
  return {
    store: layered(vault, fromEnvironment),
    file: path,
    fileCredentialIds: [...vault.entries.keys()],
  };
}

function layered(vault: CredentialsVault, environment: SecretStore): SecretStore {
  return {
    async get(credentialId) {
      const stored = vault.entries.get(credentialId)?.fields;
      const overrides = await environment.get(credentialId);
      if (stored === undefined && overrides === undefined) return undefined;
      // A copy each time: a connector that changes what it got must not change the vault.
      return { ...stored, ...overrides };
    },
  };
}

function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}
