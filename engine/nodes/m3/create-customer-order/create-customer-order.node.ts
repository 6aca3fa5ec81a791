import { z } from 'zod';
import type { JsonValue } from '../../../contract/flow-document.ts';
import { BridgeflowError } from '../../../errors/bridgeflow-error.ts';
import { defineNodeType, emit } from '../../node-type.ts';
import {
  apiVersionParameter,
  M3_CREDENTIALS,
  m3ClientOf,
  m3Fields,
  outputFieldParameter,
  partOf,
  placeOutput,
} from '../m3-node-support.ts';
import { createBatchOrder, isRecordArray } from './batch-order.ts';

const DOCS = [
  'Creates an M3 customer order the way M3 takes orders from outside: `OIS100MI/AddBatchHead` → `AddBatchLine` for each line → `Confirm`.',
  '',
  '- The item holds the head at **Head path** (fields of the `m3.OIS100MI.AddBatchHead` mapping target: `CUNO`, `ORTP`, `FACI`, `WHLO`, `ORDT`, `RLDT`, `CUOR`, …) and the lines at **Lines path** (`m3.OIS100MI.AddBatchLine`: `ITNO`, `ORQT`, `WHLO`, `SAPR`, …). The temporary `ORNO` is filled in for you.',
  '- After `Confirm` the batch status must be 90 (customer order created). Any other status (15 error in head, 20 lines missing, 25 error in line, 30 credit stop, 55 interrupted) fails the item with `CONNECTOR_VALIDATION` and the messages of `LstErrMsgOrder`.',
  '- Output: `{ orderNumber, batchOrderNumber, batchStatus, lines: [{PONR, POSX, ITNO}] }`, or the item with that at **Output field**.',
  '- A failed line or confirmation leaves the batch order in OIS275 (its number is in the error); a retry of the item starts a new batch order, so the customer order is never created twice.',
  '- In dry-run the three steps are recorded, not sent (lines carry `ORNO=DRYRUN`); the output has `dryRun: true` and no numbers.',
].join('\n');

const parameters = z.object({
  headPath: z.string().trim().default('head'),
  linesPath: z.string().trim().min(1).default('lines'),
  apiVersion: apiVersionParameter,
  outputField: outputFieldParameter,
});

/** OIS100MI batch order for each item. */
export const createCustomerOrderNode = defineNodeType({
  kind: 'item',
  description: {
    type: 'm3.createCustomerOrder',
    version: 1,
    label: 'M3 create customer order',
    category: 'connector',
    icon: 'shopping-cart',
    summary: 'Create an Infor M3 customer order (OIS100MI batch order)',
    docs: DOCS,
    trigger: false,
    inputs: [{ name: 'main', label: 'Orders' }],
    outputs: [{ name: 'main', label: 'Created orders' }],
    credentials: M3_CREDENTIALS,
    summaryParameters: ['headPath', 'linesPath'],
  },
  parameters,
  async executeItem(json, context) {
    const { parameters } = context;
    const head = m3Fields(partOf(json, parameters.headPath));
    const lines = partOf(json, parameters.linesPath);
    if (!isRecordArray(lines) || lines.length === 0) {
      throw new BridgeflowError(
        'INPUT_INVALID',
        `The item has no order lines at "${parameters.linesPath}" (an array of AddBatchLine records)`,
        { retryable: false, path: parameters.linesPath },
      );
    }
    const client = await m3ClientOf(context);
    const result = await createBatchOrder(client, head, lines.map(m3Fields));
    const output: { [key: string]: JsonValue } = { ...result };
    return emit(placeOutput(json, output, parameters.outputField));
  },
});
