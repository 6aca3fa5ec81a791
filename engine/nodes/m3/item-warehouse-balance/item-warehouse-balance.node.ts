import { z } from 'zod';
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

const DOCS = [
  'Reads an item’s balance in one warehouse with `MMS200MI/GetItmWhsBal` (reference example E6).',
  '',
  '- Quantities (text, as M3 sends them): `STQT` on-hand approved, `ALQT` allocated, `AV01` allocatable net (on-hand − allocated), `AVAL` allocatable on-hand, `AV02` available inventory (on-hand − reserved), `REQT` reserved, `QUQT` for inspection, `RJQT` rejected.',
  '- **Item number** and **Warehouse** are templates on the item, e.g. `{{ ITNO }}` and `100`.',
  '- An item not stocked in the warehouse fails the item with `CONNECTOR_VALIDATION` and M3’s message; **M3 available stock** sums several warehouses and counts such a warehouse as zero.',
].join('\n');

const parameters = z.object({
  itemNumber: z.string().trim().min(1).default('{{ ITNO }}'),
  warehouse: z.string().trim().min(1).default('{{ WHLO }}'),
  apiVersion: apiVersionParameter,
  outputField: outputFieldParameter,
});

/** MMS200MI/GetItmWhsBal for each item. */
export const itemWarehouseBalanceNode = defineNodeType({
  kind: 'item',
  description: {
    type: 'm3.itemWarehouseBalance',
    version: 1,
    label: 'M3 item warehouse balance',
    category: 'connector',
    icon: 'package',
    summary: 'Read an item’s stock in an Infor M3 warehouse (MMS200MI GetItmWhsBal)',
    docs: DOCS,
    trigger: false,
    inputs: [{ name: 'main', label: 'Items' }],
    outputs: [{ name: 'main', label: 'Balances' }],
    credentials: M3_CREDENTIALS,
    expressionParameters: ['itemNumber', 'warehouse'],
    summaryParameters: ['itemNumber', 'warehouse'],
  },
  parameters,
  validate: (parameters) =>
    templateProblems({ itemNumber: parameters.itemNumber, warehouse: parameters.warehouse }),
  async executeItem(json, context) {
    const { parameters } = context;
    const input = {
      WHLO: await requiredText(parameters.warehouse, json, 'warehouse'),
      ITNO: await requiredText(parameters.itemNumber, json, 'itemNumber'),
    };
    const client = await m3ClientOf(context);
    const { records } = await client.execute({ program: 'MMS200MI', transaction: 'GetItmWhsBal', input });
    return emit(placeOutput(json, records[0] ?? null, parameters.outputField));
  },
});
