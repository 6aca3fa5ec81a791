import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LookupResolver } from '../mapping/mapping-function.ts';
import { createFlowHost, type FlowHost } from './flow-host.ts';
import { createRunHostState, type RunHostState } from './run-host-state.ts';

describe('test runs read the lookup tables the mapping editor writes', () => {
  let workspace: string;
  let host: FlowHost;
  let state: RunHostState;
  beforeEach(async () => {
    workspace = await mkdtemp(join(tmpdir(), 'bridgeflow-run-lookups-'));
    host = createFlowHost({ workspaceDir: workspace, databasePath: ':memory:' });
    state = createRunHostState(host.context);
  });
  afterEach(async () => {
    await state.close();
    host.context.dispose();
    await rm(workspace, { recursive: true, force: true });
  });

  it('sees an edit made after an earlier run had cached the table', async () => {
    const environment: LookupResolver = {
      resolve: (table, key) => ({ found: true, value: `env:${table}:${key}`, matchedBy: 'exact' }),
    };
    // No workspace tables yet: the environment's answer.
    expect(state.lookups(environment)?.resolve('sku', 'A-1')).toMatchObject({ value: 'env:sku:A-1' });

    await host.api.saveLookupTable({ name: 'sku', keyLabel: 'SKU', rows: [{ key: 'A-1', value: 'OLD' }] });
    expect(state.lookups(environment)?.resolve('sku', 'A-1')).toMatchObject({ found: true, value: 'OLD' });
    // Tables the workspace lacks still come from the environment.
    expect(state.lookups(environment)?.resolve('ship-via', 'UPS')).toMatchObject({
      value: 'env:ship-via:UPS',
    });

    // The analyst fixes the row in the editor; the next test run resolves the fix.
    await host.api.saveLookupTable({ name: 'sku', keyLabel: 'SKU', rows: [{ key: 'A-1', value: 'NEW' }] });
    expect(state.lookups(environment)?.resolve('sku', 'A-1')).toMatchObject({ found: true, value: 'NEW' });
  });
});
