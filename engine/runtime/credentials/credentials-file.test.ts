import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { toErrorData } from '../../errors/bridgeflow-error.ts';
import { createCredentialsVault, openCredentialsFile, saveCredentialsFile } from './credentials-file.ts';
import { type KeyMaterial, readKeyMaterial } from './credentials-key.ts';
import { openRuntimeSecrets } from './runtime-secrets.ts';

const KEY = randomBytes(32).toString('base64');
const material = (value: string): KeyMaterial =>
  readKeyMaterial({ BRIDGEFLOW_CREDENTIALS_KEY: value }, 'the test');
const SAGE = { baseUrl: 'http://127.0.0.1:1/Sage300WebApi', company: 'SAMINC', password: 'S3cret!pw' };

let folder: string;
let path: string;
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'bridgeflow-credentials-'));
  path = join(folder, 'credentials.enc.json');
});
afterEach(() => rm(folder, { recursive: true, force: true }));

async function writeVault(key: string): Promise<void> {
  const vault = createCredentialsVault(path, material(key));
  vault.entries.set('sage300-erp', { type: 'sage300', fields: SAGE, updatedAt: '2026-11-22T10:00:00.000Z' });
  vault.entries.set('store', {
    type: 'threedcart',
    fields: { token: 't0ken' },
    updatedAt: '2026-11-22T10:00:00.000Z',
  });
  await saveCredentialsFile(vault);
}

async function refusal(key: string): Promise<{ code: string; message: string }> {
  try {
    await openCredentialsFile(path, material(key));
  } catch (thrown) {
    const { code, message } = toErrorData(thrown);
    return { code, message };
  }
  throw new Error('the file was opened');
}

type FileJson = { entries: { id: string; type: string; iv: string; data: string }[] };
async function alter(change: (file: FileJson) => void): Promise<void> {
  const file = JSON.parse(await readFile(path, 'utf8')) as FileJson;
  change(file);
  await writeFile(path, JSON.stringify(file));
}

describe('encrypted credentials file', () => {
  it.each([
    ['a base64 key', KEY],
    ['a hex key', randomBytes(32).toString('hex')],
    ['a passphrase', 'correct horse battery staple'],
  ])(
    'round-trips with %s, with no value in the file as plain text and owner-only permissions',
    async (_name, key) => {
      await writeVault(key);
      const text = await readFile(path, 'utf8');
      expect(text).not.toContain('S3cret!pw');
      expect(text).not.toContain('SAMINC');
      expect(text).toContain('"sage300-erp"');
      expect((await stat(path)).mode & 0o777).toBe(0o600);
      const vault = await openCredentialsFile(path, material(key));
      expect(vault?.entries.get('sage300-erp')).toEqual({
        type: 'sage300',
        fields: SAGE,
        updatedAt: '2026-11-22T10:00:00.000Z',
      });
      expect([...(vault?.entries.keys() ?? [])]).toEqual(['sage300-erp', 'store']);
    },
  );

  it('uses a fresh IV for every entry on every save', async () => {
    await writeVault(KEY);
    const first = JSON.parse(await readFile(path, 'utf8')) as FileJson;
    await writeVault(KEY);
    const second = JSON.parse(await readFile(path, 'utf8')) as FileJson;
    const ivs = [...first.entries, ...second.entries].map((entry) => entry.iv);
    expect(new Set(ivs).size).toBe(4);
  });

  it('refuses a wrong key, naming the key as the problem', async () => {
    await writeVault(KEY);
    expect(await refusal(randomBytes(32).toString('base64'))).toEqual({
      code: 'CREDENTIALS_KEY_INVALID',
      message: `BRIDGEFLOW_CREDENTIALS_KEY does not open ${path}: it is not the key the file was sealed with`,
    });
    expect(await refusal('a passphrase, not the key')).toEqual({
      code: 'CREDENTIALS_KEY_INVALID',
      message: `${path} was sealed with a 32-byte key, but BRIDGEFLOW_CREDENTIALS_KEY holds a passphrase`,
    });
  });

  it('refuses an altered entry, a removed entry and an entry moved under another id', async () => {
    await writeVault(KEY);
    const original = await readFile(path, 'utf8');
    await alter((file) => {
      const entry = file.entries[0];
      if (!entry) throw new Error('no entry');
      const bytes = Buffer.from(entry.data, 'base64');
      bytes[0] = (bytes[0] ?? 0) ^ 1;
      entry.data = bytes.toString('base64');
    });
    expect(await refusal(KEY)).toEqual({
      code: 'CREDENTIALS_FILE_INVALID',
      message: `${path} was altered: its list of entries does not match its authentication code`,
    });

    await writeFile(path, original);
    await alter((file) => {
      file.entries.pop();
    });
    expect((await refusal(KEY)).code).toBe('CREDENTIALS_FILE_INVALID');

    await writeFile(path, original);
    await alter((file) => {
      for (const entry of file.entries) entry.id = entry.id === 'store' ? 'sage300-erp' : 'store';
    });
    expect((await refusal(KEY)).code).toBe('CREDENTIALS_FILE_INVALID');

    await writeFile(path, '{"format":"bridgeflow-credentials","version":2}');
    expect((await refusal(KEY)).message).toMatch(/is not a Bridgeflow credentials file of a known version/);
  });

  it('refuses keys that are too short, and a missing key when the file exists', async () => {
    expect(() => material('short')).toThrow(/neither a 32-byte key .* nor a passphrase of at least 12/);
    await writeVault(KEY);
    await expect(openRuntimeSecrets(path, {})).rejects.toThrow(
      `${path} exists but BRIDGEFLOW_CREDENTIALS_KEY is not set`,
    );
  });

  it('serves credentials from the file, with environment variables winning per field', async () => {
    await writeVault(KEY);
    const secrets = await openRuntimeSecrets(path, {
      BRIDGEFLOW_CREDENTIALS_KEY: KEY,
      BRIDGEFLOW_CREDENTIAL_SAGE300_ERP_PASSWORD: 'rotated',
      BRIDGEFLOW_CREDENTIAL_M3_PROD: '{"username":"m3user"}',
    });
    expect(secrets.fileCredentialIds).toEqual(['sage300-erp', 'store']);
    expect(await secrets.store.get('sage300-erp')).toEqual({ ...SAGE, password: 'rotated' });
    expect(await secrets.store.get('store')).toEqual({ token: 't0ken' });
    expect(await secrets.store.get('m3-prod')).toEqual({ username: 'm3user' });
    expect(await secrets.store.get('nothing')).toBeUndefined();
  });

  it('falls back to the environment alone when there is no file', async () => {
    const secrets = await openRuntimeSecrets(path, { BRIDGEFLOW_CREDENTIAL_STORE_TOKEN: 'x' });
    expect(secrets.file).toBeUndefined();
    expect(await secrets.store.get('store')).toEqual({ token: 'x' });
  });
});
