import type { JsonValue } from '../../engine/contract/flow-document.ts';
import type { NodePortItems, NodeTrace, RunTrace } from '../../engine/contract/run-trace.ts';

// Pure helpers of the test-run panel: what a node's badge says, a node's output by port (for
// pinning), and sample identity. No React, no host calls; tested under Node.

/** What a node did in a run, as its badge shows it (the same rules as the CLI's summary). */
export type BadgeOutcome = 'ok' | 'error' | 'exception' | 'skipped' | 'pinned';

export function badgeOutcome(node: NodeTrace): BadgeOutcome {
  if (node.pinned) return 'pinned';
  if (node.status === 'error' || node.errors.length > 0) return 'error';
  if (node.status !== 'ok') return 'skipped';
  return (node.portCounts.exception ?? 0) > 0 ? 'exception' : 'ok';
}

/** The badge's text: outcome, items in → out and time. */
export function badgeText(node: NodeTrace): string {
  const outcome = badgeOutcome(node);
  if (outcome === 'skipped') return node.status === 'disabled' ? 'disabled' : 'skipped';
  return `${outcome} ${node.itemsIn}→${node.itemsOut} · ${formatDuration(node.durationMs)}`;
}

export function formatDuration(ms: number): string {
  if (ms < 1) return '<1 ms';
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}

/** A node's trace in a run, by node id. */
export function nodeTraceOf(trace: RunTrace | undefined, nodeId: string): NodeTrace | undefined {
  return trace?.nodes.find((node) => node.nodeId === nodeId);
}

/** A node's output items by port, what "Pin output" keeps. */
export function outputsByPort(node: NodeTrace): NodePortItems {
  const ports: NodePortItems = {};
  for (const output of node.outputs ?? []) {
    const items = ports[output.port] ?? [];
    items.push(output.json);
    ports[output.port] = items;
  }
  return ports;
}

/** The output items of a node with their port, for the detail view. */
export function outputItems(node: NodeTrace): { port: string; json: JsonValue }[] {
  return (node.outputs ?? []).map(({ port, json }) => ({ port, json }));
}

/** A sample's key for lists and selection: `flow::orders/guest`. */
export function sampleKey(ref: { location: string; set: string; name: string }): string {
  return `${ref.location}:${ref.set}/${ref.name}`;
}

/** The title of a set in the samples list. */
export function setTitle(set: { location: string; set: string }): string {
  const place = set.location === 'flow' ? 'Beside the flow' : 'Workspace samples';
  return set.set === '' ? place : `${place} › ${set.set}`;
}

/** Parses the sample editor's text; the reason (with position) when it is not JSON. */
export function parseSampleText(
  text: string,
): { ok: true; value: JsonValue } | { ok: false; reason: string } {
  try {
    const value: JsonValue = JSON.parse(text);
    return { ok: true, value };
  } catch (thrown) {
    return { ok: false, reason: thrown instanceof Error ? thrown.message : String(thrown) };
  }
}
