import { afterEach, describe, expect, it } from 'vitest';
import { M3Client } from '../../../connectors/m3/m3-client.ts';
import { type M3Harness, startM3Harness } from '../../../connectors/m3/m3-test-harness.ts';
import { BridgeflowError } from '../../../errors/bridgeflow-error.ts';
import { createBatchOrder } from './batch-order.ts';

let harness: M3Harness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

describe('createBatchOrder', () => {
  it('reads LstErrMsgOrder when Confirm leaves the batch order short of status 90', async () => {
    harness = await startM3Harness();
    const client = new M3Client(harness.context(), harness.basic());
    const customer = (
      await client.execute({ program: 'CRS610MI', transaction: 'LstByNumber', maxRecords: 1 })
    ).records[0]?.CUNO;
    let failure: unknown;
    try {
      // The node refuses an order without lines; M3 itself answers Confirm with status 20.
      await createBatchOrder(client, { CUNO: customer ?? '' }, []);
    } catch (thrown) {
      failure = thrown;
    }
    expect(failure).toBeInstanceOf(BridgeflowError);
    expect(failure).toMatchObject({
      code: 'CONNECTOR_VALIDATION',
      message: expect.stringMatching(
        /^Infor M3 rejected batch order \d{10} with status 20 \(head OK, lines missing\): WOR0301 Order lines are missing$/,
      ),
      details: { remote: { status: 200, code: 'WOR0301', message: 'WOR0301 Order lines are missing' } },
    });
    expect(harness.sent.map((request) => request.url.split('?')[0]?.split('/').at(-1))).toEqual([
      'LstByNumber',
      'AddBatchHead',
      'Confirm',
      'LstErrMsgOrder',
    ]);
  });
});
