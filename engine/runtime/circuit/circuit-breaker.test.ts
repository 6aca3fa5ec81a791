import { describe, expect, it } from 'vitest';
import { createFakeClock, createMemoryLogger } from '../../run/testing/test-services.ts';
import { createCircuitBreakers } from './circuit-breaker.ts';

// closed --5 failures--> open --cool-down--> half-open --trial ok--> closed
//                          ^                     |
//                          +----trial fails------+  (cool-down doubles, at most maxCoolDownMs)

const SAGE = ['sage300-erp'];
const settings = { failureThreshold: 3, coolDownMs: 1_000, maxCoolDownMs: 3_000 };

function setup() {
  const clock = createFakeClock();
  const logger = createMemoryLogger();
  const breakers = createCircuitBreakers(clock, logger, settings);
  const failTimes = (times: number) => {
    for (let index = 0; index < times; index += 1) breakers.failed(SAGE, SAGE);
  };
  const changes = () =>
    logger.entries
      .filter((entry) => entry.message === 'circuit breaker changed')
      .map((entry) => entry.fields?.to);
  return { clock, breakers, failTimes, changes };
}

describe('circuit breaker', () => {
  it('opens after the threshold of consecutive failures, and a success in between resets the count', () => {
    const { breakers, failTimes, changes } = setup();
    failTimes(2);
    breakers.succeeded(SAGE);
    failTimes(2);
    expect(breakers.allows(SAGE)).toBe(true);
    failTimes(1);
    expect(breakers.allows(SAGE)).toBe(false);
    expect(breakers.allows(['threedcart-store'])).toBe(true);
    expect(breakers.snapshot()).toEqual([
      { credentialId: 'sage300-erp', state: 'open', consecutiveFailures: 3, retryAt: expect.any(Number) },
    ]);
    expect(changes()).toEqual(['open']);
  });

  it('lets one trial job through after the cool-down and closes when it succeeds', async () => {
    const { clock, breakers, failTimes, changes } = setup();
    failTimes(3);
    await clock.sleep(999);
    expect(breakers.allows(SAGE)).toBe(false);
    await clock.sleep(1);
    expect(breakers.snapshot()[0]?.state).toBe('half-open');
    expect(breakers.allows(SAGE)).toBe(true);
    breakers.admitted(SAGE);
    expect(breakers.allows(SAGE)).toBe(false);
    breakers.succeeded(SAGE);
    expect(breakers.allows(SAGE)).toBe(true);
    expect(breakers.snapshot()[0]).toMatchObject({ state: 'closed', consecutiveFailures: 0 });
    expect(changes()).toEqual(['open', 'half-open', 'closed']);
  });

  it('re-opens when the trial fails, doubling the cool-down up to the maximum', async () => {
    const { clock, breakers, failTimes } = setup();
    failTimes(3);
    const coolDowns: number[] = [];
    for (let round = 0; round < 3; round += 1) {
      const retryAt = breakers.snapshot()[0]?.retryAt ?? 0;
      coolDowns.push(retryAt - clock.now());
      await clock.sleep(retryAt - clock.now());
      breakers.admitted(SAGE);
      breakers.failed(SAGE, SAGE);
    }
    expect(coolDowns).toEqual([1_000, 2_000, 3_000]);
    expect(breakers.allows(SAGE)).toBe(false);
  });

  it('lets another trial go when the trial failed for a reason that is not this connection', async () => {
    const { clock, breakers, failTimes } = setup();
    failTimes(3);
    await clock.sleep(1_000);
    breakers.admitted([...SAGE, 'threedcart-store']);
    breakers.failed([...SAGE, 'threedcart-store'], ['threedcart-store']);
    expect(breakers.snapshot()[0]?.state).toBe('half-open');
    expect(breakers.allows(SAGE)).toBe(true);
  });

  it('lets another trial go when the trial was withdrawn before it ran; closed and open breakers stay as they are', async () => {
    const { clock, breakers, failTimes } = setup();
    breakers.withdrawn(SAGE);
    expect(breakers.allows(SAGE)).toBe(true);
    failTimes(3);
    breakers.withdrawn(SAGE);
    expect(breakers.allows(SAGE)).toBe(false);
    await clock.sleep(1_000);
    breakers.admitted(SAGE);
    expect(breakers.allows(SAGE)).toBe(false);
    breakers.withdrawn(SAGE);
    expect(breakers.snapshot()[0]?.state).toBe('half-open');
    expect(breakers.allows(SAGE)).toBe(true);
  });
});
