import { describe, expect, it } from 'vitest';
import { NodeRegistry } from '../registry.ts';
import { THREEDCART_NODE_TYPES } from './index.ts';

describe('THREEDCART_NODE_TYPES', () => {
  const registry = new NodeRegistry(THREEDCART_NODE_TYPES);

  it('lists every 3dcart node at version 1, each asking for a 3dcart store credential', () => {
    const descriptions = THREEDCART_NODE_TYPES.map(
      (nodeType) => registry.get(nodeType.description.type, 1)?.description,
    );
    expect(descriptions.map((description) => description?.type)).toEqual([
      'threedcart.orderWebhook',
      'threedcart.getOrders',
      'threedcart.ordersChanged',
      'threedcart.updateOrderStatus',
      'threedcart.updateShipment',
      'threedcart.getCustomer',
      'threedcart.saveCustomer',
      'threedcart.getProduct',
      'threedcart.setStock',
    ]);
    for (const description of descriptions) {
      expect(description?.credentials).toContainEqual({ slot: 'store', type: 'threedcart', required: true });
      expect(description?.category).toBe(description?.trigger ? 'trigger' : 'connector');
    }
  });

  it('gives editors defaults and a JSON Schema for every node', () => {
    expect(registry.get('threedcart.getOrders', 1)?.description.defaults).toEqual({
      mode: 'id',
      orderId: 'OrderID',
      invoiceNumber: 'InvoiceNumber',
      status: '"New"',
      from: 'from',
      to: 'to',
      pageSize: 300,
      timeoutMs: 30_000,
    });
    for (const { description } of THREEDCART_NODE_TYPES.map((nodeType) =>
      registry.latest(nodeType.description.type),
    ).filter((registered) => registered !== undefined)) {
      expect(description.parametersJsonSchema).toMatchObject({ type: 'object' });
    }
  });

  it('flags expression syntax errors at validation time', () => {
    const nodeType = registry.get('threedcart.getOrders', 1)?.nodeType;
    const parameters = nodeType?.parameters.parse({ orderId: 'OrderID +' });
    expect(nodeType?.validate?.(parameters)).toEqual([
      { parameter: 'orderId', message: expect.stringContaining('syntax error') },
    ]);
  });
});
