import { z } from 'zod';
import { type JsonValue, JsonValueSchema } from '../../contract/flow-document.ts';
import type { RunTrace } from '../../contract/run-trace.ts';
import type { NodeRegistry } from '../../nodes/registry.ts';
import type { LoadedBundle } from '../serve/runtime-bundles.ts';

/** Why an item needs a person: a code (`lookupMiss`, a schema rule), the message, and where. */
export const ExceptionReasonSchema = z.object({
  code: z.string(),
  message: z.string(),
  /** The target field the reason is about, when the node names one. */
  target: z.string().optional(),
  nodeId: z.string(),
});

/** An item that left on an exception port, with the node and port it left on. */
export const ExceptionItemSchema = z.object({
  nodeId: z.string(),
  nodeName: z.string(),
  port: z.string(),
  item: JsonValueSchema,
  reasons: z.array(ExceptionReasonSchema),
});

export type ExceptionReason = z.infer<typeof ExceptionReasonSchema>;
export type ExceptionItem = z.infer<typeof ExceptionItemSchema>;

/** Where a flow's exception ports are: `nodeId` → names of its unconnected exception outputs. */
export type ExceptionPorts = ReadonlyMap<string, ReadonlySet<string>>;

/**
 * The outputs the node types mark with role `exception` (the mapping node's `exception`), per
 * node of the bundle's flow. Connected ones are left out: the flow handles those items itself.
 */
export function exceptionPortsOf(bundle: LoadedBundle, registry: NodeRegistry): ExceptionPorts {
  const wired = new Set(bundle.flow.edges.map((edge) => `${edge.source}\u0000${edge.sourceHandle}`));
  const ports = new Map<string, Set<string>>();
  for (const node of bundle.flow.nodes) {
    const outputs = registry.get(node.type, node.typeVersion)?.description.outputs ?? [];
    const names = outputs
      .filter((port) => port.role === 'exception' && !wired.has(`${node.id}\u0000${port.name}`))
      .map((port) => port.name);
    if (names.length > 0) ports.set(node.id, new Set(names));
  }
  return ports;
}

/**
 * The items a run left on exception ports. The executor keeps items on unconnected ports as the
 * run's outputs even in a summary trace, which is what the runtime records.
 */
export function exceptionItemsOf(trace: RunTrace, ports: ExceptionPorts): ExceptionItem[] {
  const items: ExceptionItem[] = [];
  for (const output of trace.outputs) {
    if (!ports.get(output.nodeId)?.has(output.port)) continue;
    for (const item of output.items) {
      items.push({
        nodeId: output.nodeId,
        nodeName: output.nodeName,
        port: output.port,
        item,
        reasons: reasonsOf(item, output.nodeId, output.nodeName),
      });
    }
  }
  return items;
}

const ReasonsFieldSchema = z.object({
  reasons: z.array(z.object({ code: z.string(), message: z.string(), target: z.string().optional() })),
});
const ReasonFieldSchema = z.object({ reason: z.string() });

/**
 * The reasons an exception item carries: the mapping node's `{reasons: [{target, code, message}]}`,
 * a plain `{reason}` from a transform or code node, or else only where it left.
 */
function reasonsOf(item: JsonValue, nodeId: string, nodeName: string): ExceptionReason[] {
  const listed = ReasonsFieldSchema.safeParse(item);
  if (listed.success && listed.data.reasons.length > 0) {
    return listed.data.reasons.map((reason) => ({ ...reason, nodeId }));
  }
  const single = ReasonFieldSchema.safeParse(item);
  if (single.success) return [{ code: 'exception', message: single.data.reason, nodeId }];
  return [{ code: 'exception', message: `The item left on the exception port of "${nodeName}"`, nodeId }];
}

/** The one-line reason of a list: the first, and how many more. */
export function summaryReason(reasons: readonly ExceptionReason[]): string {
  const [first] = reasons;
  if (!first) return 'No reason given';
  const more = reasons.length - 1;
  return more === 0 ? first.message : `${first.message} (and ${more} more)`;
}
