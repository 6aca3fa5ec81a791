import type { FlowDocument, JsonValue } from '../contract/flow-document.ts';
import { mappingSchema } from '../mapping/schemas/mapping-schemas.ts';
import type { RecordSchema } from '../mapping/schemas/record-schema.ts';
import { toZod } from '../mapping/schemas/record-zod.ts';
import { validateRecord } from '../mapping/schemas/validate-record.ts';
import type { NodeRegistry } from '../nodes/registry.ts';

/** The record each trigger's samples hold, by trigger type: what the sample editor validates against. */
const TRIGGER_RECORDS: Readonly<Record<string, string>> = {
  'threedcart.orderWebhook': 'threedcart.Order',
  'threedcart.ordersChanged': 'threedcart.Order',
};

/** The JSON Schema a sample of this flow must meet, or none when its trigger takes any JSON. */
export interface SampleSchema {
  schemaId: string | null;
  jsonSchema: Record<string, unknown> | null;
}

/**
 * The source schema of the flow's trigger as JSON Schema (from the record schema's zod form), for
 * Monaco's validation of the sample editor: a sample is one record or a list of them, as the
 * trigger receives it (3dcart's order webhook sends a list of orders).
 */
export function sampleSchemaOf(
  flow: FlowDocument,
  registry: NodeRegistry,
  triggerNodeId?: string,
): SampleSchema {
  const triggers = flow.nodes.filter(
    (node) => !node.disabled && registry.get(node.type, node.typeVersion)?.description.trigger === true,
  );
  const trigger = triggerNodeId ? triggers.find((node) => node.id === triggerNodeId) : triggers[0];
  const schemaId = trigger ? TRIGGER_RECORDS[trigger.type] : undefined;
  const schema = schemaId ? mappingSchema(schemaId) : undefined;
  if (!schemaId || !schema) return { schemaId: null, jsonSchema: null };
  // Draft-07 for Monaco's JSON service, which does not follow a `$schema` nested inside `anyOf`.
  const { $schema: _draft, ...record } = toZod(schema).toJSONSchema({ target: 'draft-7' });
  return {
    schemaId,
    jsonSchema: {
      $schema: 'http://json-schema.org/draft-07/schema#',
      title: `${schema.title} sample`,
      anyOf: [record, { type: 'array', items: record }],
    },
  };
}

/** The record schema of the flow's trigger (the first enabled trigger unless one is named). */
function triggerRecordOf(
  flow: FlowDocument,
  registry: NodeRegistry,
  triggerNodeId: string | undefined,
): { schemaId: string | undefined; schema: RecordSchema | undefined } {
  const triggers = flow.nodes.filter(
    (node) => !node.disabled && registry.get(node.type, node.typeVersion)?.description.trigger === true,
  );
  const trigger = triggerNodeId ? triggers.find((node) => node.id === triggerNodeId) : triggers[0];
  const schemaId = trigger ? TRIGGER_RECORDS[trigger.type] : undefined;
  return { schemaId, schema: schemaId ? mappingSchema(schemaId) : undefined };
}

/** A problem of a sample against its trigger's records, with its path (`[0].OrderItemList[2].ItemID`). */
export interface SampleProblem {
  path: string;
  message: string;
}

/**
 * Checks a sample against the trigger's source record schema with the mapping's own validator
 * (every problem, each naming the field, the limit and the value): one record, or each record of a
 * list. No problems when the trigger takes any JSON.
 */
export function checkSamplePayload(
  flow: FlowDocument,
  registry: NodeRegistry,
  payload: JsonValue,
  triggerNodeId?: string,
): { schemaId: string | null; problems: SampleProblem[] } {
  const { schemaId, schema } = triggerRecordOf(flow, registry, triggerNodeId);
  if (!schemaId || !schema) return { schemaId: null, problems: [] };
  const records = Array.isArray(payload) ? payload : [payload];
  const problems = records.flatMap((record, index) =>
    validateRecord(schema, record).map((problem) => ({
      path: Array.isArray(payload)
        ? `[${index}]${problem.path.startsWith('[') || problem.path === '' ? '' : '.'}${problem.path}`
        : problem.path,
      message: problem.message,
    })),
  );
  return { schemaId, problems };
}
