import type { JsonValue } from '../../contract/flow-document.ts';
import type { RunTrace } from '../../contract/run-trace.ts';
import { toErrorData } from '../../errors/bridgeflow-error.ts';
import type { Clock, Logger } from '../../run/services.ts';
import type { Inbox } from '../inbox/inbox.ts';
import type { InboxJob } from '../inbox/inbox-job.ts';
import type { LoadedBundle } from '../serve/runtime-bundles.ts';
import type { ScheduleState } from './schedule-state.ts';
import { initialSince, type ScheduledTrigger, scheduledTriggers } from './scheduled-triggers.ts';

export interface SchedulerOptions {
  bundles: readonly LoadedBundle[];
  inbox: Inbox;
  state: ScheduleState;
  clock: Clock;
  logger: Logger;
  /** Interval of polling triggers whose node sets none. */
  defaultPollIntervalMs: number;
  /** Longest wait between looks at the clock, so a clock jump (suspend, NTP) is noticed. Default 1 s. */
  maxSleepMs?: number;
}

/** The running scheduler of `bridgeflow serve`. */
export interface Scheduler {
  /** Enqueues every tick due now that was not enqueued before; answers how many jobs were added. */
  tick(): number;
  /** After a successful run: stores the watermark a polling trigger emitted. */
  runSucceeded(job: InboxJob, trace: RunTrace): void;
  stop(): Promise<void>;
}

/**
 * Fires schedule and polling triggers by putting ONE job per due time into the durable inbox, with
 * business key `<nodeId>@<ISO due time>`: the inbox takes a key in once, so a restart, or two
 * runtimes on the same database, never run the same tick twice. Only the latest due time counts:
 * ticks missed while the runtime was down collapse into one run at start (a poll reads everything
 * since its watermark anyway, and a burst of identical scheduled runs helps nobody). The first
 * time a trigger is seen, its latest past due time is only recorded, not run: the schedule starts
 * from the next tick.
 */
export function startScheduler(options: SchedulerOptions): Scheduler {
  const triggers = scheduledTriggers(options.bundles, options.defaultPollIntervalMs);
  const stopping = new AbortController();
  const tick = (): number => triggers.filter((trigger) => fire(trigger, options)).length;
  const loop = triggers.length === 0 ? Promise.resolve() : run(triggers, tick, options, stopping.signal);
  return {
    tick,
    runSucceeded: (job, trace) => storeWatermark(triggers, job, trace, options),
    async stop() {
      stopping.abort();
      await loop;
    },
  };
}

async function run(
  triggers: readonly ScheduledTrigger[],
  tick: () => number,
  options: SchedulerOptions,
  stopping: AbortSignal,
): Promise<void> {
  const { clock, logger } = options;
  while (!stopping.aborted) {
    try {
      tick();
    } catch (thrown) {
      logger.error('could not enqueue scheduled runs', { message: toErrorData(thrown).message });
    }
    const now = clock.now();
    const next = Math.min(...triggers.map((trigger) => trigger.nextDue(now) ?? Number.POSITIVE_INFINITY));
    const wait = Math.min(Math.max(next - now, 1), options.maxSleepMs ?? 1_000);
    await clock.sleep(wait, stopping).catch(() => undefined);
  }
}

/** Enqueues the trigger's latest due time when it is newer than the last one recorded. */
function fire(trigger: ScheduledTrigger, options: SchedulerOptions): boolean {
  const { flowId, node } = trigger;
  const due = trigger.latestDue(options.clock.now());
  if (due === undefined) return false;
  const last = options.state.lastTick(flowId, node.id);
  if (last !== undefined && due <= last) return false;
  if (last !== undefined) {
    const scheduledAt = new Date(due).toISOString();
    const { duplicate } = options.inbox.enqueue({
      flowId,
      flowHash: trigger.flowHash,
      trigger: node.id,
      businessKey: `${node.id}@${scheduledAt}`,
      payload: trigger.polling ? pollPayload(trigger, options.state) : { scheduledAt },
    });
    if (!duplicate) options.logger.info('scheduled run enqueued', { flowId, trigger: node.id, scheduledAt });
  }
  options.state.saveTick(flowId, node.id, due);
  return last !== undefined;
}

/**
 * `{since}` from the stored watermark item (its other fields ride along: 3dcart's trigger reads
 * `orderIdsAtWatermark` too), or the node's initial value before the first successful poll.
 */
function pollPayload(trigger: ScheduledTrigger, state: ScheduleState): JsonValue {
  const stored = state.watermark(trigger.flowId, trigger.node.id);
  if (typeof stored === 'object' && stored !== null && !Array.isArray(stored)) {
    return { ...stored, since: stored.watermark ?? initialSince(trigger.node) };
  }
  return { since: initialSince(trigger.node) };
}

/**
 * The watermark is the item the trigger left on its `watermark` port, read from the run's outputs
 * (items on unwired ports; summary traces keep them). A flow that wires that port somewhere keeps
 * the watermark to itself: nothing is stored and each poll starts from the initial value.
 */
function storeWatermark(
  triggers: readonly ScheduledTrigger[],
  job: InboxJob,
  trace: RunTrace,
  options: SchedulerOptions,
): void {
  const trigger = triggers.find(
    (each) => each.polling && each.flowId === job.flowId && each.node.id === job.trigger,
  );
  if (trigger === undefined) return;
  const output = trace.outputs.find((each) => each.nodeId === job.trigger && each.port === 'watermark');
  const watermark = output?.items.at(-1);
  if (watermark === undefined) {
    options.logger.warn('the polling trigger left no watermark in the run outputs', {
      flowId: job.flowId,
      trigger: job.trigger,
    });
    return;
  }
  options.state.saveWatermark(job.flowId, job.trigger, watermark);
}
