import { describe, expect, it } from 'vitest';
import type { JsonValue } from '../../contract/flow-document.ts';
import { runFlow } from '../../run/executor.ts';
import { buildFlow } from '../../run/testing/flow-builder.ts';
import { createTestServices } from '../../run/testing/test-services.ts';
import { NodeRegistry } from '../registry.ts';
import { scheduleTriggerNode } from './schedule-trigger.node.ts';

const registry = new NodeRegistry([scheduleTriggerNode]);
const validate = (cron: string, timezone = '') =>
  scheduleTriggerNode.validate?.(scheduleTriggerNode.parameters.parse({ cron, timezone }));

/** tick ─▶ (out) */
async function tick(input: JsonValue): Promise<JsonValue[]> {
  const flow = buildFlow(
    [{ id: 'tick', type: 'core.scheduleTrigger', parameters: { cron: '0 6 * * 1-5' } }],
    [],
  );
  const trace = await runFlow({ flow, registry, services: createTestServices(), input: [input] });
  return trace.outputs.find((output) => output.nodeId === 'tick')?.items ?? [];
}

describe('core.scheduleTrigger', () => {
  it('accepts five-field cron expressions in an IANA time zone', () => {
    expect(validate('*/15 * * * *')).toEqual([]);
    expect(validate('0 6 * * 1-5', 'Europe/Stockholm')).toEqual([]);
  });

  it('names the problem of a cron expression or time zone it cannot use', () => {
    expect(validate('0 0 6 * * 1')).toEqual([
      { parameter: 'cron', message: expect.stringContaining('has 6') },
    ]);
    expect(validate('61 * * * *')).toEqual([
      { parameter: 'cron', message: expect.stringContaining('minute') },
    ]);
    expect(validate('0 6 * * *', 'Mars/Olympus')).toEqual([
      { parameter: 'timezone', message: '"Mars/Olympus" is not an IANA time zone' },
    ]);
  });

  it('emits the due time it was given, or the current time in a test run', async () => {
    expect(await tick({ scheduledAt: '2026-11-22T06:00:00.000Z' })).toEqual([
      { scheduledAt: '2026-11-22T06:00:00.000Z' },
    ]);
    expect(await tick({})).toEqual([{ scheduledAt: '2026-11-22T09:00:00.000Z' }]);
  });
});
