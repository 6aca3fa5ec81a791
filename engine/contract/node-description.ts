import { z } from 'zod';
import { type FlowEdge, type FlowNode, JsonValueSchema } from './flow-document.ts';

/** Palette categories, in display order. */
export const NODE_CATEGORIES = ['trigger', 'transform', 'logic', 'connector', 'utility'] as const;

/** A named input or output port. */
export const PortDescriptionSchema = z.object({
  name: z.string(),
  label: z.string(),
  /** Shown as the edge label on the canvas for named ports (true/false, error, ...). */
  showLabel: z.boolean().optional(),
  /**
   * `exception`: items leaving on this output need a person (an SKU the ERP does not know, an
   * invalid record). Left unconnected, `bridgeflow serve` parks the job in its exception queue
   * with the items' reasons instead of counting it done; connected, the flow handles them itself.
   */
  role: z.enum(['exception']).optional(),
});

/**
 * What the editor needs to know about a node type: plain data, sent to the renderer as JSON.
 * The parameter form is generated from `parametersJsonSchema`.
 */
export const NodeDescriptionSchema = z.object({
  type: z.string(),
  version: z.number().int().positive(),
  label: z.string(),
  category: z.enum(NODE_CATEGORIES),
  /** Icon name from the renderer's icon set. */
  icon: z.string(),
  /** One line for the palette. */
  summary: z.string(),
  /** Markdown help shown in the inspector. */
  docs: z.string(),
  /** True for nodes that start a run (no inputs). */
  trigger: z.boolean(),
  inputs: z.array(PortDescriptionSchema),
  outputs: z.array(PortDescriptionSchema),
  /**
   * Outputs that depend on parameters: one output per element of `parameters[parameter]`,
   * named by that element's `nameField` (the switch node's rules).
   */
  dynamicOutputs: z.object({ parameter: z.string(), nameField: z.string() }).optional(),
  /** Credential slots the node accepts, by credential type. */
  credentials: z.array(z.object({ slot: z.string(), type: z.string(), required: z.boolean() })),
  /** Default parameters for a new node of this type. */
  defaults: z.record(z.string(), JsonValueSchema),
  /** JSON Schema of the parameters, generated from the node type's zod schema. */
  parametersJsonSchema: z.record(z.string(), z.unknown()),
  /** Parameter names (dotted) edited as JSONata expressions. */
  expressionParameters: z.array(z.string()),
  /** Parameter names shown in the node's one-line summary on the canvas. */
  summaryParameters: z.array(z.string()),
});

export type PortDescription = z.infer<typeof PortDescriptionSchema>;
export type NodeCategory = (typeof NODE_CATEGORIES)[number];
/** Editor-facing description of a node type. */
export type NodeDescription = z.infer<typeof NodeDescriptionSchema>;

/**
 * The description drawn for a node whose type this build does not know: a visible placeholder
 * ("Unknown node") with the ports its edges use, so the flow still draws, keeps the node's
 * parameters and saves them back unchanged (as Node-RED does). Shared by the engine's registry
 * and the designer.
 */
export function unknownNodeDescription(
  node: Pick<FlowNode, 'id' | 'type' | 'typeVersion'>,
  edges: readonly FlowEdge[],
): NodeDescription {
  const portsOf = (names: string[]): PortDescription[] =>
    [...new Set(names)].map((name) => ({ name, label: name, showLabel: name !== 'main' }));
  return {
    type: node.type,
    version: node.typeVersion,
    label: `Unknown node (${node.type} v${node.typeVersion})`,
    category: 'utility',
    icon: 'help-circle',
    summary: 'This version of Bridgeflow does not know this node type',
    docs: `The node type \`${node.type}\` version ${node.typeVersion} is not installed. The node is kept as it is, but the flow cannot run until it is replaced or the type is available.`,
    trigger: false,
    inputs: portsOf(edges.filter((edge) => edge.target === node.id).map((edge) => edge.targetHandle)),
    outputs: portsOf(edges.filter((edge) => edge.source === node.id).map((edge) => edge.sourceHandle)),
    credentials: [],
    defaults: {},
    parametersJsonSchema: {},
    expressionParameters: [],
    summaryParameters: [],
  };
}
