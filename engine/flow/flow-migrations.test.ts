import { describe, expect, it } from 'vitest';
import { BridgeflowError } from '../errors/bridgeflow-error.ts';
import { type FlowMigration, migrateFlow } from './flow-migrations.ts';
import { schemaV0ToV1 } from './migrations/schema-v0-to-v1.ts';

function failure(run: () => unknown): BridgeflowError {
  try {
    run();
  } catch (thrown) {
    if (thrown instanceof BridgeflowError) return thrown;
    throw thrown;
  }
  throw new Error('expected a BridgeflowError');
}

describe('migrateFlow', () => {
  // Made-up later versions, to show the steps run in order whatever order they are listed in.
  const toTwo: FlowMigration = {
    from: 1,
    to: 2,
    description: 'adds b',
    migrate: (raw) => ({ ...raw, steps: [...(raw.steps as string[]), 'b'] }),
  };
  const toThree: FlowMigration = {
    from: 2,
    to: 3,
    description: 'adds c',
    migrate: (raw) => ({ ...raw, steps: [...(raw.steps as string[]), 'c'] }),
  };

  it('applies each step in order up to the current version and stamps the version', () => {
    const result = migrateFlow({ schemaVersion: 1, steps: ['a'] }, [toThree, toTwo], 3);
    expect(result.raw).toEqual({ schemaVersion: 3, steps: ['a', 'b', 'c'] });
    expect(result.fromVersion).toBe(1);
    expect(result.applied.map((step) => step.description)).toEqual(['adds b', 'adds c']);
  });

  it('leaves a current file alone', () => {
    const raw = { schemaVersion: 1, id: 'x' };
    expect(migrateFlow(raw)).toEqual({ raw, fromVersion: 1, applied: [] });
  });

  it('refuses a newer schema version, naming both versions', () => {
    const error = failure(() => migrateFlow({ schemaVersion: 4 }, [toTwo], 2));
    expect(error.code).toBe('FLOW_SCHEMA_UNSUPPORTED');
    expect(error.message).toBe(
      'This flow uses schema version 4, but this version of Bridgeflow reads schema versions up to 2; update Bridgeflow to open it',
    );
  });

  it.each([
    ['no schemaVersion', { id: 'x' }, 'FLOW_INVALID'],
    ['a text schemaVersion', { schemaVersion: '1' }, 'FLOW_INVALID'],
    ['not an object', [1, 2], 'FLOW_INVALID'],
  ])('refuses a file with %s', (_case, raw, code) => {
    expect(failure(() => migrateFlow(raw)).code).toBe(code);
  });

  it('refuses a version with no migration path', () => {
    expect(failure(() => migrateFlow({ schemaVersion: 0 }, [toTwo], 2)).code).toBe('FLOW_SCHEMA_UNSUPPORTED');
  });

  it('reports a migration that throws as FLOW_MIGRATION_FAILED', () => {
    const broken: FlowMigration = {
      from: 1,
      to: 2,
      description: 'broken',
      migrate: () => {
        throw new Error('boom');
      },
    };
    const error = failure(() => migrateFlow({ schemaVersion: 1 }, [broken], 2));
    expect(error.code).toBe('FLOW_MIGRATION_FAILED');
    expect(error.message).toBe('Upgrading the flow from schema version 1 → 2 failed: boom');
  });
});

describe('schema 0 → 1', () => {
  const old = {
    schemaVersion: 0,
    id: 'f',
    name: 'Old flow',
    nodes: [
      { id: 'hook', name: 'Hook', type: 'test.webhook', position: { x: 0, y: 0 }, params: { path: '/o' } },
      {
        id: 'ns:fetch',
        name: 'Fetch',
        type: 'test.http',
        typeVersion: 2,
        position: { x: 1, y: 0 },
        params: { url: 'u' },
      },
    ],
    edges: [
      { from: 'hook:main', to: 'ns:fetch:main' },
      { from: 'hook:main', to: 'ns:fetch:main' },
      { from: 'ns:fetch', to: 'hook:main' },
    ],
  };

  it('renames params, assumes typeVersion 1, converts edges with stable ids and adds settings', () => {
    expect(migrateFlow(old).raw).toEqual({
      schemaVersion: 1,
      id: 'f',
      name: 'Old flow',
      settings: { errorPolicy: 'stopRun', timezone: 'UTC' },
      nodes: [
        {
          id: 'hook',
          name: 'Hook',
          type: 'test.webhook',
          typeVersion: 1,
          position: { x: 0, y: 0 },
          parameters: { path: '/o' },
        },
        {
          id: 'ns:fetch',
          name: 'Fetch',
          type: 'test.http',
          typeVersion: 2,
          position: { x: 1, y: 0 },
          parameters: { url: 'u' },
        },
      ],
      edges: [
        {
          id: 'e-hook-main-ns:fetch-main',
          source: 'hook',
          sourceHandle: 'main',
          target: 'ns:fetch',
          targetHandle: 'main',
        },
        {
          id: 'e-hook-main-ns:fetch-main-2',
          source: 'hook',
          sourceHandle: 'main',
          target: 'ns:fetch',
          targetHandle: 'main',
        },
        {
          id: 'e-ns-fetch-hook-main',
          source: 'ns',
          sourceHandle: 'fetch',
          target: 'hook',
          targetHandle: 'main',
        },
      ],
    });
  });

  it('gives the same ids every time and does not change its input', () => {
    const copy = structuredClone(old);
    expect(migrateFlow(old)).toEqual(migrateFlow(copy));
    expect(old).toEqual(copy);
  });

  it('leaves shapes it does not recognise for the schema to report', () => {
    expect(schemaV0ToV1.migrate({ nodes: 'none', edges: [{ from: 3 }] })).toMatchObject({
      nodes: 'none',
      edges: [{ from: 3 }],
    });
  });
});
