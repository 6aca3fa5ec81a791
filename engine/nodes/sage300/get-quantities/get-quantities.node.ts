import { z } from 'zod';
import type { Sage300Record } from '../../../connectors/sage300/sage300-client.ts';
import { odata } from '../../../connectors/sage300/sage300-odata.ts';
import { SAGE300_RESOURCES } from '../../../connectors/sage300/sage300-resources.ts';
import type { JsonValue } from '../../../contract/flow-document.ts';
import { defineNodeType, emit } from '../../node-type.ts';
import {
  expressionParameter,
  expressionProblems,
  optionalTextOf,
  resultPathParameter,
  sage300Client,
  sage300Description,
  textOf,
  withResult,
} from '../sage300-node-support.ts';

const parameters = z.object({
  /** JSONata on the item giving the item number; separators are dropped (see docs). */
  itemNumber: expressionParameter('ItemNumber'),
  /** Optional JSONata giving one IC location; blank reads every location. */
  location: z.string().trim().default(''),
  /** `perLocation`: one item per location. `total`: one item with the sums and the locations. */
  output: z.enum(['perLocation', 'total']).default('total'),
  resultPath: resultPathParameter,
});

const QUANTITIES = ['QuantityOnHand', 'QuantityCommitted', 'QuantityAvailableToShip'] as const;

const DOCS = [
  'Reads the quantities of an item per IC location (`IC/ICLocationDetails`: `QuantityOnHand`, `QuantityCommitted`, `QuantityAvailableToShip`, costs).',
  '',
  '- **Item number** and **Location** are JSONata expressions on the input item; a blank location reads every location.',
  '- The endpoint keys items by their unformatted number, so separators are dropped: `A1-105/0` is read as `A11050` (A8).',
  '- **Output** *total* gives one item `{ItemNumber, QuantityOnHand, QuantityCommitted, QuantityAvailableToShip, locations}` with the sums over the locations read (zeros when Sage has none); *perLocation* gives one item per location.',
  '- ICLocationDetails is not in Sage’s 2022 endpoint list: its availability depends on the Sage 300 version (A8, unverified).',
].join('\n');

/** Reads item quantities per location from Sage 300. */
export const getQuantitiesNode = defineNodeType({
  kind: 'item',
  description: sage300Description({
    type: 'sage300.getQuantities',
    label: 'Sage 300: get quantities',
    summary: 'Read on-hand and available quantities by item and location',
    docs: DOCS,
    outputs: [{ name: 'main', label: 'Quantities' }],
    expressionParameters: ['itemNumber', 'location'],
    summaryParameters: ['itemNumber', 'location'],
  }),
  parameters,
  validate: (values) => expressionProblems(values, ['itemNumber', 'location']),
  async executeItem(json, context) {
    const { itemNumber, location, output, resultPath } = context.parameters;
    const item = unformatted(await textOf(itemNumber, json, 'item number'));
    const at = await optionalTextOf(location, json, 'location');
    const byItem = odata.eq('ItemNumber', item);
    const filter = at === undefined ? byItem : odata.and(byItem, odata.eq('Location', at));
    const client = await sage300Client(context);
    const rows = await client.list(SAGE300_RESOURCES.locationDetails, { filter });
    if (output === 'perLocation') return rows.map((row) => emit(withResult(json, resultPath, row)));
    return emit(withResult(json, resultPath, totalOf(item, rows)));
  },
});

/** Sage stores item numbers without the structure code's separators (A8, S-AOM IC0319). */
function unformatted(itemNumber: string): string {
  return itemNumber.replace(/[^A-Za-z0-9]/g, '');
}

function totalOf(item: string, rows: readonly Sage300Record[]): JsonValue {
  const total: { [key: string]: JsonValue } = { ItemNumber: item };
  for (const name of QUANTITIES) {
    const sum = rows.reduce((subtotal, row) => subtotal + numberOf(row[name]), 0);
    // Quantities are decimals (A10); summing binary fractions must not leave 0.30000000000000004.
    total[name] = Math.round(sum * 10_000) / 10_000;
  }
  total.locations = [...rows];
  return total;
}

function numberOf(value: JsonValue | undefined): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : 0;
}
