import { z } from 'zod';
import { defineNodeType, emit } from '../node-type.ts';

const parameters = z.object({
  /** A payload that is a JSON array starts one item per element (a file of several orders). */
  splitArray: z.boolean().default(true),
});

/** Starts a run from a sample payload: the designer's test runs and `bridgeflow run --input`. */
export const manualTriggerNode = defineNodeType({
  kind: 'item',
  description: {
    type: 'core.manualTrigger',
    version: 1,
    label: 'Manual / sample trigger',
    category: 'trigger',
    icon: 'play',
    summary: 'Starts the flow from a sample payload or a test run',
    docs: 'Starts a run with the payload you give it: a sample file in the designer, or `bridgeflow run --input sample.json`. When the payload is a JSON array and **Split array** is on, each element becomes its own item.',
    trigger: true,
    inputs: [],
    outputs: [{ name: 'main', label: 'Items' }],
    summaryParameters: ['splitArray'],
  },
  parameters,
  executeItem(json, context) {
    if (context.parameters.splitArray && Array.isArray(json)) return json.map((element) => emit(element));
    return emit(json);
  },
});
