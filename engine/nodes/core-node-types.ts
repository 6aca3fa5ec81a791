import { aggregateNode } from './aggregate/aggregate.node.ts';
import { codeNode } from './code/code.node.ts';
import { delayNode } from './delay/delay.node.ts';
import { filterNode } from './filter/filter.node.ts';
import { httpRequestNode } from './http-request/http-request.node.ts';
import { ifNode } from './if/if.node.ts';
import { M3_NODE_TYPES } from './m3/index.ts';
import { manualTriggerNode } from './manual-trigger/manual-trigger.node.ts';
import { mappingNode } from './mapping/mapping.node.ts';
import { mergeNode } from './merge/merge.node.ts';
import type { NodeType } from './node-type.ts';
import { NodeRegistry } from './registry.ts';
import { SAGE300_NODE_TYPES } from './sage300/index.ts';
import { scheduleTriggerNode } from './schedule-trigger/schedule-trigger.node.ts';
import { setFieldsNode } from './set-fields/set-fields.node.ts';
import { splitItemsNode } from './split-items/split-items.node.ts';
import { stopAndErrorNode } from './stop-and-error/stop-and-error.node.ts';
import { switchNode } from './switch/switch.node.ts';
import { THREEDCART_NODE_TYPES } from './threedcart/index.ts';
import { transformNode } from './transform/transform.node.ts';
import { webhookTriggerNode } from './webhook-trigger/webhook-trigger.node.ts';

/** Every node type this build ships, in palette order. Adding a type means adding it here. */
export const CORE_NODE_TYPES: readonly NodeType[] = [
  manualTriggerNode,
  webhookTriggerNode,
  scheduleTriggerNode,
  setFieldsNode,
  mappingNode,
  transformNode,
  filterNode,
  ifNode,
  switchNode,
  splitItemsNode,
  aggregateNode,
  mergeNode,
  delayNode,
  httpRequestNode,
  codeNode,
  stopAndErrorNode,
  ...THREEDCART_NODE_TYPES,
  ...SAGE300_NODE_TYPES,
  ...M3_NODE_TYPES,
];

/** A registry of the core node types. */
export function createCoreRegistry(): NodeRegistry {
  return new NodeRegistry(CORE_NODE_TYPES);
}
