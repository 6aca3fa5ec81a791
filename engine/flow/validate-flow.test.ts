import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { FlowDocument, FlowEdge, FlowNode, JsonValue } from '../contract/flow-document.ts';
import { checkExpressionSyntax } from '../expressions/expression.ts';
import { defineNodeType, emit, type NodeDescriptionSpec } from '../nodes/node-type.ts';
import { NodeRegistry } from '../nodes/registry.ts';
import { problemsToText, validateFlow } from './validate-flow.ts';

const MAIN = [{ name: 'main', label: 'Main' }];
const pass = (json: JsonValue) => emit(json);

/** A test node type's description: one `main` input and output unless `extra` says otherwise. */
function spec(type: string, version: number, extra: Partial<NodeDescriptionSpec> = {}): NodeDescriptionSpec {
  const base = { label: type, category: 'utility', icon: 'box', summary: 'Test node', docs: '' } as const;
  return { ...base, type, version, trigger: false, inputs: MAIN, outputs: MAIN, ...extra };
}

const triggerSpec: Partial<NodeDescriptionSpec> = { category: 'trigger', trigger: true, inputs: [] };
const webhook = defineNodeType({
  kind: 'item',
  description: spec('test.webhook', 1, triggerSpec),
  parameters: z.object({ path: z.string().min(1) }),
  executeItem: pass,
});

const httpSchema = z.object({
  url: z.string(),
  method: z.enum(['GET', 'POST']).default('GET'),
  timeoutMs: z.number().int().positive().optional(),
});
const httpV1 = defineNodeType({
  kind: 'item',
  description: spec('test.http', 1),
  parameters: httpSchema,
  executeItem: pass,
});
const httpV2 = defineNodeType({
  kind: 'item',
  description: spec('test.http', 2),
  parameters: httpSchema,
  executeItem: pass,
});

// Outputs come from the rules (one port per rule), like a switch; conditions are JSONata.
const routerPorts = {
  outputs: [{ name: 'fallback', label: 'Fallback' }],
  dynamicOutputs: { parameter: 'rules', nameField: 'output' },
};
const router = defineNodeType({
  kind: 'item',
  description: spec('test.router', 1, routerPorts),
  parameters: z.object({ rules: z.array(z.object({ output: z.string().min(1), when: z.string() })) }),
  validate: (parameters) =>
    parameters.rules.flatMap((rule, index) => {
      const error = checkExpressionSyntax(rule.when);
      return error === undefined ? [] : [{ parameter: `rules[${index}].when`, message: error }];
    }),
  executeItem: pass,
});

const registry = new NodeRegistry([webhook, httpV1, httpV2, router]);

function node(
  id: string,
  type: string,
  parameters: FlowNode['parameters'],
  extra: Partial<FlowNode> = {},
): FlowNode {
  return { id, name: `Node ${id}`, type, typeVersion: 1, position: { x: 0, y: 0 }, parameters, ...extra };
}

function edge(source: string, target: string, sourceHandle = 'main', targetHandle = 'main'): FlowEdge {
  return { id: `${source}-${target}`, source, sourceHandle, target, targetHandle };
}

function flow(nodes: FlowNode[], edges: FlowEdge[] = []): FlowDocument {
  return {
    schemaVersion: 1,
    id: 'f',
    name: 'Flow',
    description: '',
    settings: { errorPolicy: 'stopRun', timezone: 'UTC' },
    nodes,
    edges,
  };
}

const trigger = node('in', 'test.webhook', { path: '/orders' });
const fetch = node('fetch', 'test.http', { url: 'https://example.com' }, { name: 'Fetch order' });

/** Problems as `CODE path: message` for compact assertions. */
function summary(document: FlowDocument): string[] {
  return validateFlow(document, registry).map(
    (problem) => `${problem.code} ${problem.path}: ${problem.message}`,
  );
}

