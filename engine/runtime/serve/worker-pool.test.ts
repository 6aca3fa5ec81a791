import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCoreRegistry } from '../../nodes/core-node-types.ts';
import { systemClock } from '../../run/system-services.ts';
import { buildFlow } from '../../run/testing/flow-builder.ts';
import { createFakeClock, createTestServices } from '../../run/testing/test-services.ts';
import { openDatabase, type StoreDatabase } from '../../store/database.ts';
import { createBundle, readBundle } from '../bundle.ts';
import { createCircuitBreakers } from '../circuit/circuit-breaker.ts';
import { createFlowCircuits } from '../circuit/flow-circuits.ts';
import { createInbox, type Inbox } from '../inbox/inbox.ts';
import { createRunHistory } from '../runs/run-history.ts';
import type { LoadedBundle } from './runtime-bundles.ts';
import { startWorkerPool, type WorkerPool } from './worker-pool.ts';

// A flow whose one connection ("hook-secret") has a half-open breaker: the next job leased is its
// one trial. The transaction that leases it fails once (rolled back, as a full disk would).

const FLOW_ID = 'orders-to-sage';

function bundleWithConnection(): LoadedBundle {
  const flow = {
    ...buildFlow(
      [{ id: 'hook', type: 'core.webhookTrigger', credentials: { webhookSecret: 'hook-secret' } }],
      [],
    ),
    id: FLOW_ID,
  };
  return {
    ...readBundle(createBundle(flow, createCoreRegistry(), () => undefined)),
    file: 'orders.bundle.json',
  };
}

/** The inbox, except that the first group-commit piece that leases a job fails after leasing it. */
function failingOnceAfterLease(inbox: Inbox): Inbox {
  let failed = false;
  return new Proxy(inbox, {
    get(target, property, receiver) {
      if (property !== 'batch') return Reflect.get(target, property, receiver);
      return <T>(piece: () => T): Promise<T> =>
        target.batch(() => {
          const result = piece();
          if (!failed && result !== undefined) {
            failed = true;
            throw new Error('SQLITE_FULL: database or disk is full');
          }
          return result;
        });
    },
  });
}

describe('worker pool and circuit breakers', () => {
  let folder: string;
  let database: StoreDatabase;
  let pool: WorkerPool | undefined;
  beforeEach(async () => {
    folder = await mkdtemp(join(tmpdir(), 'bridgeflow-pool-'));
    database = openDatabase(join(folder, 'bridgeflow.db'));
  });
  afterEach(async () => {
    await pool?.stop(1_000);
    database.close();
    await rm(folder, { recursive: true, force: true });
  });

  it('lets another job be the half-open trial when the lease of the first was rolled back', async () => {
    // One connection for the inbox and the run history, as the runtime has.
    const inbox = createInbox(database, { clock: systemClock });
    inbox.enqueue({
      flowId: FLOW_ID,
      flowHash: 'hash',
      trigger: 'hook',
      businessKey: '1',
      payload: { id: 1 },
    });
    const bundle = bundleWithConnection();
    expect(bundle.manifest.requiredCredentials.map((credential) => credential.id)).toEqual(['hook-secret']);

    const breakerClock = createFakeClock();
    const services = { ...createTestServices(), clock: systemClock };
    const breakers = createCircuitBreakers(breakerClock, services.logger, {
      failureThreshold: 1,
      coolDownMs: 1_000,
      maxCoolDownMs: 1_000,
    });
    breakers.failed(['hook-secret'], ['hook-secret']);
    await breakerClock.sleep(1_000);
    expect(breakers.snapshot()[0]?.state).toBe('half-open');

    pool = startWorkerPool({
      inbox: failingOnceAfterLease(inbox),
      bundles: [bundle],
      registry: createCoreRegistry(),
      services,
      runs: createRunHistory(database),
      workers: 1,
      leaseMs: 60_000,
      pollMs: 10,
      retry: { maxAttempts: 3, backoffMs: 10, maxBackoffMs: 10 },
      circuits: createFlowCircuits([bundle], breakers),
    });

    await expect.poll(() => inbox.stats().counts.succeeded, { timeout: 5_000 }).toBe(1);
    expect(services.logger.entries.some((entry) => entry.message === 'could not lease inbox jobs')).toBe(
      true,
    );
    expect(breakers.snapshot()[0]?.state).toBe('closed');
  });
});
