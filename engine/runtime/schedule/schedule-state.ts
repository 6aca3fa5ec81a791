import { z } from 'zod';
import { type JsonValue, JsonValueSchema } from '../../contract/flow-document.ts';
import type { Clock } from '../../run/services.ts';
import type { StoreDatabase } from '../../store/database.ts';
import { withStoreErrors } from '../../store/store-error.ts';

/** What the scheduler keeps between starts (tables of migration 0004). */
export interface ScheduleState {
  /** The last watermark item a successful run of the polling trigger emitted. */
  watermark(flowId: string, nodeId: string): JsonValue | undefined;
  saveWatermark(flowId: string, nodeId: string, watermark: JsonValue): void;
  /** The latest due time (epoch ms) enqueued for the trigger, if any. */
  lastTick(flowId: string, nodeId: string): number | undefined;
  /** Records a due time; an older one than the stored one is ignored (two runtimes may race). */
  saveTick(flowId: string, nodeId: string, scheduledAt: number): void;
}

const WatermarkRowSchema = z.object({ watermark: z.string() });
const TickRowSchema = z.object({ scheduled_at: z.number() });

export function createScheduleState(database: StoreDatabase, clock: Clock): ScheduleState {
  return {
    watermark: (flowId, nodeId) =>
      withStoreErrors(`read the watermark of ${flowId}/${nodeId}`, () => {
        const row = database
          .prepare('SELECT watermark FROM watermarks WHERE flow_id = ? AND node_id = ?')
          .get(flowId, nodeId);
        if (row === undefined) return undefined;
        return JsonValueSchema.parse(JSON.parse(WatermarkRowSchema.parse(row).watermark));
      }),
    saveWatermark: (flowId, nodeId, watermark) =>
      withStoreErrors(`store the watermark of ${flowId}/${nodeId}`, () => {
        database
          .prepare(`
            INSERT INTO watermarks (flow_id, node_id, watermark, updated_at) VALUES (?, ?, ?, ?)
            ON CONFLICT (flow_id, node_id) DO UPDATE
            SET watermark = excluded.watermark, updated_at = excluded.updated_at`)
          .run(flowId, nodeId, JSON.stringify(watermark), clock.now());
      }),
    lastTick: (flowId, nodeId) =>
      withStoreErrors(`read the last tick of ${flowId}/${nodeId}`, () => {
        const row = database
          .prepare('SELECT scheduled_at FROM schedule_ticks WHERE flow_id = ? AND node_id = ?')
          .get(flowId, nodeId);
        return row === undefined ? undefined : TickRowSchema.parse(row).scheduled_at;
      }),
    saveTick: (flowId, nodeId, scheduledAt) =>
      withStoreErrors(`record the tick of ${flowId}/${nodeId}`, () => {
        database
          .prepare(`
            INSERT INTO schedule_ticks (flow_id, node_id, scheduled_at) VALUES (?, ?, ?)
            ON CONFLICT (flow_id, node_id) DO UPDATE
            SET scheduled_at = max(scheduled_at, excluded.scheduled_at)`)
          .run(flowId, nodeId, scheduledAt);
      }),
  };
}
