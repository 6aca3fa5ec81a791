import { describe, expect, it } from 'vitest';
import { NodeRegistry } from '../registry.ts';
import { SAGE300_NODE_TYPES } from './index.ts';

describe('SAGE300_NODE_TYPES', () => {
  it('registers every Sage 300 node as version 1 with the erp credential of type sage300', () => {
    const registry = new NodeRegistry(SAGE300_NODE_TYPES);
    const descriptions = registry.descriptions();
    expect(descriptions.map((description) => description.type)).toEqual([
      'sage300.pollChanges',
      'sage300.findCustomer',
      'sage300.findOrder',
      'sage300.findRecord',
      'sage300.getItem',
      'sage300.getQuantities',
      'sage300.createCustomer',
      'sage300.updateCustomer',
      'sage300.createOrder',
      'sage300.createJournalBatch',
      'sage300.createReceiptBatch',
    ]);
    for (const description of descriptions) {
      expect(description).toMatchObject({
        version: 1,
        category: 'connector',
        credentials: [{ slot: 'erp', type: 'sage300', required: true }],
      });
      expect(description.parametersJsonSchema).toMatchObject({ type: 'object' });
    }
    expect(registry.get('sage300.findOrder', 1)?.description.outputs.map((port) => port.name)).toEqual([
      'found',
      'notFound',
      'error',
    ]);
    expect(registry.get('sage300.pollChanges', 1)?.description).toMatchObject({ trigger: true, inputs: [] });
  });
});
