import { z } from 'zod';
import { defineNodeType, emit, type ParameterProblem } from '../node-type.ts';
import { cronProblem } from './cron-schedule.ts';

const parameters = z.object({
  /** Five-field cron expression, read in `timezone`: `*\/15 * * * *`, `0 6 * * 1-5`. */
  cron: z.string().trim().default('0 * * * *'),
  /** IANA time zone; empty uses the flow's time zone setting. */
  timezone: z.string().trim().default(''),
});

const DOCS = [
  'Starts a run on a schedule when the flow runs in `bridgeflow serve`. **Cron** has the five classic fields (minute, hour, day of month, month, day of week), read in **Time zone** (empty: the flow’s time zone).',
  '',
  '- Each run gets one item `{ "scheduledAt": "<ISO time>" }`: the time the tick was due, not when it ran.',
  '- A tick runs once even across restarts or with two runtimes on the same database. Ticks missed while the runtime was down run once, for the latest one, when it starts again.',
  '- In the designer, a test run emits the current time.',
].join('\n');

/** Starts a run at the times of a cron expression (the runtime's scheduler enqueues each tick). */
export const scheduleTriggerNode = defineNodeType({
  kind: 'item',
  description: {
    type: 'core.scheduleTrigger',
    version: 1,
    label: 'Schedule trigger',
    category: 'trigger',
    icon: 'clock',
    summary: 'Starts the flow on a cron schedule',
    docs: DOCS,
    trigger: true,
    inputs: [],
    outputs: [{ name: 'main', label: 'Tick' }],
    summaryParameters: ['cron', 'timezone'],
  },
  parameters,
  validate(values): ParameterProblem[] {
    const message = cronProblem(values.cron, values.timezone);
    if (message === undefined) return [];
    return [{ parameter: message.includes('time zone') ? 'timezone' : 'cron', message }];
  },
  executeItem(json, context) {
    const given =
      typeof json === 'object' && json !== null && !Array.isArray(json) ? json.scheduledAt : undefined;
    const scheduledAt = typeof given === 'string' ? given : new Date(context.now()).toISOString();
    return emit({ scheduledAt });
  },
});
