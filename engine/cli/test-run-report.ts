import type { TestRunResult } from '../test-runs/test-run-service.ts';
import { table } from './run-report.ts';

/**
 * What `bridgeflow run --sample-set/--env` prints: one line per sample (status, time, where its
 * items ended), the per-node summary over all samples (the figures the designer's badges show),
 * and a verdict line.
 */
export function formatTestRunReport(result: TestRunResult, flowName: string): string {
  const mode = result.dryRun ? ', writes intercepted' : '';
  const lines = [
    `Test run of "${flowName}" on ${countOf(result)} sample(s) in ${result.environment}${mode}`,
    '',
  ];
  const sampleRows = result.runs.map(({ sample, trace }) => [
    sample,
    trace.status,
    milliseconds(trace.durationMs),
    trace.error
      ? `${trace.error.code}${trace.error.nodeName ? ` in "${trace.error.nodeName}"` : ''}: ${trace.error.message}`
      : trace.outputs.map((output) => `${output.nodeId}:${output.port} ×${output.items.length}`).join(', '),
  ]);
  for (const sample of result.notRun) sampleRows.push([sample, 'not run', '', 'the run was cancelled first']);
  lines.push(...table([['sample', 'status', 'time', 'ended on'], ...sampleRows]), '');
  const nodeRows = result.summary.nodes.map((node) => [
    node.nodeName,
    String(node.outcomes.ok),
    String(node.outcomes.exception),
    String(node.outcomes.error),
    String(node.outcomes.skipped),
    `${node.itemsIn} → ${node.itemsOut}`,
    milliseconds(node.durationMs),
    [
      node.pinned > 0 ? `pinned in ${node.pinned}` : '',
      node.httpCalls > 0 ? `${node.httpCalls} HTTP call(s)` : '',
    ]
      .filter((note) => note !== '')
      .join('; '),
  ]);
  lines.push(
    ...table([['node', 'ok', 'exception', 'error', 'skipped', 'items in → out', 'time', ''], ...nodeRows]),
    '',
  );
  const { summary } = result;
  lines.push(
    `${summary.samples} run(s): ${summary.succeeded} succeeded, ${summary.failed} failed, ${summary.cancelled} cancelled` +
      `${result.notRun.length > 0 ? `, ${result.notRun.length} not run` : ''} in ${milliseconds(summary.durationMs)}.`,
  );
  return `${lines.join('\n')}\n`;
}

function countOf(result: TestRunResult): number {
  return result.runs.length + result.notRun.length;
}

function milliseconds(value: number): string {
  return value >= 10_000 ? `${(value / 1000).toFixed(1)} s` : `${value.toFixed(1)} ms`;
}
