import { httpRequestNode } from './http-request/http-request.node.ts';
import { manualTriggerNode } from './manual-trigger/manual-trigger.node.ts';
import type { NodeType } from './node-type.ts';
import { NodeRegistry } from './registry.ts';
import { setFieldsNode } from './set-fields/set-fields.node.ts';

/** Every node type this build ships, in palette order. Adding a type means adding it here. */
export const CORE_NODE_TYPES: readonly NodeType[] = [manualTriggerNode, setFieldsNode, httpRequestNode];

/** A registry of the core node types. */
export function createCoreRegistry(): NodeRegistry {
  return new NodeRegistry(CORE_NODE_TYPES);
}
