import { describe, expect, it } from 'vitest';
import { createAlertGate } from './alert-gate.ts';

const MINUTE = 60_000;

describe('alert rate limit', () => {
  it('lets the first alert out, holds the next ones and releases the newest with their count', () => {
    const gate = createAlertGate<string>(15 * MINUTE);
    expect(gate.offer('first', 0)).toEqual({ alert: 'first', suppressed: 0 });
    expect(gate.offer('second', 1 * MINUTE)).toBeUndefined();
    expect(gate.offer('third', 2 * MINUTE)).toBeUndefined();
    expect(gate.pending).toBe(true);
    expect(gate.due(14 * MINUTE)).toBeUndefined();
    expect(gate.due(15 * MINUTE)).toEqual({ alert: 'third', suppressed: 1 });
    expect(gate.pending).toBe(false);
    expect(gate.due(40 * MINUTE)).toBeUndefined();
    // The interval counts from the last message, not from the held-back alerts.
    expect(gate.offer('fourth', 29 * MINUTE)).toBeUndefined();
    expect(gate.offer('fifth', 30 * MINUTE)).toEqual({ alert: 'fifth', suppressed: 1 });
  });

  it('sends every alert when the interval is zero', () => {
    const gate = createAlertGate<number>(0);
    expect([gate.offer(1, 0), gate.offer(2, 0)]).toEqual([
      { alert: 1, suppressed: 0 },
      { alert: 2, suppressed: 0 },
    ]);
  });
});
