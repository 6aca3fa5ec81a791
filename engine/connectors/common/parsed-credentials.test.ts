import { describe, expect, it } from 'vitest';
import { parsedOnce } from './parsed-credentials.ts';

describe('parsedOnce', () => {
  it('parses each distinct credential once, whatever object carries it, and keeps failures out', () => {
    let calls = 0;
    const parse = parsedOnce((fields) => {
      calls += 1;
      if (!fields.user) throw new Error('user is missing');
      return { user: fields.user.toUpperCase() };
    });
    const first = parse({ user: 'a' });
    expect(parse({ user: 'a' })).toBe(first);
    expect(parse({ user: 'b' })).toEqual({ user: 'B' });
    expect(calls).toBe(2);
    expect(() => parse({})).toThrow('user is missing');
    expect(() => parse({})).toThrow('user is missing');
    expect(calls).toBe(4);
    expect(Object.isFrozen(first)).toBe(true);
  });
});
