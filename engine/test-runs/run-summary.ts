import type { NodeTrace, RunTrace } from '../contract/run-trace.ts';

/**
 * What a node did for one sample, as the canvas badge shows it: `exception` when items left on the
 * `exception` port (a record the ERP cannot take: unknown SKU, invalid field), `error` when the node
 * failed or had failing items, `skipped` when it did not run (nothing reached it, the run stopped
 * earlier or was cancelled, or the node is disabled).
 */
export type NodeOutcome = 'ok' | 'error' | 'exception' | 'skipped';

export function nodeOutcome(node: NodeTrace): NodeOutcome {
  if (node.status === 'error' || node.errors.length > 0) return 'error';
  if (node.status !== 'ok') return 'skipped';
  return (node.portCounts.exception ?? 0) > 0 ? 'exception' : 'ok';
}

/** One node over all the samples of a test run. */
export interface NodeSummary {
  nodeId: string;
  nodeName: string;
  type: string;
  /** Items in and out, summed over the samples. */
  itemsIn: number;
  itemsOut: number;
  /** Samples per outcome. */
  outcomes: Record<NodeOutcome, number>;
  /** Samples in which the node's output was pinned or taken from an earlier run. */
  pinned: number;
  /** Time spent in the node, summed over the samples. */
  durationMs: number;
  httpCalls: number;
}

/** A test run in numbers: samples by run status, and each node in execution order. */
export interface TestRunSummary {
  samples: number;
  succeeded: number;
  failed: number;
  cancelled: number;
  durationMs: number;
  nodes: NodeSummary[];
}

/** Sums the traces of one flow's runs node by node (a single run gives that run's per-node figures). */
export function summariseRuns(traces: readonly RunTrace[]): TestRunSummary {
  const nodes = new Map<string, NodeSummary>();
  for (const trace of traces) {
    for (const node of trace.nodes) {
      let summary = nodes.get(node.nodeId);
      if (!summary) {
        summary = emptySummary(node);
        nodes.set(node.nodeId, summary);
      }
      summary.itemsIn += node.itemsIn;
      summary.itemsOut += node.itemsOut;
      summary.outcomes[nodeOutcome(node)] += 1;
      if (node.pinned) summary.pinned += 1;
      summary.durationMs += node.durationMs;
      summary.httpCalls += node.http.length;
    }
  }
  const count = (status: RunTrace['status']) => traces.filter((trace) => trace.status === status).length;
  return {
    samples: traces.length,
    succeeded: count('succeeded'),
    failed: count('failed'),
    cancelled: count('cancelled'),
    durationMs: traces.reduce((sum, trace) => sum + trace.durationMs, 0),
    nodes: [...nodes.values()],
  };
}

function emptySummary(node: NodeTrace): NodeSummary {
  return {
    nodeId: node.nodeId,
    nodeName: node.nodeName,
    type: node.type,
    itemsIn: 0,
    itemsOut: 0,
    outcomes: { ok: 0, error: 0, exception: 0, skipped: 0 },
    pinned: 0,
    durationMs: 0,
    httpCalls: 0,
  };
}
