// `npm run bench`: prints the engine's throughput and trace memory as tables. Targets are in the
// table, not in timed tests, so a slow CI machine never fails the build.
import { measureThroughput, traceBytes } from './engine-throughput.bench.ts';
import { measureMapping } from './mapping.bench.ts';

const TARGET_NODE_EXECUTIONS_PER_SECOND = 300_000;
const ITEMS = 10_000;

async function main(): Promise<void> {
  console.log(
    `Engine: 10-node linear flow of set-fields nodes over ${ITEMS.toLocaleString('en-US')} items\n`,
  );
  const rows = [];
  for (const trace of ['full', 'summary'] as const) {
    const result = await measureThroughput(trace, ITEMS);
    rows.push({
      trace,
      'run (ms)': result.milliseconds.toFixed(1),
      'node-executions/s': Math.round(result.nodeExecutionsPerSecond).toLocaleString('en-US'),
      target: trace === 'full' ? `≥ ${TARGET_NODE_EXECUTIONS_PER_SECOND.toLocaleString('en-US')}` : '',
      verdict:
        trace === 'full'
          ? result.nodeExecutionsPerSecond >= TARGET_NODE_EXECUTIONS_PER_SECOND
            ? 'met'
            : 'MISSED'
          : '',
    });
  }
  console.table(rows);

  console.log('\nFull-trace memory (retained heap after GC), to check it grows linearly with items\n');
  const memoryRows = [];
  for (const items of [2_500, 5_000, 10_000, 20_000]) {
    const bytes = await traceBytes(items);
    memoryRows.push({
      items,
      'trace MB': (bytes / 1_048_576).toFixed(1),
      'bytes per item': Math.round(bytes / items),
      'bytes per item per node': Math.round(bytes / items / 10),
    });
  }
  console.table(memoryRows);

  const MAPPING_TARGET = 250_000;
  console.log('\nMapping: 5-line 3dcart order → Sage 300 order (same mapping, same run)\n');
  console.table(
    (await measureMapping()).map((result) => ({
      way: result.way,
      'orders/s': Math.round(result.ordersPerSecond).toLocaleString('en-US'),
      target: result.way === 'compiled' ? `≥ ${MAPPING_TARGET.toLocaleString('en-US')}` : '',
      verdict: result.way === 'compiled' ? (result.ordersPerSecond >= MAPPING_TARGET ? 'met' : 'MISSED') : '',
    })),
  );
}

await main();
