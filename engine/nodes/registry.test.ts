import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CORE_NODE_TYPES, createCoreRegistry } from './core-node-types.ts';
import { defineNodeType, emit } from './node-type.ts';
import { NodeRegistry } from './registry.ts';

const router = defineNodeType({
  kind: 'item',
  description: {
    type: 'test.router',
    version: 2,
    label: 'Router',
    category: 'logic',
    icon: 'route',
    summary: 'Routes by rules',
    docs: '',
    trigger: false,
    inputs: [{ name: 'main', label: 'Items' }],
    outputs: [{ name: 'fallback', label: 'Fallback', showLabel: true }],
    dynamicOutputs: { parameter: 'rules', nameField: 'port' },
  },
  parameters: z.object({
    rules: z.array(z.object({ port: z.string() })).default([]),
    limit: z.number().default(5),
  }),
  executeItem: (json) => emit(json, 'fallback'),
});

const node = (parameters: Record<string, never> | { rules: { port: string }[] }) => ({
  id: 'r',
  name: 'R',
  type: 'test.router',
  typeVersion: 2,
  position: { x: 0, y: 0 },
  parameters,
});

describe('NodeRegistry', () => {
  it('gives every node type an error output port', () => {
    for (const description of createCoreRegistry().descriptions()) {
      expect(description.outputs.map((port) => port.name)).toContain('error');
    }
  });

  it('describes parameters as JSON Schema with defaults, for the editor', () => {
    const description = new NodeRegistry([router]).get('test.router', 2)?.description;
    expect(description?.defaults).toEqual({ rules: [], limit: 5 });
    expect(description?.parametersJsonSchema).toMatchObject({
      type: 'object',
      properties: { limit: { type: 'number' } },
    });
    expect(JSON.parse(JSON.stringify(description))).toEqual(description);
  });

  it('derives output ports from parameters where the type says so', () => {
    const registry = new NodeRegistry([router]);
    expect(
      registry.outputsOf(node({ rules: [{ port: 'us' }, { port: 'eu' }] })).map((port) => port.name),
    ).toEqual(['us', 'eu', 'fallback', 'error']);
  });

  it('knows types by version and tells unknown ones apart', () => {
    const registry = new NodeRegistry([router]);
    expect(registry.get('test.router', 1)).toBeUndefined();
    expect(registry.hasType('test.router')).toBe(true);
    expect(registry.latest('test.router')?.description.version).toBe(2);
    expect(registry.outputsOf({ ...node({}), type: 'vendor.x' })).toEqual([]);
  });

  it('refuses the same type and version twice', () => {
    expect(() => new NodeRegistry([router, router])).toThrow(/test.router@2 is registered twice/);
  });

  it('registers every core node type once', () => {
    expect(() => createCoreRegistry()).not.toThrow();
    expect(createCoreRegistry().descriptions()).toHaveLength(CORE_NODE_TYPES.length);
  });

  it('describes a node of an unknown type as a visible placeholder with the ports its edges use', () => {
    const registry = new NodeRegistry([router]);
    const unknown = { ...node({}), id: 'u', type: 'vendor.erp', typeVersion: 3 };
    const edges = [
      { id: 'a', source: 'x', sourceHandle: 'main', target: 'u', targetHandle: 'main' },
      { id: 'b', source: 'u', sourceHandle: 'done', target: 'y', targetHandle: 'main' },
    ];
    const description = registry.describeNode(unknown, edges);
    expect(description.label).toBe('Unknown node (vendor.erp v3)');
    expect(description.inputs.map((port) => port.name)).toEqual(['main']);
    expect(description.outputs.map((port) => port.name)).toEqual(['done']);
    expect(registry.describeNode(node({}), edges).label).toBe('Router');
  });
});
