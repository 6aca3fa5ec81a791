import { z } from 'zod';
import type { StoreDatabase } from '../../store/database.ts';
import { withStoreErrors } from '../../store/store-error.ts';

/** Failures of one kind: error code and message, how many, and some of the business keys they hit. */
export interface FailureReason {
  code: string;
  message: string;
  count: number;
  /** Up to {@link KEYS_PER_REASON} business keys (order numbers), newest first. */
  businessKeys: string[];
}

/** A flow's runs that ended (succeeded or failed) since a moment, and how many of them failed. */
export interface FailureCounts {
  flowId: string;
  runs: number;
  failed: number;
}

const KEYS_PER_REASON = 5;
/** How many of the newest failures are read to name the reasons; enough to show the main causes. */
const REASON_SAMPLE = 50;

const CountRowSchema = z.object({ flow_id: z.string(), count: z.number() });
const FailureRowSchema = z.object({ flow_id: z.string(), runs: z.number(), failed: z.number() });
const ErrorRowSchema = z.object({
  code: z.string().nullable(),
  message: z.string().nullable(),
  business_key: z.string().nullable(),
});

/** Dead letters per flow (inbox jobs in status `dead`). */
export function readDeadLetterCounts(database: StoreDatabase): Map<string, number> {
  return countsByFlow(
    database,
    'count dead letters for alerts',
    "SELECT flow_id, COUNT(*) AS count FROM inbox_jobs WHERE status = 'dead' GROUP BY flow_id",
  );
}

/** Open exceptions per flow (items parked on an exception port, waiting for a person). */
export function readOpenExceptionCounts(database: StoreDatabase): Map<string, number> {
  return countsByFlow(
    database,
    'count open exceptions for alerts',
    "SELECT flow_id, COUNT(*) AS count FROM inbox_exceptions WHERE status = 'open' GROUP BY flow_id",
  );
}

function countsByFlow(database: StoreDatabase, action: string, sql: string): Map<string, number> {
  return withStoreErrors(action, () => {
    const rows = database
      .prepare(sql)
      .all()
      .map((row) => CountRowSchema.parse(row));
    return new Map(rows.map((row) => [row.flow_id, row.count]));
  });
}

/** Why the flow's newest `count` dead letters died, grouped by reason. */
export function readDeadLetterReasons(
  database: StoreDatabase,
  flowId: string,
  count: number,
): FailureReason[] {
  return withStoreErrors('read dead-letter reasons for alerts', () =>
    groupReasons(
      database
        .prepare(`
          SELECT json_extract(last_error, '$.code') AS code, json_extract(last_error, '$.message') AS message,
            business_key
          FROM inbox_jobs WHERE status = 'dead' AND flow_id = ?
          ORDER BY updated_at DESC, rowid DESC LIMIT ?`)
        .all(flowId, Math.min(count, REASON_SAMPLE)),
    ),
  );
}

/**
 * Why the flow's newest `count` open exceptions were parked, grouped by each item's reason code and
 * message (an order with two unknown SKUs counts under both).
 */
export function readExceptionReasons(
  database: StoreDatabase,
  flowId: string,
  count: number,
): FailureReason[] {
  return withStoreErrors('read exception reasons for alerts', () =>
    groupReasons(
      database
        .prepare(`
          SELECT json_extract(each_reason.value, '$.code') AS code,
            json_extract(each_reason.value, '$.message') AS message, business_key
          FROM (SELECT reasons, business_key, created_at, rowid AS position FROM inbox_exceptions
            WHERE status = 'open' AND flow_id = ? ORDER BY created_at DESC, rowid DESC LIMIT ?) AS newest,
            json_each(newest.reasons) AS each_reason
          ORDER BY newest.created_at DESC, newest.position DESC`)
        .all(flowId, Math.min(count, REASON_SAMPLE)),
    ),
  );
}

/**
 * Runs per flow started at or after `since` that ended in success or failure. Cancelled runs
 * (a shutdown) and runs still going are not the flow's failures and not its successes either.
 */
export function readFailureCounts(database: StoreDatabase, since: number): FailureCounts[] {
  return withStoreErrors('count failed runs for alerts', () =>
    database
      .prepare(`
        SELECT flow_id, COUNT(*) AS runs, TOTAL(status = 'failed') AS failed FROM runs
        WHERE started_at >= ? AND status IN ('succeeded', 'failed')
        GROUP BY flow_id`)
      .all(since)
      .map((row) => {
        const parsed = FailureRowSchema.parse(row);
        return { flowId: parsed.flow_id, runs: parsed.runs, failed: parsed.failed };
      }),
  );
}

/** Why the flow's runs since `since` failed, grouped by reason. */
export function readFailureReasons(database: StoreDatabase, flowId: string, since: number): FailureReason[] {
  return withStoreErrors('read failure reasons for alerts', () =>
    groupReasons(
      database
        .prepare(`
          SELECT json_extract(error, '$.code') AS code, json_extract(error, '$.message') AS message, business_key
          FROM runs WHERE flow_id = ? AND status = 'failed' AND started_at >= ?
          ORDER BY started_at DESC, rowid DESC LIMIT ?`)
        .all(flowId, since, REASON_SAMPLE),
    ),
  );
}

/** Groups by code and message, the largest group first (first seen first among equals). */
function groupReasons(rows: unknown[]): FailureReason[] {
  const groups = new Map<string, FailureReason>();
  for (const row of rows) {
    const { code, message, business_key: key } = ErrorRowSchema.parse(row);
    const reason = { code: code ?? 'INTERNAL', message: message ?? 'no message recorded' };
    const id = `${reason.code}\u0000${reason.message}`;
    const group = groups.get(id) ?? { ...reason, count: 0, businessKeys: [] };
    group.count += 1;
    if (key !== null && group.businessKeys.length < KEYS_PER_REASON && !group.businessKeys.includes(key))
      group.businessKeys.push(key);
    groups.set(id, group);
  }
  return [...groups.values()].sort((left, right) => right.count - left.count);
}
