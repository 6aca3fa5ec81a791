import { z } from 'zod';
import type { JsonValue } from '../../contract/flow-document.ts';
import type { BatchOutput } from '../node-type.ts';
import { defineNodeType } from '../node-type.ts';
import { CodeSandbox } from './code-sandbox.ts';

const MEBIBYTE = 1_048_576;

const parameters = z.object({
  /** `perItem`: the code runs once per item and sees `item`; `allItems`: once, and sees `items`. */
  mode: z.enum(['perItem', 'allItems']).default('perItem'),
  /** A function body; `return` gives the output. */
  code: z
    .string()
    .min(1)
    .default('// item is the incoming item; return the outgoing one\nreturn { ...item };'),
  /** Time limit for all items together. */
  timeoutMs: z.number().int().min(10).max(600_000).default(5_000),
  /** Memory the code may use, input items included. */
  memoryLimitMb: z.number().int().min(1).max(1_024).default(64),
});

// One sandbox (one worker thread, started on first use and restarted after a hard stop) serves
// every code node of the process; calls queue. The worker is unref'd, so it never keeps the
// process alive.
let sharedSandbox: CodeSandbox | undefined;

function sandbox(): CodeSandbox {
  sharedSandbox ??= new CodeSandbox();
  return sharedSandbox;
}

/** Runs user JavaScript in QuickJS inside a worker thread, with time and memory limits. */
export const codeNode = defineNodeType({
  kind: 'batch',
  description: {
    type: 'core.code',
    version: 1,
    label: 'Code',
    category: 'transform',
    icon: 'code',
    summary: 'Run JavaScript on the items',
    docs: [
      'Runs your JavaScript in a sandbox (QuickJS in a worker thread): no files, network, `require` or `process`, and a time and memory limit.',
      '',
      "In **per item** mode the code runs once per item, sees it as `item` (also `$json`) and its position as `index`, and `return`s the output: an object for one item, an array for several, nothing to drop the item. In **all items** mode it sees `items` and returns the array of output items. `console.log` lines go to the run's log.",
      '',
      '```js',
      'const lines = item.OrderItemList ?? [];',
      'return { orderId: item.OrderID, units: lines.reduce((sum, line) => sum + line.ItemQuantity, 0) };',
      '```',
      '',
      'A failing item goes to the error port when it is wired; code that runs past the time limit or the memory limit stops the whole call.',
    ].join('\n'),
    trigger: false,
    inputs: [{ name: 'main', label: 'Items' }],
    outputs: [{ name: 'main', label: 'Items' }],
    summaryParameters: ['mode'],
  },
  parameters,
  async execute(items, context) {
    const { mode, code, timeoutMs, memoryLimitMb } = context.parameters;
    const result = await sandbox().runCode({
      code,
      mode,
      items: items.map((item) => item.json),
      timeoutMs,
      memoryLimitBytes: memoryLimitMb * MEBIBYTE,
      itemErrors: 'collect',
      signal: context.signal,
    });
    for (const line of result.logs) context.logger.info(line, { nodeId: context.node.id, source: 'console' });
    const everyInput = items.map((item) => item.index);
    const outputs: BatchOutput[] = result.outputs.map((output) => ({
      port: 'main',
      json: output.json satisfies JsonValue,
      // perItem outputs come from one input; allItems outputs from all of them.
      from: output.inputIndex === undefined ? everyInput : [output.inputIndex],
    }));
    return { outputs, failures: result.failures };
  },
});
