import { describe, expect, it } from 'vitest';
import { createCredentialVault, type SafeStorageLike } from './credential-vault.ts';

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
