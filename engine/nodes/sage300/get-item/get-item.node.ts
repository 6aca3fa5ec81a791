import { z } from 'zod';
import { odata } from '../../../connectors/sage300/sage300-odata.ts';
import { SAGE300_RESOURCES } from '../../../connectors/sage300/sage300-resources.ts';
import { BridgeflowError } from '../../../errors/bridgeflow-error.ts';
import { defineNodeType, emit } from '../../node-type.ts';
import {
  expressionParameter,
  expressionProblems,
  resultPathParameter,
  sage300Client,
  sage300Description,
  selectParameter,
  textOf,
  withResult,
} from '../sage300-node-support.ts';

const parameters = z.object({
  /** JSONata on the item giving the item number, formatted (`A1-105/0`) or not (`A11050`). */
  itemNumber: expressionParameter('ItemNumber'),
  select: selectParameter,
  resultPath: resultPathParameter,
});

const DOCS = [
  'Reads an IC item (`IC/ICItems`) for each input item and outputs it: description, category, stocking unit, weight, units of measure.',
  '',
  '- **Item number** is a JSONata expression on the input; the formatted number (`A1-105/0`) and the unformatted one (`A11050`) both work.',
  '- An item Sage does not have fails with `CONNECTOR_NOT_FOUND`; wire the error port to handle unknown SKUs.',
].join('\n');

/** Reads a Sage 300 inventory item. */
export const getItemNode = defineNodeType({
  kind: 'item',
  description: sage300Description({
    type: 'sage300.getItem',
    label: 'Sage 300: get item',
    summary: 'Read an IC item by number',
    docs: DOCS,
    outputs: [{ name: 'main', label: 'Items' }],
    expressionParameters: ['itemNumber'],
    summaryParameters: ['itemNumber'],
  }),
  parameters,
  validate: (values) => expressionProblems(values, ['itemNumber']),
  async executeItem(json, context) {
    const { itemNumber, select, resultPath } = context.parameters;
    const wanted = await textOf(itemNumber, json, 'item number');
    const client = await sage300Client(context);
    // Which property is the entry key is unverified (A8, open question 4), and a formatted number's
    // `/` cannot travel in a URL path; a filter on both numbers works whichever form was given.
    const filter = odata.or(odata.eq('UnformattedItemNumber', wanted), odata.eq('ItemNumber', wanted));
    const [item] = await client.list(SAGE300_RESOURCES.items, { filter, select, limit: 1 });
    if (item === undefined) {
      throw new BridgeflowError('CONNECTOR_NOT_FOUND', `Sage 300 has no IC item ${wanted}`, {
        retryable: false,
      });
    }
    return emit(withResult(json, resultPath, item));
  },
});
