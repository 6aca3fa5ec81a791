import type { NodeTrace, RunTrace } from '../contract/run-trace.ts';

const STATUS_MARK: Record<NodeTrace['status'], string> = {
  ok: 'ok',
  error: 'FAILED',
  skipped: 'skipped',
  cancelled: 'cancelled',
  disabled: 'disabled',
};

/** Items of each output shown in the terminal; the rest are counted (the trace file has all). */
const SHOWN_ITEMS = 20;

/** The readable summary `bridgeflow run` prints: one line per node, then the final output. */
export function formatRunReport(trace: RunTrace): string {
  const lines: string[] = [];
  const mode = trace.dryRun ? ' (dry run: writes intercepted)' : '';
  lines.push(`Run ${trace.runId} of "${trace.flowName}"${mode}`, '');
  const rows = trace.nodes.map((node) => [
    STATUS_MARK[node.status],
    node.nodeName,
    `${node.itemsIn} → ${node.itemsOut}`,
    `${node.durationMs.toFixed(1)} ms`,
    nodeNote(node),
  ]);
  lines.push(...table([['status', 'node', 'items in → out', 'time', ''], ...rows]), '');
  for (const output of trace.outputs) {
    lines.push(`Output of "${output.nodeName}" (${output.port}): ${output.items.length} item(s)`);
    const shown = output.items.slice(0, SHOWN_ITEMS);
    lines.push(JSON.stringify(shown.length === 1 ? shown[0] : shown, null, 2));
    if (output.items.length > SHOWN_ITEMS) {
      lines.push(`… ${output.items.length - SHOWN_ITEMS} more item(s); write them all with --trace <file>`);
    }
    lines.push('');
  }
  if (trace.outputs.length === 0) lines.push('No output: no node left items on an unconnected port.', '');
  lines.push(verdict(trace));
  return `${lines.join('\n')}\n`;
}

function nodeNote(node: NodeTrace): string {
  const notes: string[] = [];
  if (node.error) notes.push(`${node.error.code}: ${node.error.message}`);
  const handled = node.errors.filter((error) => error.handling !== 'stoppedRun');
  if (handled.length > 0) notes.push(`${handled.length} item error(s) handled`);
  if (node.http.length > 0) {
    const dry = node.http.filter((exchange) => exchange.dryRun).length;
    notes.push(`${node.http.length} HTTP call(s)${dry > 0 ? `, ${dry} intercepted` : ''}`);
  }
  return notes.join('; ');
}

function verdict(trace: RunTrace): string {
  const time = `${trace.durationMs.toFixed(1)} ms`;
  if (trace.status === 'succeeded') {
    const handled = trace.itemErrorCount > 0 ? ` with ${trace.itemErrorCount} handled item error(s)` : '';
    return `Run succeeded in ${time}${handled}.`;
  }
  const error = trace.error;
  const where = error?.nodeName
    ? ` in node "${error.nodeName}"${error.itemIndex === undefined ? '' : ` on item ${error.itemIndex}`}`
    : '';
  const remote = error?.remote?.message ? ` (remote: ${error.remote.message})` : '';
  return `Run ${trace.status}${where} after ${time}: ${error?.code ?? ''} ${error?.message ?? ''}${remote}`.trimEnd();
}

/** Rows padded to aligned columns. */
export function table(rows: readonly string[][]): string[] {
  const widths: number[] = [];
  for (const row of rows) {
    for (const [column, cell] of row.entries()) widths[column] = Math.max(widths[column] ?? 0, cell.length);
  }
  return rows.map((row) =>
    row
      .map((cell, column) => cell.padEnd(widths[column] ?? 0))
      .join('  ')
      .trimEnd(),
  );
}
