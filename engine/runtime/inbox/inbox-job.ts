import { z } from 'zod';
import { type ErrorData, ErrorDataSchema } from '../../contract/errors.ts';
import type { JsonValue } from '../../contract/flow-document.ts';
import { BridgeflowError } from '../../errors/bridgeflow-error.ts';

/**
 * Where a job is in its life: `queued` (waiting, possibly for a retry delay), `leased` (a worker
 * holds it until `leaseUntil`), `succeeded`, `dead` (a dead letter: out of attempts or not
 * retryable), `failed` (a dead letter or exception an operator discarded; kept for history) and
 * `exception` (the run succeeded but left items on an exception port; parked for an operator).
 */
export const JOB_STATUSES = ['queued', 'leased', 'succeeded', 'failed', 'dead', 'exception'] as const;

/** One of {@link JOB_STATUSES}. */
export type JobStatus = (typeof JOB_STATUSES)[number];

/** One unit of work in the inbox: a trigger firing of one flow with its payload. */
export interface InboxJob {
  id: string;
  flowId: string;
  /** Hash of the flow bundle the job was taken in for, so a redeploy can tell old jobs apart. */
  flowHash: string;
  /** Id of the trigger node that fired. */
  trigger: string;
  /** What makes two deliveries "the same" (e.g. the 3dcart OrderID); null when nothing does. */
  businessKey: string | null;
  payload: JsonValue;
  status: JobStatus;
  /** Leases taken so far, including one that a crashed worker never finished. */
  attempts: number;
  /** Epoch ms before which the job is not leased (retry backoff). */
  nextAttemptAt: number;
  leaseOwner: string | null;
  /** Epoch ms after which the lease counts as abandoned and the job may be leased again. */
  leaseUntil: number | null;
  lastError: ErrorData | null;
  createdAt: number;
  updatedAt: number;
}

/** The columns of `inbox_jobs` as better-sqlite3 returns them. */
const JobRowSchema = z.object({
  id: z.string(),
  flow_id: z.string(),
  flow_hash: z.string(),
  trigger_node_id: z.string(),
  business_key: z.string().nullable(),
  payload: z.string(),
  status: z.enum(JOB_STATUSES),
  attempts: z.number().int(),
  next_attempt_at: z.number().int(),
  lease_owner: z.string().nullable(),
  lease_until: z.number().int().nullable(),
  last_error: z.string().nullable(),
  created_at: z.number().int(),
  updated_at: z.number().int(),
});

/** Validates a row of `inbox_jobs` (and the JSON inside it) and turns it into an {@link InboxJob}. */
export function jobFromRow(row: unknown): InboxJob {
  const parsed = JobRowSchema.safeParse(row);
  if (!parsed.success) {
    throw new BridgeflowError('STORE_FAILED', `An inbox job row is malformed: ${parsed.error.message}`);
  }
  const columns = parsed.data;
  return {
    id: columns.id,
    flowId: columns.flow_id,
    flowHash: columns.flow_hash,
    trigger: columns.trigger_node_id,
    businessKey: columns.business_key,
    payload: parsePayload(columns.id, columns.payload),
    status: columns.status,
    attempts: columns.attempts,
    nextAttemptAt: columns.next_attempt_at,
    leaseOwner: columns.lease_owner,
    leaseUntil: columns.lease_until,
    lastError:
      columns.last_error === null
        ? null
        : parseJsonColumn(columns.id, 'last_error', columns.last_error, ErrorDataSchema),
    createdAt: columns.created_at,
    updatedAt: columns.updated_at,
  };
}

/**
 * The payload column. Whatever JSON.parse returns is a JSON value by construction, so it is not
 * validated again: a schema walk over a whole 3dcart order cost more than the rest of a lease.
 */
function parsePayload(jobId: string, text: string): JsonValue {
  try {
    const payload: JsonValue = JSON.parse(text);
    return payload;
  } catch (thrown) {
    const reason = thrown instanceof Error ? thrown.message : String(thrown);
    throw new BridgeflowError('STORE_FAILED', `Inbox job ${jobId} has an unreadable payload: ${reason}`);
  }
}

function parseJsonColumn<T>(jobId: string, column: string, text: string, schema: z.ZodType<T>): T {
  try {
    return schema.parse(JSON.parse(text));
  } catch (thrown) {
    const reason = thrown instanceof Error ? thrown.message : String(thrown);
    throw new BridgeflowError('STORE_FAILED', `Inbox job ${jobId} has an unreadable ${column}: ${reason}`);
  }
}
