import { z } from 'zod';
import type { JsonValue } from '../../../contract/flow-document.ts';
import { defineNodeType, emit } from '../../node-type.ts';
import {
  apiVersionParameter,
  M3_CREDENTIALS,
  m3ClientOf,
  outputFieldParameter,
  placeOutput,
  requiredText,
  templateProblems,
} from '../m3-node-support.ts';
import { describeLineStatus } from './order-status.ts';

const DOCS = [
  'Reads where a customer order stands with `OIS100MI/GetHead`: `STAT` (20 = released), `ORSL`/`ORST` (lowest/highest line status), amounts, dates.',
  '',
  '- **Order number** is a template on the item, e.g. `{{ orderNumber }}` (the number **M3 create customer order** returns).',
  '- Line statuses are two digits, the lowest and highest of a line’s split quantities: 2 left to allocate, 3 allocated, 4 on picking list, 6 delivered, 7 invoiced, 9 deleted. `lowestStatusText`/`highestStatusText` say it in words.',
  '- **Include lines** adds `lines` from `OIS100MI/LstLine` (`PONR`, `ITNO`, `ORQT`, `ALQT`, `DLQT`, `IVQT`, `ORST`, …).',
].join('\n');

const parameters = z.object({
  orderNumber: z.string().trim().min(1).default('{{ orderNumber }}'),
  includeLines: z.boolean().default(false),
  apiVersion: apiVersionParameter,
  outputField: outputFieldParameter,
});

/** OIS100MI/GetHead (and LstLine) for each item. */
export const getOrderStatusNode = defineNodeType({
  kind: 'item',
  description: {
    type: 'm3.getOrderStatus',
    version: 1,
    label: 'M3 get order status',
    category: 'connector',
    icon: 'clipboard-list',
    summary: 'Read the status of an Infor M3 customer order',
    docs: DOCS,
    trigger: false,
    inputs: [{ name: 'main', label: 'Items' }],
    outputs: [{ name: 'main', label: 'Orders' }],
    credentials: M3_CREDENTIALS,
    expressionParameters: ['orderNumber'],
    summaryParameters: ['orderNumber'],
  },
  parameters,
  validate: (parameters) => templateProblems({ orderNumber: parameters.orderNumber }),
  async executeItem(json, context) {
    const { parameters } = context;
    const orderNumber = await requiredText(parameters.orderNumber, json, 'orderNumber');
    const client = await m3ClientOf(context);
    const input = { ORNO: orderNumber };
    const { records } = await client.execute({ program: 'OIS100MI', transaction: 'GetHead', input });
    const head = records[0] ?? {};
    const output: { [key: string]: JsonValue } = {
      ...head,
      lowestStatusText: describeLineStatus(head.ORSL),
      highestStatusText: describeLineStatus(head.ORST),
    };
    if (parameters.includeLines) {
      const lines = await client.execute({
        program: 'OIS100MI',
        transaction: 'LstLine',
        input,
        maxRecords: 0,
      });
      output.lines = lines.records;
    }
    return emit(placeOutput(json, output, parameters.outputField));
  },
});
