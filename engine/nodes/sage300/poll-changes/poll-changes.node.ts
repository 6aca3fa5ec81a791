import { z } from 'zod';
import type { Sage300Record } from '../../../connectors/sage300/sage300-client.ts';
import { odata } from '../../../connectors/sage300/sage300-odata.ts';
import { parseResource } from '../../../connectors/sage300/sage300-resources.ts';
import type { JsonValue } from '../../../contract/flow-document.ts';
import { BridgeflowError } from '../../../errors/bridgeflow-error.ts';
import { defineNodeType, emit, type ItemOutput, type ParameterProblem } from '../../node-type.ts';
import { sage300Client, sage300Description, selectParameter } from '../sage300-node-support.ts';

const parameters = z.object({
  /** `module/resource`, e.g. `AR/ARCustomers`, `IC/ICItems`, `OE/OEOrders`. */
  resource: z.string().trim().default('AR/ARCustomers'),
  /** Date property that tells when a record changed. */
  changedField: z
    .string()
    .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'A Sage 300 property name, e.g. DateLastMaintained')
    .default('DateLastMaintained'),
  /** `ge` re-reads records changed on the watermark's day; `gt` may miss changes made later that day. */
  comparison: z.enum(['ge', 'gt']).default('ge'),
  select: selectParameter,
  /** ISO date used when the trigger input has no `since` (the first poll); blank reads everything. */
  initialSince: z.string().trim().default(''),
});

const DOCS = [
  'Starts a run with the records of a Sage 300 resource that changed since a watermark. The runtime polls on a schedule and hands the trigger `{"since": "<last watermark>"}`; in the designer, give it a sample such as `{"since": "2025-06-01"}`.',
  '',
  '- **Resource** is `module/resource` (`AR/ARCustomers`); **Changed field** the date property to compare, `DateLastMaintained` for customers.',
  '- Each record is one item on **Records**, read in 100-row pages; then one item `{watermark, since, count}` goes out on **Watermark**: the latest change date seen (or `since` when nothing changed). Store it for the next poll.',
  '- Sage keeps dates without a time of day (A10), so the default comparison `ge` re-reads records changed on the watermark’s day; make the next steps idempotent. `gt` reads each change once but misses changes made later on that same day.',
  '- Without `since` and **Initial since**, every record is read.',
].join('\n');

/** Polls a Sage 300 resource for records changed since a watermark. */
export const pollChangesNode = defineNodeType({
  kind: 'item',
  description: sage300Description({
    type: 'sage300.pollChanges',
    label: 'Sage 300: poll changes',
    summary: 'Start with records changed since the last poll',
    docs: DOCS,
    trigger: true,
    outputs: [
      { name: 'main', label: 'Records' },
      { name: 'watermark', label: 'Watermark', showLabel: true },
    ],
    summaryParameters: ['resource', 'changedField'],
  }),
  parameters,
  validate(values): ParameterProblem[] {
    try {
      parseResource(values.resource);
      return [];
    } catch (thrown) {
      return [{ parameter: 'resource', message: thrown instanceof Error ? thrown.message : String(thrown) }];
    }
  },
  async executeItem(json, context) {
    const { resource, changedField, comparison, select, initialSince } = context.parameters;
    const since = sinceOf(json) ?? (initialSince === '' ? undefined : initialSince);
    const filter = since === undefined ? undefined : odata[comparison](changedField, odata.dateTime(since));
    // The watermark is read from the records, so the changed field must come back.
    const properties =
      select.length === 0 || select.includes(changedField) ? select : [...select, changedField];
    const client = await sage300Client(context);
    const outputs: ItemOutput[] = [];
    let latest: { at: number; text: string } | undefined;
    for await (const record of client.records(parseResource(resource), { filter, select: properties })) {
      outputs.push(emit(record));
      latest = later(latest, record, changedField);
    }
    const watermark = latest?.text ?? since ?? null;
    outputs.push(emit({ watermark, since: since ?? null, count: outputs.length }, 'watermark'));
    return outputs;
  },
});

/** `since` of the trigger input; INPUT_INVALID when present but not text. */
function sinceOf(json: JsonValue): string | undefined {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return undefined;
  const since = json.since;
  if (since === undefined || since === null || since === '') return undefined;
  if (typeof since === 'string') return since;
  throw new BridgeflowError('INPUT_INVALID', `"since" must be an ISO date, not ${JSON.stringify(since)}`, {
    retryable: false,
  });
}

/** The later of the watermark so far and the record's change date (unreadable dates are skipped). */
function later(
  latest: { at: number; text: string } | undefined,
  record: Sage300Record,
  changedField: string,
): { at: number; text: string } | undefined {
  const value = record[changedField];
  if (typeof value !== 'string') return latest;
  const at = Date.parse(value);
  if (Number.isNaN(at) || (latest !== undefined && latest.at >= at)) return latest;
  return { at, text: value };
}
