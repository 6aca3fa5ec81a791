import type { StoreMigration } from '../migrations.ts';

/**
 * State of the runtime's scheduler. `watermarks`: per polling trigger, the last watermark item a
 * successful run emitted (JSON), handed to the next poll as `since`. `schedule_ticks`: per
 * scheduled trigger, the latest due time (epoch ms) enqueued, so a restart knows which ticks it
 * missed. Times are epoch milliseconds from the injected Clock.
 */
export const scheduleStateMigration: StoreMigration = {
  version: 4,
  name: 'schedule-state',
  up: `
    CREATE TABLE watermarks (
      flow_id TEXT NOT NULL,
      node_id TEXT NOT NULL,
      watermark TEXT NOT NULL,
      updated_at INTEGER NOT NULL,
      PRIMARY KEY (flow_id, node_id)
    ) STRICT;

    CREATE TABLE schedule_ticks (
      flow_id TEXT NOT NULL,
      node_id TEXT NOT NULL,
      scheduled_at INTEGER NOT NULL,
      PRIMARY KEY (flow_id, node_id)
    ) STRICT;
  `,
};
