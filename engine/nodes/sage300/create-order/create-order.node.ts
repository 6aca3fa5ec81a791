import { z } from 'zod';
import { SAGE300_RESOURCES } from '../../../connectors/sage300/sage300-resources.ts';
import { BridgeflowError } from '../../../errors/bridgeflow-error.ts';
import { defineNodeType, emit } from '../../node-type.ts';
import {
  bodyOf,
  dryRunOutput,
  expressionParameter,
  expressionProblems,
  resultPathParameter,
  sage300Client,
  sage300Description,
  withResult,
} from '../sage300-node-support.ts';

const parameters = z.object({
  /** JSONata on the item giving the OEOrders entry; `$` sends the item (a mapped sales order). */
  body: expressionParameter('$'),
  resultPath: resultPathParameter,
});

const DOCS = [
  'Creates an OE sales order (`POST OE/OEOrders`) from each item and outputs the order Sage stored: its generated key `OrderUniquifier`, its `OrderNumber`, the lines Sage numbered and priced, the totals, and `LastShipmentNumber`/`LastInvoiceNumber` when the order ships and invoices at once (A6, S-DEV §7).',
  '',
  '- **Body** is a JSONata expression on the item; the default `$` sends the item itself, typically the output of a mapping to *Sage 300 sales order*. Leave `OrderNumber` out to let OE number the order.',
  '- A write is never repeated after an error Sage may have acted on. For exactly-once orders, put **Sage 300: find order** (by PO number) in front and create only on *Not found*.',
  '- A refused order fails with `CONNECTOR_VALIDATION` and Sage’s message (e.g. a PO number wider than 22).',
  '- In dry-run nothing is sent: the output is `{dryRun: true, message, request}`.',
].join('\n');

/** Creates a Sage 300 sales order. */
export const createOrderNode = defineNodeType({
  kind: 'item',
  description: sage300Description({
    type: 'sage300.createOrder',
    label: 'Sage 300: create sales order',
    summary: 'Create an OE sales order',
    docs: DOCS,
    outputs: [{ name: 'main', label: 'Orders' }],
    expressionParameters: ['body'],
    summaryParameters: ['body'],
  }),
  parameters,
  validate: (values) => expressionProblems(values, ['body']),
  async executeItem(json, context) {
    const { body, resultPath } = context.parameters;
    const order = await bodyOf(body, json, 'sales order');
    const client = await sage300Client(context);
    const result = await client.create(SAGE300_RESOURCES.orders, order);
    if (result.dryRun) return emit(withResult(json, resultPath, dryRunOutput(result.simulated, order)));
    const created = result.record;
    // The generated keys are what every later step (shipments, invoices, lookups) needs (A6).
    if (created?.OrderUniquifier === undefined || created.OrderNumber === undefined) {
      throw new BridgeflowError(
        'CONNECTOR_REMOTE_ERROR',
        'Sage 300 accepted the sales order but its answer has no OrderUniquifier or OrderNumber',
        { retryable: false, remote: { status: result.status } },
      );
    }
    return emit(withResult(json, resultPath, created));
  },
});
