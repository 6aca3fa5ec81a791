import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { BridgeflowError } from '../engine/errors/bridgeflow-error.ts';
import type { KeyMaterial } from '../engine/runtime/credentials/credentials-key.ts';

/** The part of Electron's `safeStorage` the vault uses. */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
  /** Linux only; `basic_text` means "encrypted" with a key hard-coded in Chromium. */
  getSelectedStorageBackend?(): string;
}

/** Encrypts the designer's credentials with the OS key store (Keychain, DPAPI, libsecret/kwallet). */
export interface CredentialVault {
  /** Whether secrets can be stored here; when false, {@link CredentialVault.encrypt} throws why. */
  canStore(): boolean;
  /** Encrypts a secret for storage; the answer is base64 text. */
  encrypt(secret: string): string;
  /** Decrypts what {@link CredentialVault.encrypt} produced on this machine for this OS user. */
  decrypt(sealed: string): string;
}

const NO_KEY_STORE =
  'Credentials cannot be stored: the operating system offers no key store to encrypt them with ' +
  '(on Linux, start a Secret Service such as GNOME Keyring or KWallet and sign in to it). ' +
  'Nothing was saved; the credential is not written to disk unencrypted.';

/**
 * A vault over Electron's safeStorage. It refuses to store rather than fall back to plain text:
 * on Linux without a Secret Service Chromium reports the `basic_text` backend, whose key is the
 * same on every machine, so such "encryption" is refused like no encryption at all.
 * (Electron docs, safeStorage.getSelectedStorageBackend.)
 */
export function createCredentialVault(safeStorage: SafeStorageLike): CredentialVault {
  const canStore = () =>
    safeStorage.isEncryptionAvailable() && safeStorage.getSelectedStorageBackend?.() !== 'basic_text';
  return {
    canStore,
    encrypt(secret) {
      if (!canStore()) throw new BridgeflowError('CREDENTIALS_KEY_INVALID', NO_KEY_STORE);
      return safeStorage.encryptString(secret).toString('base64');
    },
    decrypt(sealed) {
      if (!safeStorage.isEncryptionAvailable()) {
        throw new BridgeflowError(
          'CREDENTIALS_KEY_INVALID',
          'Stored credentials cannot be read: the operating system key store is not available',
        );
      }
      try {
        return safeStorage.decryptString(Buffer.from(sealed, 'base64'));
      } catch (thrown) {
        throw new BridgeflowError(
          'CREDENTIALS_KEY_INVALID',
          'A stored credential cannot be decrypted (sealed by another OS user or machine); enter it again',
          { cause: thrown },
        );
      }
    },
  };
}

/**
 * The key of the desktop app's credentials file (engine/host/credential-store.ts): 32 random bytes
 * made on first use and kept in `keyFile` sealed by the OS key store, so the file of credentials is
 * only as readable as the key store makes it. Throws CREDENTIALS_KEY_INVALID, saying why, when the
 * key store cannot seal or open it.
 */
export function vaultKeyMaterial(vault: CredentialVault, keyFile: string): () => KeyMaterial {
  let bytes: Buffer | undefined;
  return () => {
    if (bytes !== undefined) return { kind: 'key', bytes };
    if (existsSync(keyFile)) {
      bytes = Buffer.from(vault.decrypt(readFileSync(keyFile, 'utf8').trim()), 'base64');
    } else {
      const made = randomBytes(32);
      mkdirSync(dirname(keyFile), { recursive: true });
      // encrypt() refuses (with the reason) before anything is written when there is no key store.
      writeFileSync(keyFile, `${vault.encrypt(made.toString('base64'))}\n`, { mode: 0o600, flag: 'wx' });
      bytes = made;
    }
    return { kind: 'key', bytes };
  };
}
