import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FlowDocumentSchema, type JsonValue } from '../../engine/contract/flow-document.ts';
import { BridgeflowError } from '../../engine/errors/bridgeflow-error.ts';
import { createCoreRegistry } from '../../engine/nodes/core-node-types.ts';
import type { Clock } from '../../engine/run/services.ts';
import { createMemoryLogger } from '../../engine/run/testing/test-services.ts';
import { createBundle } from '../../engine/runtime/bundle.ts';
import { type Runtime, type RuntimeOptions, startRuntime } from '../../engine/runtime/serve/runtime.ts';
import { openDatabase } from '../../engine/store/database.ts';

// What the schedule suites share: a clock the test moves by hand, a one-flow bundle in a temp
// folder, runtimes on one data folder, and reads of the runtime database.

/** A clock that stands still until the test moves it; sleeps wait a few real milliseconds. */
export interface ManualClock extends Clock {
  set(at: number | string): void;
}

export function createManualClock(start: number | string): ManualClock {
  let now = new Date(start).getTime();
  return {
    now: () => now,
    set: (at) => {
      now = new Date(at).getTime();
    },
    sleep: (ms, signal) =>
      new Promise((resolve, reject) => {
        const cancelled = () => new BridgeflowError('RUN_CANCELLED', 'The run was cancelled');
        if (signal?.aborted) return reject(cancelled());
        const timer = setTimeout(resolve, Math.min(ms, 5));
        signal?.addEventListener(
          'abort',
          () => {
            clearTimeout(timer);
            reject(cancelled());
          },
          { once: true },
        );
      }),
  };
}

export interface ScheduleBench {
  clock: ManualClock;
  dataDir: string;
  start(options?: Partial<RuntimeOptions>): Promise<Runtime>;
  /** Inbox jobs oldest first: business key, payload, status. */
  jobs(): { businessKey: string; payload: JsonValue; status: string }[];
  /** Rows of the `watermarks` table. */
  watermarks(): { nodeId: string; watermark: JsonValue; updatedAt: number }[];
  close(): Promise<void>;
}

/** A bundle of a flow made of `nodes` (no edges), served from a fresh temp folder. */
export async function startScheduleBench(nodes: JsonValue[], clock: ManualClock): Promise<ScheduleBench> {
  const folder = await mkdtemp(join(tmpdir(), 'bridgeflow-schedule-'));
  const flow = FlowDocumentSchema.parse({
    schemaVersion: 1,
    id: 'scheduled',
    name: 'Scheduled',
    nodes,
    edges: [],
  });
  await writeFile(
    join(folder, 'scheduled.bundle.json'),
    createBundle(flow, createCoreRegistry(), () => undefined),
  );
  const dataDir = join(folder, 'data');
  const runtimes: Runtime[] = [];
  const read = <T>(sql: string, map: (row: Record<string, unknown>) => T): T[] => {
    const database = openDatabase(join(dataDir, 'bridgeflow.db'));
    try {
      return (database.prepare(sql).all() as Record<string, unknown>[]).map(map);
    } finally {
      database.close();
    }
  };
  return {
    clock,
    dataDir,
    async start(options = {}) {
      const runtime = await startRuntime({
        bundles: [folder],
        dataDir,
        logger: createMemoryLogger(),
        pollMs: 5,
        clock,
        ...options,
      });
      runtimes.push(runtime);
      return runtime;
    },
    jobs: () =>
      read('SELECT business_key, payload, status FROM inbox_jobs ORDER BY created_at, rowid', (row) => ({
        businessKey: String(row.business_key),
        payload: JSON.parse(String(row.payload)) as JsonValue,
        status: String(row.status),
      })),
    watermarks: () =>
      read('SELECT node_id, watermark, updated_at FROM watermarks', (row) => ({
        nodeId: String(row.node_id),
        watermark: JSON.parse(String(row.watermark)) as JsonValue,
        updatedAt: Number(row.updated_at),
      })),
    async close() {
      await Promise.all(runtimes.map((runtime) => runtime.close()));
      await rm(folder, { recursive: true, force: true });
    },
  };
}

/** Waits (real time) until `check` holds; throws after `timeoutMs`. */
export async function waitUntil(check: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('Timed out waiting for the runtime');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Lets the runtime's loops go round a few times (real time), for "nothing more happens" checks. */
export const settle = (ms = 100) => new Promise((resolve) => setTimeout(resolve, ms));
