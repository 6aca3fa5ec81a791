import { describe, expect, it } from 'vitest';
import type { FlowDocument } from '../contract/flow-document.ts';
import { formatFlow } from './flow-format.ts';
import { parseFlowText } from './load-flow.ts';

/** Written in scrambled key order on purpose: the formatter must not care. */
const flow: FlowDocument = {
  edges: [{ targetHandle: 'main', target: 'map', sourceHandle: 'main', source: 'in', id: 'e1' }],
  nodes: [
    {
      parameters: { path: '/orders', method: 'POST' },
      position: { y: 80, x: 120 },
      typeVersion: 1,
      type: 'test.webhook',
      name: 'New order',
      id: 'in',
    },
    {
      parameters: { zeta: { b: 2, a: [{ y: 1, x: 2 }] }, alpha: 'first', '10': 'ten', '2': 'two' },
      credentials: { sage: 'cred-1' },
      settings: { timeoutMs: 5000, retry: { backoffMs: 100, maxAttempts: 3 } },
      notes: 'Maps the order',
      disabled: true,
      position: { x: 400, y: 80 },
      typeVersion: 1,
      type: 'acme.notInThisBuild',
      name: 'Map order',
      id: 'map',
    },
  ],
  settings: { timezone: 'Europe/Berlin', errorPolicy: 'continue' },
  description: 'Seed flow',
  name: 'Orders',
  id: 'orders',
  schemaVersion: 1,
};

const expected = `{
  "schemaVersion": 1,
  "id": "orders",
  "name": "Orders",
  "description": "Seed flow",
  "settings": { "errorPolicy": "continue", "timezone": "Europe/Berlin" },
  "nodes": [
    {
      "id": "in",
      "name": "New order",
      "type": "test.webhook",
      "typeVersion": 1,
      "position": { "x": 120, "y": 80 },
      "parameters": { "method": "POST", "path": "/orders" }
    },
    {
      "id": "map",
      "name": "Map order",
      "type": "acme.notInThisBuild",
      "typeVersion": 1,
      "position": { "x": 400, "y": 80 },
      "disabled": true,
      "notes": "Maps the order",
      "credentials": { "sage": "cred-1" },
      "settings": {
        "retry": { "maxAttempts": 3, "backoffMs": 100 },
        "timeoutMs": 5000
      },
      "parameters": {
        "10": "ten",
        "2": "two",
        "alpha": "first",
        "zeta": {
          "a": [
            { "x": 2, "y": 1 }
          ],
          "b": 2
        }
      }
    }
  ],
  "edges": [
    {
      "id": "e1",
      "source": "in",
      "sourceHandle": "main",
      "target": "map",
      "targetHandle": "main"
    }
  ]
}
`;

describe('formatFlow', () => {
  it('writes the fixed key order, sorted parameters and short objects on one line', () => {
    expect(formatFlow(flow)).toBe(expected);
  });

  it('gives the same bytes when a formatted file is loaded and formatted again, unknown node types included', () => {
    const loaded = parseFlowText(expected);
    expect(loaded.problems).toEqual([]);
    expect(loaded.document?.nodes[1]?.type).toBe('acme.notInThisBuild');
    expect(formatFlow(loaded.document!)).toBe(expected);
  });

  it('writes a flow loaded without optional parts with its defaults, and is stable from then on', () => {
    const minimal = '{"schemaVersion":1,"id":"f","name":"F","nodes":[],"edges":[]}';
    const first = formatFlow(parseFlowText(minimal).document!);
    expect(first).toBe(
      '{\n  "schemaVersion": 1,\n  "id": "f",\n  "name": "F",\n  "description": "",\n' +
        '  "settings": { "errorPolicy": "stopRun", "timezone": "UTC" },\n  "nodes": [],\n  "edges": []\n}\n',
    );
    expect(formatFlow(parseFlowText(first).document!)).toBe(first);
  });

  it('breaks scalar lists and objects over lines once they pass 60 characters', () => {
    const long = {
      ...flow,
      nodes: [
        {
          ...flow.nodes[0]!,
          parameters: { fields: ['billing.email', 'billing.phone', 'shipping.address1', 'shipping.city'] },
        },
      ],
      edges: [],
    };
    expect(formatFlow(long)).toContain(
      '"parameters": {\n        "fields": [\n          "billing.email",\n          "billing.phone",\n          "shipping.address1",\n          "shipping.city"\n        ]\n      }',
    );
    const short = { ...long, nodes: [{ ...long.nodes[0]!, parameters: { fields: ['a', 'b'] } }] };
    expect(formatFlow(short)).toContain('"parameters": {\n        "fields": ["a", "b"]\n      }');
  });
});
