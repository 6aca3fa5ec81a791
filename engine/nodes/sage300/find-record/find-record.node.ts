import { z } from 'zod';
import { odata } from '../../../connectors/sage300/sage300-odata.ts';
import { parseResource } from '../../../connectors/sage300/sage300-resources.ts';
import { defineNodeType, emit, type ParameterProblem } from '../../node-type.ts';
import {
  expressionParameter,
  expressionProblems,
  FOUND_PORTS,
  resultPathParameter,
  sage300Client,
  sage300Description,
  selectParameter,
  textOf,
  withResult,
} from '../sage300-node-support.ts';

const parameters = z.object({
  /** `{module}/{resource}`, e.g. `AR/ARReceiptAndAdjustmentBatches` (erp-apis.md A1). */
  resource: z.string().trim().min(1).default('AR/ARCustomers'),
  /** The property compared, e.g. `Description`. */
  property: z
    .string()
    .trim()
    .regex(/^[A-Za-z][A-Za-z0-9]*$/, 'must be a Sage property name')
    .default('CustomerNumber'),
  /** `eq` for the exact value, `startsWith` for a prefix (`$filter=startswith(...)`, A3). */
  operator: z.enum(['eq', 'startsWith']).default('eq'),
  /** JSONata on the item giving the value, e.g. `"3DC-" & OrderID`. */
  value: expressionParameter('CustomerNumber'),
  select: selectParameter,
  resultPath: resultPathParameter,
});

const DOCS = [
  'Looks up a record of any Sage 300 resource by one property and sends the item on **Found** or **Not found**: the general form of the find nodes, for the idempotency checks of flows that write other resources (an AR receipt batch whose Description carries the 3dcart order, a GL batch by reference).',
  '',
  '- **Resource** is `{module}/{resource}` as in the Web API URL, e.g. `AR/ARReceiptAndAdjustmentBatches`.',
  '- **Property** and **operator** build the `$filter`; the **value** (JSONata on the item) is quoted for the query, so any text is safe.',
  '- **Found** carries the first record (only the **Select** properties when set), or the item with it at **Result path**; **Not found** carries the item unchanged.',
].join('\n');

/** Finds one record of any Sage 300 resource by a property. */
export const findRecordNode = defineNodeType({
  kind: 'item',
  description: sage300Description({
    type: 'sage300.findRecord',
    label: 'Sage 300: find record',
    summary: 'Look up a record of any resource by one property',
    docs: DOCS,
    outputs: FOUND_PORTS,
    expressionParameters: ['value'],
    summaryParameters: ['resource', 'property'],
  }),
  parameters,
  validate(values) {
    const problems: ParameterProblem[] = [...expressionProblems(values, ['value'])];
    try {
      parseResource(values.resource);
    } catch (thrown) {
      problems.push({
        parameter: 'resource',
        message: thrown instanceof Error ? thrown.message : String(thrown),
      });
    }
    return problems;
  },
  async executeItem(json, context) {
    const { resource, property, operator, value, select, resultPath } = context.parameters;
    const text = await textOf(value, json, property);
    const filter = operator === 'eq' ? odata.eq(property, text) : odata.startsWith(property, text);
    const client = await sage300Client(context);
    const [record] = await client.list(parseResource(resource), { filter, select, limit: 1 });
    if (record === undefined) return emit(json, 'notFound');
    return emit(withResult(json, resultPath, record), 'found');
  },
});
