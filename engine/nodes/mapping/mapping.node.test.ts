import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { JsonValue } from '../../contract/flow-document.ts';
import { validateFlow } from '../../flow/validate-flow.ts';
import { createSampleLookups } from '../../mapping/testing/sample-lookups.ts';
import { runFlow } from '../../run/executor.ts';
import { buildFlow } from '../../run/testing/flow-builder.ts';
import { createTestServices } from '../../run/testing/test-services.ts';
import { catalogPeople, catalogProducts } from '../../simulators/common/seed-catalog.ts';
import { createCoreRegistry } from '../core-node-types.ts';

const registry = createCoreRegistry();
const sageMapping: { [key: string]: JsonValue } = JSON.parse(
  readFileSync(
    new URL('../../../flows/mappings/threedcart-order-to-sage300-order.mapping.json', import.meta.url),
    'utf8',
  ),
);
const { resolver } = createSampleLookups(7);
const known = catalogProducts(7).find((product) => product.inErp && product.variants.length === 0);
const unknown = catalogProducts(7).find((product) => !product.inErp);
const customer = catalogPeople(7).find((person) => person.inErp);
const order = (sku: string | undefined, overrides: { [key: string]: JsonValue } = {}) => ({
  OrderID: 20931,
  InvoiceNumber: 1042,
  OrderDate: '2026-11-20T14:05:11',
  BillingFirstName: 'Ann',
  BillingLastName: 'Lee',
  BillingAddress: '12 Main St',
  BillingCity: 'Austin',
  BillingState: 'Texas',
  BillingZipCode: '78701',
  BillingCountry: 'US',
  BillingEmail: customer?.email.toUpperCase() ?? '',
  ShipmentList: [{ ShipmentAddress: '12 Main St', ShipmentCity: 'Austin', ShipmentMethodName: 'FedEx 2Day' }],
  OrderItemList: [{ ItemID: sku ?? '', ItemDescription: 'Thing', ItemQuantity: 2, ItemUnitPrice: 19.999 }],
  ...overrides,
});

// start ─▶ map ─▶ (records)
//              └─exception─▶ (exceptions)
const flow = buildFlow(
  [
    { id: 'start', type: 'core.manualTrigger' },
    { id: 'map', type: 'core.mapping', name: 'To Sage order', parameters: sageMapping },
  ],
  ['start -> map'],
);

describe('core.mapping', () => {
  it('maps an order onto a valid Sage 300 order, using the lookup tables', async () => {
    const trace = await runFlow({
      flow,
      registry,
      services: createTestServices({ lookups: resolver }),
      input: [order(known?.sku)],
    });
    expect(trace.status).toBe('succeeded');
    const [record] = trace.outputs.find((output) => output.port === 'main')?.items ?? [];
    expect(record).toMatchObject({
      CustomerNumber: customer?.sageCustomerNumber,
      PurchaseOrderNumber: '3DC-20931',
      OrderDate: '2026-11-20',
      BillToName: 'Ann Lee',
      BillToStateProvince: 'TX',
      ShipViaCode: 'FEDEX',
      OrderDetails: [
        { LineType: 'Item', Item: known?.sageItemNumber(), QuantityOrdered: 2, OrderUnitPrice: 20 },
      ],
    });
  });

  it('sends an order with an SKU the ERP does not know to the exception port, with the reason', async () => {
    const trace = await runFlow({
      flow,
      registry,
      services: createTestServices({ lookups: resolver }),
      input: [order(unknown?.sku)],
    });
    expect(trace.status).toBe('succeeded');
    const [exception] = trace.outputs.find((output) => output.port === 'exception')?.items ?? [];
    expect(exception).toMatchObject({
      reasons: expect.arrayContaining([
        {
          target: 'OrderDetails[0].Item',
          code: 'lookupMiss',
          message: `SKU '${unknown?.sku}' is not in table 'sku-to-sage-item'`,
        },
      ]),
      input: { OrderID: 20931 },
    });
  });

  it('sends a record that breaks the target schema to the exception port, naming the field and the limit', async () => {
    const tooLong = order(known?.sku, {
      BillingCity: 'Llanfairpwllgwyngyllgogerychwyrndrobwllllantysiliogogogoch',
    });
    const trace = await runFlow({
      flow,
      registry,
      services: createTestServices({ lookups: resolver }),
      input: [tooLong],
    });
    const [exception] = trace.outputs.find((output) => output.port === 'exception')?.items ?? [];
    expect(exception).toMatchObject({
      reasons: [
        { target: 'BillToCity', code: 'tooLong', message: expect.stringMatching(/BillToCity .* 30/) },
      ],
    });
  });

  it('reports unknown functions, JSONata syntax and unknown schemas when the flow is validated', () => {
    const broken = buildFlow(
      [
        { id: 'start', type: 'core.manualTrigger' },
        {
          id: 'map',
          type: 'core.mapping',
          parameters: {
            targetSchema: 'sage300.Nope',
            fields: [
              { target: 'A', source: { fn: 'no.such', args: [] } },
              { target: 'B', source: { expression: 'OrderID +' } },
            ],
          },
        },
      ],
      ['start -> map'],
    );
    const messages = validateFlow(broken, registry).map((problem) => `${problem.path}: ${problem.message}`);
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/parameters\.targetSchema: Unknown target schema "sage300.Nope"/),
        expect.stringMatching(/parameters\.fields\.1\.source\.expression: .*syntax error/),
      ]),
    );
  });
});
