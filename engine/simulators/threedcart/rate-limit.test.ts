import { afterEach, describe, expect, it } from 'vitest';
import { type Row, startTestSimulator, type ThreeDCartTestClient } from './threedcart-test-client.ts';

let client: ThreeDCartTestClient | undefined;
afterEach(async () => {
  await client?.running.close();
  client = undefined;
});

/** A clock the test moves by hand, so no test waits for the bucket to drain. */
function manualClock() {
  let now = Date.UTC(2025, 2, 4, 19, 0, 0);
  return {
    read: () => now,
    advance: (milliseconds: number) => {
      now += milliseconds;
    },
  };
}

async function statuses(api: ThreeDCartTestClient, count: number): Promise<number[]> {
  const result: number[] = [];
  for (let index = 0; index < count; index++) result.push((await api.get('OrderStatus/1')).status);
  return result;
}

describe('3dcart leaky-bucket rate limit (50 burst, 2/s)', () => {
  it('serves a burst of 50, answers 429 with Retry-After, and recovers as the bucket leaks', async () => {
    const clock = manualClock();
    const api = await startTestSimulator({ rateLimit: { burst: 50, perSecond: 2 }, clock: clock.read });
    client = api;
    expect(await statuses(api, 50)).toEqual(Array(50).fill(200));

    const refused = await api.get<Row[]>('OrderStatus/1');
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('1');
    expect(refused.body[0]).toMatchObject({ Key: 'Error', Status: '429' });

    clock.advance(500); // one request leaks out every 500 ms
    expect(await statuses(api, 2)).toEqual([200, 429]);

    clock.advance(10_000); // twenty more
    expect(await statuses(api, 21)).toEqual([...Array(20).fill(200), 429]);
  });

  it('does not count refused requests against the bucket', async () => {
    const clock = manualClock();
    const api = await startTestSimulator({ rateLimit: { burst: 3, perSecond: 1 }, clock: clock.read });
    client = api;
    expect(await statuses(api, 10)).toEqual([200, 200, 200, ...Array(7).fill(429)]);
    clock.advance(1_000);
    expect(await statuses(api, 2)).toEqual([200, 429]);
  });

  it('can be turned off for load tests', async () => {
    const api = await startTestSimulator({ rateLimit: false });
    client = api;
    expect(await statuses(api, 120)).toEqual(Array(120).fill(200));
  });
});
