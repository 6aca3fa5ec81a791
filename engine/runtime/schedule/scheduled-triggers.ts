import type { FlowNode, JsonValue } from '../../contract/flow-document.ts';
import { cronSchedule } from '../../nodes/schedule-trigger/cron-schedule.ts';
import { scheduleTriggerNode } from '../../nodes/schedule-trigger/schedule-trigger.node.ts';
import type { LoadedBundle } from '../serve/runtime-bundles.ts';

/** Trigger types the runtime polls, handing each run `{since}` and storing its `watermark` item. */
export const POLLING_TRIGGER_TYPES: ReadonlySet<string> = new Set([
  'sage300.pollChanges',
  'm3.pollChanges',
  'threedcart.ordersChanged',
]);

export const SCHEDULE_TRIGGER_TYPE = 'core.scheduleTrigger';

/** A trigger node the scheduler fires: a cron schedule or a polling trigger on an interval. */
export interface ScheduledTrigger {
  flowId: string;
  flowHash: string;
  node: FlowNode;
  polling: boolean;
  /** The latest due time (epoch ms) at or before `at`, or undefined when there is none. */
  latestDue(at: number): number | undefined;
  /** The first due time after `at`, or undefined when the schedule never fires again. */
  nextDue(at: number): number | undefined;
}

/**
 * Every enabled schedule and polling trigger of the loaded flows. A polling trigger's interval is
 * its `pollIntervalMinutes` parameter when a flow sets one (none of today's polling node types
 * declares it, so flows normally don't), else `defaultPollIntervalMs`. Interval ticks are aligned to
 * multiples of the interval since the epoch, so every runtime and every restart agree on them.
 */
export function scheduledTriggers(
  bundles: readonly LoadedBundle[],
  defaultPollIntervalMs: number,
): ScheduledTrigger[] {
  const triggers: ScheduledTrigger[] = [];
  for (const { flow, manifest } of bundles) {
    for (const node of flow.nodes) {
      if (node.disabled === true) continue;
      const base = { flowId: manifest.flowId, flowHash: manifest.contentHash, node };
      if (node.type === SCHEDULE_TRIGGER_TYPE) {
        const { cron, timezone } = scheduleTriggerNode.parameters.parse(node.parameters);
        const schedule = cronSchedule(cron, timezone || flow.settings.timezone);
        triggers.push({
          ...base,
          polling: false,
          latestDue: (at) => schedule.previousRuns(1, new Date(at + 1))[0]?.getTime(),
          nextDue: (at) => schedule.nextRun(new Date(at))?.getTime(),
        });
      } else if (POLLING_TRIGGER_TYPES.has(node.type)) {
        const interval = pollIntervalMs(node) ?? defaultPollIntervalMs;
        triggers.push({
          ...base,
          polling: true,
          latestDue: (at) => Math.floor(at / interval) * interval,
          nextDue: (at) => (Math.floor(at / interval) + 1) * interval,
        });
      }
    }
  }
  return triggers;
}

/** What a polling run starts from before any watermark was stored: the node's own initial value. */
export function initialSince(node: FlowNode): JsonValue {
  const value = node.parameters.initialSince ?? node.parameters.initialWatermark;
  return typeof value === 'string' && value !== '' ? value : null;
}

function pollIntervalMs(node: FlowNode): number | undefined {
  const minutes = node.parameters.pollIntervalMinutes;
  return typeof minutes === 'number' && minutes > 0 ? minutes * 60_000 : undefined;
}
