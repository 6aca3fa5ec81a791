import { describe, expect, it } from 'vitest';
import { NodeRegistry } from '../registry.ts';
import { M3_NODE_TYPES } from './index.ts';

describe('M3_NODE_TYPES', () => {
  it('registers every M3 node as version 1 with the erp credential of type m3', () => {
    const registry = new NodeRegistry(M3_NODE_TYPES);
    const descriptions = registry.descriptions();
    expect(descriptions.map((description) => description.type)).toEqual([
      'm3.pollChanges',
      'm3.getCustomer',
      'm3.findCustomerByEmail',
      'm3.addCustomer',
      'm3.changeCustomer',
      'm3.createCustomerOrder',
      'm3.getOrderStatus',
      'm3.itemWarehouseBalance',
      'm3.availableStock',
      'm3.miTransaction',
    ]);
    for (const description of descriptions) {
      expect(description).toMatchObject({
        version: 1,
        category: 'connector',
        credentials: [{ slot: 'erp', type: 'm3', required: true }],
      });
      expect(description.parametersJsonSchema).toMatchObject({ type: 'object' });
    }
    expect(registry.get('m3.pollChanges', 1)?.description).toMatchObject({ trigger: true, inputs: [] });
    expect(registry.get('m3.pollChanges', 1)?.description.outputs.map((port) => port.name)).toEqual([
      'main',
      'watermark',
      'error',
    ]);
  });
});
