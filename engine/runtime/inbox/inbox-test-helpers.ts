import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ErrorData } from '../../contract/errors.ts';
import { BridgeflowError } from '../../errors/bridgeflow-error.ts';
import { createFakeClock, type FakeClock } from '../../run/testing/test-services.ts';
import { openDatabase, type StoreDatabase } from '../../store/database.ts';
import { createInbox, type EnqueueInput, type Inbox } from './inbox.ts';

/** A temp folder holding a database file, with every connection opened on it closed at the end. */
export interface InboxFixture {
  folder: string;
  path: string;
  clock: FakeClock;
  /** Opens another connection (as another process would) and an inbox on it. */
  open(): Inbox;
  /** Closes every connection opened so far, as a stopping process would. */
  closeConnections(): void;
  /** Closes every connection and removes the folder. */
  cleanUp(): Promise<void>;
}

export async function createInboxFixture(): Promise<InboxFixture> {
  const folder = await mkdtemp(join(tmpdir(), 'bridgeflow-inbox-'));
  const path = join(folder, 'bridgeflow.db');
  const clock = createFakeClock();
  const connections: StoreDatabase[] = [];
  const closeConnections = (): void => {
    for (const database of connections) if (database.open) database.close();
  };
  return {
    folder,
    path,
    clock,
    open() {
      const database = openDatabase(path);
      connections.push(database);
      // Jitter fixed at its maximum, so each delay is exactly the full exponential backoff.
      return createInbox(database, { clock, random: () => 1 });
    },
    closeConnections,
    async cleanUp() {
      closeConnections();
      await rm(folder, { recursive: true, force: true });
    },
  };
}

export function order(orderId: string | null, payload: EnqueueInput['payload'] = {}): EnqueueInput {
  return { flowId: 'orders-to-sage', flowHash: 'hash-1', trigger: 'webhook', businessKey: orderId, payload };
}

export const rateLimited: ErrorData = {
  code: 'CONNECTOR_RATE_LIMITED',
  message: 'Sage 300 answered 429 Too Many Requests',
  retryable: true,
};

export const rejected: ErrorData = {
  code: 'CONNECTOR_VALIDATION',
  message: 'Sage 300 refused the order: customer 1200 does not exist',
  retryable: false,
};

export function failure(run: () => unknown): BridgeflowError {
  try {
    run();
  } catch (thrown) {
    if (thrown instanceof BridgeflowError) return thrown;
    throw thrown;
  }
  throw new Error('expected a BridgeflowError');
}
