import { describe, expect, it } from 'vitest';
import { constantOf, kindOf, switchKind } from './source-kinds.ts';

describe('field form sources', () => {
  it('turns typed text into the constant the target expects', () => {
    expect(constantOf('60', 'number')).toBe(60);
    expect(constantOf('19.95', 'any')).toBe(19.95);
    expect(constantOf('001', 'any')).toBe('001');
    expect(constantOf('60', 'string')).toBe('60');
    expect(constantOf('true', 'boolean')).toBe(true);
    expect(constantOf('Item', 'any')).toBe('Item');
  });

  it('keeps the source field when the kind changes to a function, lookup or condition', () => {
    const path = { path: 'BillingEmail' };
    expect(switchKind('fn', path, 'text.trim')).toEqual({ fn: 'text.trim', args: [path] });
    expect(switchKind('lookup', path, 'text.trim')).toEqual({ lookup: 'table', key: path });
    expect(kindOf({ if: path, ifTrue: { value: 'x' } })).toBe('if');
    expect(switchKind('value', { value: 3 }, 'text.trim')).toEqual({ value: 3 });
  });
});
