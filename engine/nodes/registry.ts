import { z } from 'zod';
import { type FlowEdge, type FlowNode, type JsonValue, JsonValueSchema } from '../contract/flow-document.ts';
import {
  type NodeDescription,
  type PortDescription,
  unknownNodeDescription,
} from '../contract/node-description.ts';
import type { NodeType } from './node-type.ts';

/** Every node has this output: items that failed go here when it is wired. */
export const ERROR_PORT: PortDescription = { name: 'error', label: 'Error', showLabel: true };

/** A registered node type with its computed, editor-facing description. */
export interface RegisteredNodeType {
  readonly nodeType: NodeType;
  readonly description: NodeDescription;
}

/**
 * Node types by type key and version. The list is explicit (see core-node-types.ts): nothing
 * registers itself by being imported.
 */
export class NodeRegistry {
  readonly #byKey = new Map<string, RegisteredNodeType>();
  readonly #latest = new Map<string, RegisteredNodeType>();

  constructor(nodeTypes: readonly NodeType[]) {
    for (const nodeType of nodeTypes) {
      const { type, version } = nodeType.description;
      const key = `${type}@${version}`;
      if (this.#byKey.has(key)) throw new Error(`Node type ${key} is registered twice`);
      const registered = { nodeType, description: describe(nodeType) };
      this.#byKey.set(key, registered);
      const latest = this.#latest.get(type);
      if (!latest || latest.description.version < version) this.#latest.set(type, registered);
    }
  }

  /** The node type for `type` at `version`, or undefined when this build does not know it. */
  get(type: string, version: number): RegisteredNodeType | undefined {
    return this.#byKey.get(`${type}@${version}`);
  }

  /** The newest version of `type`. */
  latest(type: string): RegisteredNodeType | undefined {
    return this.#latest.get(type);
  }

  /** Whether any version of `type` is known (to tell "unknown type" from "unknown version"). */
  hasType(type: string): boolean {
    return this.#latest.has(type);
  }

  /**
   * The description to show for a node on the canvas. A node whose type this build does not know
   * gets a visible placeholder ("Unknown node") with the ports its edges use, so the flow still
   * draws, keeps the node's parameters and saves them back unchanged (as Node-RED does).
   */
  describeNode(node: FlowNode, edges: readonly FlowEdge[]): NodeDescription {
    return this.get(node.type, node.typeVersion)?.description ?? unknownNodeDescription(node, edges);
  }

  /** Descriptions of the newest version of every type, for the palette. */
  descriptions(): NodeDescription[] {
    return [...this.#latest.values()].map((registered) => registered.description);
  }

  /** Input ports of a node; none for an unknown type. */
  inputsOf(node: FlowNode): PortDescription[] {
    return this.get(node.type, node.typeVersion)?.description.inputs ?? [];
  }

  /** Output ports of a node, including parameter-driven ones (switch rules) and `error`. */
  outputsOf(node: FlowNode): PortDescription[] {
    const description = this.get(node.type, node.typeVersion)?.description;
    if (!description) return [];
    const dynamic = description.dynamicOutputs;
    if (!dynamic) return description.outputs;
    const entries = node.parameters[dynamic.parameter];
    const named: PortDescription[] = [];
    if (Array.isArray(entries)) {
      for (const entry of entries) {
        const name = portName(entry, dynamic.nameField);
        if (name) named.push({ name, label: name, showLabel: true });
      }
    }
    return [...named, ...description.outputs];
  }
}

function portName(entry: JsonValue, field: string): string | undefined {
  if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) return undefined;
  const value = entry[field];
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

function describe(nodeType: NodeType): NodeDescription {
  const spec = nodeType.description;
  return {
    ...spec,
    outputs: [...spec.outputs, ERROR_PORT],
    credentials: spec.credentials ?? [],
    expressionParameters: spec.expressionParameters ?? [],
    summaryParameters: spec.summaryParameters ?? [],
    defaults: defaultsOf(nodeType.parameters),
    parametersJsonSchema: z.toJSONSchema(nodeType.parameters, { io: 'input', unrepresentable: 'any' }),
  };
}

/** The `.default()` of each top-level parameter. */
function defaultsOf(schema: z.ZodType): Record<string, JsonValue> {
  const defaults: Record<string, JsonValue> = {};
  if (!(schema instanceof z.ZodObject)) return defaults;
  for (const [key, field] of Object.entries(schema.shape)) {
    if (!(field instanceof z.ZodType)) continue;
    const parsed = JsonValueSchema.safeParse(field.safeParse(undefined).data);
    if (parsed.success) defaults[key] = parsed.data;
  }
  return defaults;
}