describe('validateFlow', () => {
  it('accepts a well-formed flow', () => {
    // in → fetch
    expect(validateFlow(flow([trigger, fetch], [edge('in', 'fetch')]), registry)).toEqual([]);
  });

  // [parameters of "Fetch order", parameter reported, message]
  it.each<[FlowNode['parameters'], string, string]>([
    [{}, 'url', 'Required parameter "url" is missing'],
    [{ url: 'x', timeoutMs: '5s' }, 'timeoutMs', 'Parameter "timeoutMs" must be a number, got string'],
    [{ url: 'x', timeoutMs: 1.5 }, 'timeoutMs', 'Parameter "timeoutMs" must be a whole number, got 1.5'],
    [{ url: 'x', timeoutMs: 0 }, 'timeoutMs', 'Parameter "timeoutMs" must be more than 0, got 0'],
    [{ url: 'x', method: 'FETCH' }, 'method', 'Parameter "method" must be one of "GET", "POST", got "FETCH"'],
  ])('reports parameters %j at the parameter', (parameters, parameter, message) => {
    const problems = validateFlow(flow([trigger, { ...fetch, parameters }], [edge('in', 'fetch')]), registry);
    const path = `nodes[1].parameters.${parameter}`;
    const code = 'NODE_PARAMETERS_INVALID';
    expect(problems).toEqual([
      { severity: 'error', code, path, parameter, message, nodeId: 'fetch', nodeName: 'Fetch order' },
    ]);
  });

  it("reports the node type's own checks (JSONata syntax) at the parameter's path", () => {
    const route = node('route', 'test.router', {
      rules: [
        { output: 'paid', when: 'status = "paid"' },
        { output: 'x', when: 'status = (' },
      ],
    });
    const [problem, ...rest] = validateFlow(flow([trigger, route], [edge('in', 'route')]), registry);
    expect(rest).toEqual([]);
    expect(problem).toMatchObject({
      code: 'NODE_PARAMETERS_INVALID',
      path: 'nodes[1].parameters.rules[1].when',
      parameter: 'rules[1].when',
      nodeName: 'Node route',
    });
    expect(problem?.message).toContain('syntax error');
  });

  it('reports an unknown node type and keeps checking the rest of the flow', () => {
    const unknown = node('legacy', 'acme.legacyThing', { anything: true });
    expect(summary(flow([trigger, unknown], [edge('in', 'legacy')]))).toEqual([
      'UNKNOWN_NODE_TYPE nodes[1].type: Unknown node type "acme.legacyThing": this version of Bridgeflow cannot run it; the node is kept as it is',
    ]);
  });

  it('tells an unknown version of a known type apart from an unknown type', () => {
    expect(summary(flow([trigger, { ...fetch, typeVersion: 7 }], [edge('in', 'fetch')]))).toEqual([
      'UNKNOWN_NODE_VERSION nodes[1].typeVersion: Node type "test.http" has no version 7 in this version of Bridgeflow (newest: 2)',
    ]);
  });

  it('reports duplicate node ids, node names and edge ids', () => {
    const twin = { ...fetch, name: 'Fetch again' };
    const sameName = node('other', 'test.http', { url: 'x' }, { name: 'Fetch order' });
    const edges = [edge('in', 'fetch'), edge('in', 'fetch'), edge('in', 'other')];
    expect(summary(flow([trigger, fetch, twin, sameName], edges))).toEqual([
      'DUPLICATE_NODE_ID nodes[2].id: Node id "fetch" is also used by nodes[1]; node ids must be unique',
      'DUPLICATE_NODE_NAME nodes[3].name: Node name "Fetch order" is also used by nodes[1]; node names must be unique',
      'DUPLICATE_EDGE_ID edges[1].id: Edge id "in-fetch" is also used by edges[0]; edge ids must be unique',
    ]);
  });

  it('reports edges to and from nodes that do not exist', () => {
    expect(
      summary(flow([trigger, fetch], [edge('in', 'fetch'), edge('ghost', 'fetch'), edge('in', 'nowhere')])),
    ).toEqual([
      'EDGE_UNKNOWN_NODE edges[1].source: Edge "ghost-fetch" starts at node "ghost", which is not in the flow',
      'EDGE_UNKNOWN_NODE edges[2].target: Edge "in-nowhere" ends at node "nowhere", which is not in the flow',
    ]);
  });

  it('reports unknown ports and lists the valid ones, including the error port', () => {
    // in → fetch (from "oops" into "side")
    expect(summary(flow([trigger, fetch], [edge('in', 'fetch', 'oops', 'side')]))).toEqual([
      'EDGE_UNKNOWN_PORT edges[0].sourceHandle: Edge "in-fetch" leaves "Node in" from output "oops", which that node does not have; its outputs are "main", "error"',
      'EDGE_UNKNOWN_PORT edges[0].targetHandle: Edge "in-fetch" enters "Fetch order" at input "side", which that node does not have; its inputs are "main"',
    ]);
  });

  it('accepts output ports that come from parameters and rejects removed ones', () => {
    // in → route ─paid→ fetch, route ─refunded→ fetch (no such rule)
    const route = node('route', 'test.router', { rules: [{ output: 'paid', when: 'status = "paid"' }] });
    const edges = [
      edge('in', 'route'),
      edge('route', 'fetch', 'paid'),
      { ...edge('route', 'fetch', 'refunded'), id: 'r2' },
    ];
    expect(summary(flow([trigger, route, fetch], edges))).toEqual([
      'EDGE_UNKNOWN_PORT edges[2].sourceHandle: Edge "r2" leaves "Node route" from output "refunded", which that node does not have; its outputs are "paid", "fallback", "error"',
    ]);
  });

  it('reports an edge into a trigger', () => {
    // fetch → in
    expect(summary(flow([trigger, fetch], [edge('fetch', 'in')]))).toEqual([
      'EDGE_INTO_TRIGGER edges[0].target: Edge "fetch-in" goes into trigger "Node in"; a trigger starts the flow and takes no input',
    ]);
  });

  it('reports each loop once, naming its nodes in order', () => {
    // in → a → b → c → a, and d → d
    const [a, b, c, d] = ['a', 'b', 'c', 'd'].map((id) => node(id, 'test.http', { url: 'x' }));
    const edges = [edge('in', 'a'), edge('a', 'b'), edge('b', 'c'), edge('c', 'a'), edge('d', 'd')];
    expect(summary(flow([trigger, a!, b!, c!, d!], edges))).toEqual([
      'FLOW_CYCLE edges[3]: These nodes form a loop: "Node a" → "Node b" → "Node c" → "Node a"; items would go round forever, so remove one of these edges',
      'FLOW_CYCLE edges[4]: Node "Node d" is connected to itself; items would go round forever, so remove that edge',
    ]);
  });

  it('warns when no enabled trigger starts the flow', () => {
    const problems = validateFlow(
      flow([{ ...trigger, disabled: true }, fetch], [edge('in', 'fetch')]),
      registry,
    );
    expect(problems).toEqual([
      {
        severity: 'warning',
        code: 'FLOW_NO_TRIGGER',
        path: 'nodes',
        message: expect.stringContaining('no enabled trigger'),
      },
    ]);
  });

  it('checks disabled nodes too', () => {
    const problems = validateFlow(
      flow([trigger, { ...fetch, disabled: true, parameters: {} }], [edge('in', 'fetch')]),
      registry,
    );
    expect(problems.map((problem) => problem.path)).toEqual(['nodes[1].parameters.url']);
  });

  it('reports every problem at once, not just the first', () => {
    // in → fetch → ghost; stray → in; stray has an unknown type and fetch's name; fetch has no url
    const stray = node('stray', 'acme.unknown', {}, { name: 'Fetch order' });
    const edges = [edge('in', 'fetch'), edge('fetch', 'ghost'), edge('stray', 'in')];
    const problems = validateFlow(flow([trigger, { ...fetch, parameters: {} }, stray], edges), registry);
    expect(problems.map((problem) => [problem.code, problem.path])).toEqual([
      ['DUPLICATE_NODE_NAME', 'nodes[2].name'],
      ['NODE_PARAMETERS_INVALID', 'nodes[1].parameters.url'],
      ['UNKNOWN_NODE_TYPE', 'nodes[2].type'],
      ['EDGE_UNKNOWN_NODE', 'edges[1].target'],
      ['EDGE_INTO_TRIGGER', 'edges[2].target'],
    ]);
  });
});

describe('problemsToText', () => {
  it('prints one line per problem with severity, path and node', () => {
    const document = flow(
      [
        { ...trigger, disabled: true },
        { ...fetch, parameters: {} },
      ],
      [edge('in', 'fetch')],
    );
    expect(problemsToText(validateFlow(document, registry)).split('\n')).toEqual([
      'error  nodes[1].parameters.url (node "Fetch order"): Required parameter "url" is missing',
      'warning  nodes: The flow has no enabled trigger node, so nothing starts it once deployed; add a trigger such as a webhook or a schedule',
    ]);
  });
});
