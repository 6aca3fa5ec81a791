import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Result } from '../contract/errors.ts';
import { BridgeflowError } from '../errors/bridgeflow-error.ts';
import { createCoreRegistry } from '../nodes/core-node-types.ts';
import { silentLogger } from '../run/system-services.ts';
import { buildFlow } from '../run/testing/flow-builder.ts';
import { createBundle } from '../runtime/bundle.ts';
import { openCredentialsFile } from '../runtime/credentials/credentials-file.ts';
import type { KeyMaterial } from '../runtime/credentials/credentials-key.ts';
import { startRuntime } from '../runtime/serve/runtime.ts';
import {
  type RunningSage300Simulator,
  startSage300Simulator,
} from '../simulators/sage300/sage300-simulator.ts';
import { createFileCredentialStore } from './credential-store.ts';
import { createFlowHost, type FlowHost } from './flow-host.ts';

function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

const PASSWORD = 'WEBAPI';

describe('credential FlowApi methods (encrypted file, real Sage 300 simulator)', () => {
  const key: KeyMaterial = { kind: 'key', bytes: randomBytes(32) };
  let workspace: string;
  let file: string;
  let host: FlowHost;
  let sage: RunningSage300Simulator;
  const sageFields = () => ({
    baseUrl: `${sage.url}/Sage300WebApi`,
    company: 'SAMINC',
    username: 'WEBAPI',
    password: PASSWORD,
  });

  beforeAll(async () => {
    workspace = await mkdtemp(join(tmpdir(), 'bridgeflow-credentials-'));
    file = join(workspace, '.bridgeflow', 'credentials.enc.json');
    sage = await startSage300Simulator({});
    host = createFlowHost({
      workspaceDir: workspace,
      databasePath: ':memory:',
      credentials: createFileCredentialStore({ path: file, keyMaterial: () => key }),
    });
  });
  afterAll(async () => {
    host.context.dispose();
    await sage.close();
    await rm(workspace, { recursive: true, force: true });
  });

  it('lists the store, the four credential forms and no credentials at first', async () => {
    const listed = value(await host.api.listCredentials({}));
    expect(listed.store).toEqual({ writable: true, location: file });
    expect(listed.types.map((type) => type.type)).toEqual(['threedcart', 'sage300', 'm3', 'webhookSecret']);
    expect(listed.types.map((type) => type.testable)).toEqual([true, true, true, false]);
    expect(listed.credentials).toEqual([]);
  });

  it('tests a draft: ok with what was found, or Sage’s own reason for a wrong password', async () => {
    const ok = value(await host.api.testCredential({ type: 'sage300', fields: sageFields() }));
    expect(ok).toMatchObject({ ok: true });
    const refused = value(
      await host.api.testCredential({ type: 'sage300', fields: { ...sageFields(), password: 'wrong' } }),
    );
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.error.code).toBe('CONNECTOR_AUTH');
    expect(refused.error.remote?.status).toBe(401);
    expect(refused.error.message).not.toContain('wrong');
  });

  it('saves encrypted, lists without secrets, keeps a secret left blank, and serve can read the file', async () => {
    const saved = value(
      await host.api.saveCredential({ id: 'sage-erp', type: 'sage300', fields: sageFields() }),
    );
    expect(saved).toMatchObject({
      id: 'sage-erp',
      type: 'sage300',
      values: { baseUrl: `${sage.url}/Sage300WebApi`, company: 'SAMINC', username: 'WEBAPI' },
      secretsSet: ['password'],
    });
    const listed = value(await host.api.listCredentials({}));
    expect(listed.credentials.map((credential) => credential.id)).toEqual(['sage-erp']);
    expect(JSON.stringify(listed)).not.toContain('"password":');
    expect(await readFile(file, 'utf8')).not.toContain(sage.url);

    // Edit the company, leave the password blank: it is kept.
    value(
      await host.api.saveCredential({
        id: 'sage-erp',
        type: 'sage300',
        fields: { ...sageFields(), company: 'SAMLTD', password: '' },
        keep: ['password'],
      }),
    );
    const kept = value(
      await host.api.testCredential({
        id: 'sage-erp',
        type: 'sage300',
        fields: { ...sageFields(), password: '' },
        keep: ['password'],
      }),
    );
    expect(kept.ok).toBe(true);
    const vault = await openCredentialsFile(file, key);
    expect(vault?.entries.get('sage-erp')).toMatchObject({
      type: 'sage300',
      fields: { company: 'SAMLTD', password: PASSWORD },
    });
  });

  it('refuses a wrong field by name and says why, storing nothing', async () => {
    const badUrl = await host.api.saveCredential({
      id: 'sage-bad',
      type: 'sage300',
      fields: { ...sageFields(), baseUrl: 'not a url' },
    });
    expect(badUrl).toMatchObject({ ok: false, error: { code: 'INPUT_INVALID', path: 'fields.baseUrl' } });
    if (!badUrl.ok) expect(badUrl.error.message).toMatch(/^Base URL must be an absolute http\(s\) URL/);
    const missing = await host.api.saveCredential({
      id: 'sage-bad',
      type: 'sage300',
      fields: { ...sageFields(), company: ' ' },
    });
    expect(missing).toMatchObject({
      ok: false,
      error: { path: 'fields.company', message: 'Company is required' },
    });
    const ionapi = await host.api.saveCredential({
      id: 'm3-cloud',
      type: 'm3',
      fields: { mode: 'ionapi', ionapi: '{not json' },
    });
    expect(ionapi).toMatchObject({ ok: false, error: { path: 'fields.ionapi' } });
    const stranger = await host.api.saveCredential({ id: 'x', type: 'sage300', fields: { apiKey: 'k' } });
    expect(stranger).toMatchObject({ ok: false, error: { path: 'fields.apiKey' } });
    const badId = await host.api.saveCredential({ id: '../x', type: 'sage300', fields: sageFields() });
    expect(badId).toMatchObject({ ok: false, error: { code: 'INPUT_INVALID', path: 'id' } });
    const names = value(await host.api.listCredentials({})).credentials.map((credential) => credential.id);
    expect(names).toEqual(['sage-erp']);
  });

  it('stores only the fields the chosen M3 sign-in shows', async () => {
    const saved = value(
      await host.api.saveCredential({
        id: 'm3-grid',
        type: 'm3',
        fields: {
          mode: 'basic',
          baseUrl: 'https://m3.example.com:21108',
          username: 'M3API',
          password: 'p',
          ionapi: 'left over from the other sign-in',
          company: '100',
        },
      }),
    );
    expect(saved.values).toEqual({
      mode: 'basic',
      baseUrl: 'https://m3.example.com:21108',
      username: 'M3API',
      company: '100',
    });
    expect(saved.secretsSet).toEqual(['password']);
    value(await host.api.deleteCredential({ id: 'm3-grid' }));
    expect(await host.api.deleteCredential({ id: 'm3-grid' })).toMatchObject({
      ok: false,
      error: { path: 'id' },
    });
  });

  it('keeps a webhook secret that serve checks webhooks against; it has no connection to test', async () => {
    const short = await host.api.saveCredential({
      id: 'orders-hook',
      type: 'webhookSecret',
      fields: { secret: 'abc' },
    });
    expect(short).toMatchObject({
      ok: false,
      error: {
        code: 'INPUT_INVALID',
        path: 'fields.secret',
        message: expect.stringContaining('at least 16'),
      },
    });
    const secret = 'k3J9-wq8Z-xx71-Pq0m';
    const saved = value(
      await host.api.saveCredential({ id: 'orders-hook', type: 'webhookSecret', fields: { secret } }),
    );
    expect(saved).toMatchObject({
      id: 'orders-hook',
      type: 'webhookSecret',
      values: {},
      secretsSet: ['secret'],
    });
    const tested = await host.api.testCredential({ type: 'webhookSecret', fields: { secret } });
    expect(tested).toMatchObject({ ok: false, error: { code: 'INPUT_INVALID', path: 'type' } });

    // A flow whose webhook trigger names the saved secret, served from the designer's file.
    const flow = buildFlow(
      [
        {
          id: 'hook',
          type: 'core.webhookTrigger',
          parameters: {
            path: '/webhooks/orders',
            authentication: { type: 'sharedSecret', location: 'query', name: 'token' },
          },
          credentials: { webhookSecret: 'orders-hook' },
        },
      ],
      [],
    );
    const bundles = join(workspace, 'bundles');
    await mkdir(bundles, { recursive: true });
    await writeFile(
      join(bundles, 'hook.bundle.json'),
      createBundle(flow, createCoreRegistry(), () => undefined),
    );
    const runtime = await startRuntime({
      bundles: [bundles],
      dataDir: join(workspace, 'runtime-data'),
      credentialsFile: file,
      environment: { BRIDGEFLOW_CREDENTIALS_KEY: key.kind === 'key' ? key.bytes.toString('hex') : '' },
      workers: 0,
      logger: silentLogger,
    });
    try {
      const post = (token: string) =>
        fetch(`${runtime.url}/webhooks/orders?token=${encodeURIComponent(token)}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ id: 1 }),
        });
      expect((await post('wrong-secret-wrong-secret')).status).toBe(401);
      expect((await post(secret)).status).toBe(202);
    } finally {
      await runtime.close();
    }
  });

  it('gives test runs the saved credential: through an environment file (from: vault) or the built-in saved', async () => {
    await mkdir(join(workspace, 'environments'), { recursive: true });
    await writeFile(
      join(workspace, 'environments', 'local.json'),
      JSON.stringify({ credentials: { erp: { from: 'vault', id: 'sage-erp' } } }),
    );
    const flowPath = 'customers.flow.json';
    const document = buildFlow(
      [
        { id: 'start', type: 'core.manualTrigger' },
        {
          id: 'find',
          type: 'sage300.findCustomer',
          parameters: { by: 'number', value: 'CustomerNumber' },
          credentials: { erp: 'erp' },
        },
      ],
      ['start -> find'],
    );
    const ref = { location: 'flow', set: '', name: 'one' } as const;
    value(await host.api.saveSample({ flowPath, ref, payload: { CustomerNumber: 'C000001' } }));
    const finished = async (environment: string, flow: typeof document) => {
      const { testRunId } = value(
        await host.api.startTestRun({ flowPath, document: flow, samples: [ref], environment }),
      );
      for (;;) {
        const state = value(await host.api.getTestRun({ testRunId }));
        if (state.done) return state;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    };
    const state = await finished('local', document);
    const [run] = state.runs;
    expect(run?.status).toBe('succeeded');
    // SAMLTD since the edit above: the run used what the store holds now.
    const { trace } = value(await host.api.getRun({ runId: run?.runId ?? '' }));
    const urls = trace.nodes.flatMap((node) => node.http.map((exchange) => exchange.url));
    expect(urls).toEqual([expect.stringContaining('/SAMLTD/AR/ARCustomers')]);

    // The built-in `saved` environment: the slot names the saved credential itself, no file.
    const direct = {
      ...document,
      nodes: document.nodes.map((node) =>
        node.id === 'find' ? { ...node, credentials: { erp: 'sage-erp' } } : node,
      ),
    };
    const saved = await finished('saved', direct);
    expect(saved.runs[0]?.status).toBe('succeeded');
    expect(saved.dryRun).toBe(false);
  });
});

describe('a credential store without a key', () => {
  it('says why it cannot save, and saving changes nothing', async () => {
    const workspace = await mkdtemp(join(tmpdir(), 'bridgeflow-credentials-'));
    const reason = 'BRIDGEFLOW_CREDENTIALS_KEY is not set, so keeping credentials is not possible';
    const host = createFlowHost({
      workspaceDir: workspace,
      databasePath: ':memory:',
      credentials: createFileCredentialStore({
        path: join(workspace, 'credentials.enc.json'),
        keyMaterial: () => {
          throw new BridgeflowError('CREDENTIALS_KEY_INVALID', reason);
        },
      }),
    });
    try {
      const listed = value(await host.api.listCredentials({}));
      expect(listed.store).toMatchObject({ writable: false, reason });
      const saved = await host.api.saveCredential({
        id: 'sage-erp',
        type: 'sage300',
        fields: { baseUrl: 'http://erp.test/Sage300WebApi', company: 'SAMINC', username: 'U', password: 'P' },
      });
      expect(saved).toMatchObject({ ok: false, error: { code: 'CREDENTIALS_KEY_INVALID', message: reason } });
    } finally {
      host.context.dispose();
      await rm(workspace, { recursive: true, force: true });
    }
  });
});
