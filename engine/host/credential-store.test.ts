import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCredentialsFile, saveCredentialsFile } from '../runtime/credentials/credentials-file.ts';
import type { KeyMaterial } from '../runtime/credentials/credentials-key.ts';
import { createFileCredentialStore } from './credential-store.ts';

const key: KeyMaterial = { kind: 'key', bytes: randomBytes(32) };
const sageFields = (company: string) => ({
  baseUrl: 'https://sage.example.com/Sage300WebApi',
  company,
  username: 'WEBAPI',
  password: 'secret',
});

/** What `bridgeflow credentials set` does to the file (engine/cli/credentials-command.ts). */
async function setFromCli(path: string, id: string, company: string): Promise<void> {
  const vault = await openCredentialsFile(path, key);
  if (!vault) throw new Error('no credentials file');
  vault.entries.set(id, {
    type: 'sage300',
    fields: sageFields(company),
    updatedAt: new Date().toISOString(),
  });
  await saveCredentialsFile(vault);
}

describe('file credential store shared with the CLI', () => {
  let folder: string;
  let path: string;
  beforeEach(async () => {
    folder = await mkdtemp(join(tmpdir(), 'bridgeflow-credential-store-'));
    path = join(folder, '.bridgeflow', 'credentials.enc.json');
  });
  afterEach(() => rm(folder, { recursive: true, force: true }));

  it('sees a credential the CLI added while the designer had the file open', async () => {
    const store = createFileCredentialStore({ path, keyMaterial: () => key });
    await store.put('sage-test', 'sage300', sageFields('SAMINC'));
    expect([...(await store.list()).keys()]).toEqual(['sage-test']);

    await setFromCli(path, 'sage-prod', 'PROD');

    expect([...(await store.list()).keys()].sort()).toEqual(['sage-prod', 'sage-test']);
    expect(await store.secrets.get('sage-prod')).toMatchObject({ company: 'PROD' });
  });

  it('keeps the CLI’s credential when the designer saves or deletes another one afterwards', async () => {
    const store = createFileCredentialStore({ path, keyMaterial: () => key });
    await store.put('sage-test', 'sage300', sageFields('SAMINC'));
    await setFromCli(path, 'sage-prod', 'PROD');
    await setFromCli(path, 'sage-test', 'EDITED');

    await store.put('sage-other', 'sage300', sageFields('OTHER'));
    const onDisk = await openCredentialsFile(path, key);
    expect([...(onDisk?.entries.keys() ?? [])].sort()).toEqual(['sage-other', 'sage-prod', 'sage-test']);
    expect(onDisk?.entries.get('sage-test')?.fields.company).toBe('EDITED');

    expect(await store.remove('sage-other')).toBe(true);
    const afterRemove = await openCredentialsFile(path, key);
    expect([...(afterRemove?.entries.keys() ?? [])].sort()).toEqual(['sage-prod', 'sage-test']);
  });

  it('shows no credentials once the file is gone, and starts a new file on the next save', async () => {
    const store = createFileCredentialStore({ path, keyMaterial: () => key });
    await store.put('sage-test', 'sage300', sageFields('SAMINC'));
    await rm(path);
    expect(await store.list()).toEqual(new Map());

    await store.put('sage-new', 'sage300', sageFields('NEW'));
    const onDisk = await openCredentialsFile(path, key);
    expect([...(onDisk?.entries.keys() ?? [])]).toEqual(['sage-new']);
  });

  it('reads a file the designer did not write without reading it again on every use', async () => {
    const store = createFileCredentialStore({ path, keyMaterial: () => key });
    await store.put('sage-test', 'sage300', sageFields('SAMINC'));
    const first = await store.get('sage-test');
    // The same entry object while the file is unchanged: the vault was not decrypted again.
    expect(await store.get('sage-test')).toBe(first);
    await setFromCli(path, 'sage-test', 'EDITED');
    expect(await store.get('sage-test')).not.toBe(first);
    expect((await store.get('sage-test'))?.fields.company).toBe('EDITED');
  });
});
