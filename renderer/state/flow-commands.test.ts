import { describe, expect, it } from 'vitest';
import type { FlowNode } from '../../engine/contract/flow-document.ts';
import type { NodeDescription } from '../../engine/contract/node-description.ts';
import { copyFragment, pasteFragment } from './clipboard-commands.ts';
import {
  addNode,
  connect,
  connectionProblem,
  moveNodes,
  newFlowDocument,
  removeElements,
  renameNode,
  setParameter,
} from './flow-commands.ts';
import { emptyHistory, HISTORY_LIMIT, record, redo, undo } from './history.ts';

function description(type: string, overrides: Partial<NodeDescription> = {}): NodeDescription {
  return {
    type,
    version: 1,
    label: type.split('.')[1] ?? type,
    category: 'transform',
    icon: 'code',
    summary: '',
    docs: '',
    trigger: false,
    inputs: [{ name: 'main', label: 'Items' }],
    outputs: [
      { name: 'main', label: 'Items' },
      { name: 'error', label: 'Error', showLabel: true },
    ],
    credentials: [],
    defaults: { rules: [] },
    parametersJsonSchema: {},
    expressionParameters: [],
    summaryParameters: [],
    ...overrides,
  };
}

const trigger = description('core.manualTrigger', { trigger: true, inputs: [] });
const step = description('core.transform');
const router = description('core.switch', { dynamicOutputs: { parameter: 'rules', nameField: 'port' } });
const types = new Map([trigger, step, router].map((entry) => [entry.type, entry]));
const describe_ = (node: FlowNode) => types.get(node.type) ?? step;

//   start ──▶ a ──▶ b
function threeNodes() {
  let document = newFlowDocument('f');
  document = addNode(document, { id: 'start', description: trigger, position: { x: 0.4, y: 0 } });
  document = addNode(document, { id: 'a', description: step, position: { x: 200, y: 0 } });
  document = addNode(document, { id: 'b', description: step, position: { x: 400, y: 0 } });
  document = connect(
    document,
    { source: 'start', sourceHandle: 'main', target: 'a', targetHandle: 'main' },
    'e1',
  );
  return connect(document, { source: 'a', sourceHandle: 'main', target: 'b', targetHandle: 'main' }, 'e2');
}

describe('flow commands', () => {
  it('adds nodes with defaults, unique names and whole-pixel positions', () => {
    const document = threeNodes();
    expect(document.nodes.map((node) => node.name)).toEqual(['manualTrigger', 'transform', 'transform 2']);
    expect(document.nodes[0]?.position).toEqual({ x: 0, y: 0 });
    expect(document.nodes[1]?.parameters).toEqual({ rules: [] });
    expect(document.nodes[1]?.parameters).not.toBe(step.defaults);
  });

  it('refuses connections with the reason a user can act on', () => {
    const document = threeNodes();
    const problem = (source: string, target: string, sourceHandle = 'main') =>
      connectionProblem(document, { source, sourceHandle, target, targetHandle: 'main' }, describe_);
    expect(problem('a', 'a')).toBe('A node cannot be connected to itself');
    expect(problem('a', 'start')).toMatch(/is a trigger/);
    expect(problem('b', 'a')).toMatch(/would make a loop/);
    expect(problem('start', 'a')).toBe('These ports are already connected');
    expect(problem('a', 'b', 'nope')).toMatch(/has no output "nope"/);
    expect(problem('start', 'b')).toBeUndefined();
  });

  it('knows the outputs a switch gets from its rules', () => {
    let document = addNode(threeNodes(), { id: 's', description: router, position: { x: 0, y: 200 } });
    const wanted = { source: 's', sourceHandle: 'paid', target: 'b', targetHandle: 'main' };
    expect(connectionProblem(document, wanted, describe_)).toMatch(/no output "paid"/);
    document = setParameter(document, 's', ['rules', 0], { port: 'paid', condition: 'true' });
    expect(connectionProblem(document, wanted, describe_)).toBeUndefined();
  });

  it('removes nodes with their edges', () => {
    const document = removeElements(threeNodes(), { nodeIds: ['a'] });
    expect(document.nodes.map((node) => node.id)).toEqual(['start', 'b']);
    expect(document.edges).toEqual([]);
  });

  it('sets, replaces and removes nested parameters without touching the original', () => {
    const before = threeNodes();
    const withRow = setParameter(before, 'a', ['headers', 0, 'name'], 'x-id');
    expect(withRow.nodes[1]?.parameters.headers).toEqual([{ name: 'x-id' }]);
    expect(before.nodes[1]?.parameters.headers).toBeUndefined();
    const removed = setParameter(withRow, 'a', ['headers', 0], undefined);
    expect(removed.nodes[1]?.parameters.headers).toEqual([]);
  });

  it('renames only to free, non-empty names', () => {
    const document = threeNodes();
    expect(renameNode(document, 'a', '  ')).toBe('A node needs a name');
    expect(renameNode(document, 'a', 'transform 2')).toMatch(/already called/);
    const renamed = renameNode(document, 'a', 'Shape order');
    expect(typeof renamed !== 'string' && renamed.nodes[1]?.name).toBe('Shape order');
  });

  it('moves nodes', () => {
    const moved = moveNodes(threeNodes(), new Map([['b', { x: 10.6, y: 20 }]]));
    expect(moved.nodes[2]?.position).toEqual({ x: 11, y: 20 });
  });

  it('pastes copies with new ids and names, keeping the edges among them', () => {
    const document = threeNodes();
    const fragment = copyFragment(document, ['a', 'b']);
    if (!fragment) throw new Error('nothing copied');
    expect(fragment.edges.map((edge) => edge.id)).toEqual(['e2']);
    let counter = 0;
    const pasted = pasteFragment(document, fragment, { x: 50, y: 50 }, (prefix) => `${prefix}-${++counter}`);
    expect(pasted.nodeIds).toEqual(['node-1', 'node-2']);
    const names = pasted.document.nodes.map((node) => node.name);
    expect(new Set(names).size).toBe(names.length);
    expect(pasted.document.edges.at(-1)).toMatchObject({ source: 'node-1', target: 'node-2' });
    expect(pasted.document.nodes.at(-1)?.position).toEqual({ x: 450, y: 50 });
  });
});

describe('undo history', () => {
  it('undoes and redoes whole snapshots, and a new edit forgets the redo stack', () => {
    let history = emptyHistory<string>();
    history = record(history, 'v1');
    history = record(history, 'v2');
    const back = undo(history, 'v3');
    expect(back?.state).toBe('v2');
    const forward = back && redo(back.history, back.state);
    expect(forward?.state).toBe('v3');
    const branched = back && record(back.history, back.state);
    expect(branched?.future).toEqual([]);
    expect(undo(emptyHistory<string>(), 'v')).toBeUndefined();
  });

  it('keeps at most HISTORY_LIMIT steps', () => {
    let history = emptyHistory<number>();
    for (let index = 0; index < HISTORY_LIMIT + 50; index += 1) history = record(history, index);
    expect(history.past).toHaveLength(HISTORY_LIMIT);
    expect(history.past[0]).toBe(50);
  });
});
