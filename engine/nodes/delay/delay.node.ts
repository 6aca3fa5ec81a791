import { z } from 'zod';
import { BridgeflowError } from '../../errors/bridgeflow-error.ts';
import { defineNodeType } from '../node-type.ts';

/** Longest wait a node may hold a run for; longer pauses belong to a schedule trigger. */
export const MAX_DELAY_MS = 24 * 60 * 60 * 1000;

const parameters = z.object({
  /** How long to wait, in milliseconds. */
  ms: z.number().int().min(0).max(MAX_DELAY_MS).default(1000),
  /**
   * Wait until this time instead (ISO 8601 with `Z` or an offset, so it does not depend on the
   * machine's time zone). A time in the past does not wait.
   */
  until: z.iso.datetime({ offset: true }).optional(),
});

/** Holds the items for a while, then passes them on unchanged. */
export const delayNode = defineNodeType({
  kind: 'batch',
  description: {
    type: 'core.delay',
    version: 1,
    label: 'Delay',
    category: 'utility',
    icon: 'timer',
    summary: 'Wait for a time, then pass the items on',
    docs: [
      'Waits once for the whole batch, then passes every item on unchanged: **Milliseconds** to wait, or **Until** an ISO 8601 time with a time zone (`2026-11-23T06:00:00+01:00`), which wins when set. The wait is at most 24 hours; cancelling the run ends it at once.',
      '',
      'Example: 60000 ms between creating a Sage 300 order and reading it back, for an ERP that posts asynchronously.',
    ].join('\n'),
    trigger: false,
    inputs: [{ name: 'main', label: 'Items' }],
    outputs: [{ name: 'main', label: 'Items' }],
    summaryParameters: ['ms', 'until'],
  },
  parameters,
  async execute(items, context) {
    const { ms, until } = context.parameters;
    // NodeContext offers no clock yet, so `until` is measured against the system time.
    const waitMs = until === undefined ? ms : Math.max(0, Date.parse(until) - context.now());
    if (waitMs > MAX_DELAY_MS) {
      throw new BridgeflowError('INPUT_INVALID', `Delay until ${until} is more than 24 hours away`, {
        retryable: false,
      });
    }
    if (waitMs > 0) await context.sleep(waitMs);
    return items.map((item) => ({ port: 'main', json: item.json, from: [item.index] }));
  },
});
