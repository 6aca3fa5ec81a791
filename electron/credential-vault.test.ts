import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createFileCredentialStore } from '../engine/host/credential-store.ts';
import { createCredentialVault, type SafeStorageLike, vaultKeyMaterial } from './credential-vault.ts';

/** A stand-in for safeStorage: reversible, but the stored bytes never contain the secret. */
function fakeSafeStorage(options: { available: boolean; backend?: string }): SafeStorageLike {
  const flip = (bytes: Buffer) => Buffer.from(bytes.map((byte) => byte ^ 0x5a));
  return {
    isEncryptionAvailable: () => options.available,
    encryptString: (text) => flip(Buffer.from(`sealed:${text}`)),
    decryptString: (bytes) => {
      const text = flip(bytes).toString();
      if (!text.startsWith('sealed:')) throw new Error('Error while decrypting the ciphertext provided');
      return text.slice('sealed:'.length);
    },
    ...(options.backend ? { getSelectedStorageBackend: () => options.backend ?? 'unknown' } : {}),
  };
}

describe('credential vault (safeStorage)', () => {
  it('round-trips a secret, storing only the encrypted form', () => {
    const vault = createCredentialVault(fakeSafeStorage({ available: true }));
    expect(vault.canStore()).toBe(true);
    const sealed = vault.encrypt('PrivateKey-123');
    expect(sealed).not.toContain('PrivateKey-123');
    expect(Buffer.from(sealed, 'base64').toString()).not.toContain('PrivateKey-123');
    expect(vault.decrypt(sealed)).toBe('PrivateKey-123');
  });

  it('refuses to store when the OS offers no encryption, saying why', () => {
    const vault = createCredentialVault(fakeSafeStorage({ available: false }));
    expect(vault.canStore()).toBe(false);
    expect(() => vault.encrypt('secret')).toThrow(/Credentials cannot be stored.*no key store/);
  });

  it("refuses Linux's basic_text backend (a key hard-coded in Chromium is no protection)", () => {
    const vault = createCredentialVault(fakeSafeStorage({ available: true, backend: 'basic_text' }));
    expect(vault.canStore()).toBe(false);
    expect(() => vault.encrypt('secret')).toThrow(/Credentials cannot be stored/);
    const keyring = createCredentialVault(fakeSafeStorage({ available: true, backend: 'gnome_libsecret' }));
    expect(keyring.decrypt(keyring.encrypt('secret'))).toBe('secret');
  });

  it('says so when a stored value cannot be decrypted here', () => {
    const vault = createCredentialVault(fakeSafeStorage({ available: true }));
    expect(() => vault.decrypt(Buffer.from('not ours').toString('base64'))).toThrow(/cannot be decrypted/);
  });
});

describe('the desktop credentials file key (sealed by safeStorage)', () => {
  it('makes a random key once, keeps it sealed, and opens the same credentials after a restart', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'bridgeflow-vault-'));
    try {
      const keyFile = join(folder, 'credentials.key');
      const path = join(folder, 'credentials.enc.json');
      const storage = fakeSafeStorage({ available: true });
      const first = createFileCredentialStore({
        path,
        keyMaterial: vaultKeyMaterial(createCredentialVault(storage), keyFile),
      });
      await first.put('sage-erp', 'sage300', { password: 'Pa55word' });
      const sealedKey = await readFile(keyFile, 'utf8');
      const material = vaultKeyMaterial(createCredentialVault(storage), keyFile)();
      expect(material.kind).toBe('key');
      if (material.kind === 'key') {
        expect(material.bytes).toHaveLength(32);
        expect(sealedKey).not.toContain(material.bytes.toString('base64'));
      }
      expect(await readFile(path, 'utf8')).not.toContain('Pa55word');
      // A restart: new vault, new store, the same files.
      const second = createFileCredentialStore({
        path,
        keyMaterial: vaultKeyMaterial(createCredentialVault(storage), keyFile),
      });
      expect((await second.get('sage-erp'))?.fields).toEqual({ password: 'Pa55word' });
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });

  it('says why nothing can be saved when the OS has no key store, and writes no key', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'bridgeflow-vault-'));
    try {
      const store = createFileCredentialStore({
        path: join(folder, 'credentials.enc.json'),
        keyMaterial: vaultKeyMaterial(
          createCredentialVault(fakeSafeStorage({ available: false })),
          join(folder, 'credentials.key'),
        ),
      });
      expect(store.info()).toMatchObject({ writable: false, reason: expect.stringMatching(/no key store/) });
      await expect(store.put('x', 'sage300', {})).rejects.toThrow(/Credentials cannot be stored/);
      await expect(readFile(join(folder, 'credentials.key'))).rejects.toThrow(/ENOENT/);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
});
