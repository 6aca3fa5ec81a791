import type { M3Client, M3Record } from '../../../connectors/m3/m3-client.ts';
import { M3_SYSTEM } from '../../../connectors/m3/m3-errors.ts';
import type { JsonValue } from '../../../contract/flow-document.ts';
import { BridgeflowError } from '../../../errors/bridgeflow-error.ts';

// The batch customer order (reference/erp-apis.md B5, E4): AddBatchHead opens a batch order under a
// temporary ORNO, AddBatchLine adds each line to it, Confirm validates it and answers the final
// ORNO with the batch status. Only status 90 means "customer order created"; 15 error in head,
// 20 head OK but lines missing, 25 error in line, 30 credit stop and 55 abnormal interruption
// leave the order in OIS275, and LstErrMsgOrder says why.

const ORDER_CREATED = '90';

const BATCH_STATUS_TEXT: Readonly<Record<string, string>> = {
  '15': 'error in head',
  '20': 'head OK, lines missing',
  '25': 'error in line',
  '30': 'credit stop',
  '55': 'abnormal interruption',
};

/** What the order became. */
export interface BatchOrderResult {
  /** The customer order number (OIS300); null in dry-run. */
  orderNumber: string | null;
  /** The temporary batch order number (OIS275); null in dry-run. */
  batchOrderNumber: string | null;
  batchStatus: string | null;
  lines: { PONR: string; POSX: string; ITNO: string }[];
  dryRun?: boolean;
}

/** Temporary ORNO the recorded dry-run lines and Confirm carry, since AddBatchHead was not sent. */
const DRY_RUN_ORDER_NUMBER = 'DRYRUN';

/** Runs AddBatchHead → AddBatchLine × n → Confirm; throws a typed error naming the step that failed. */
export async function createBatchOrder(
  client: M3Client,
  head: Record<string, string>,
  lines: readonly Record<string, string>[],
): Promise<BatchOrderResult> {
  const opened = await client.execute({ program: 'OIS100MI', transaction: 'AddBatchHead', input: head });
  const batchOrderNumber = opened.dryRun ? DRY_RUN_ORDER_NUMBER : (opened.records[0]?.ORNO ?? '');
  if (batchOrderNumber === '') {
    throw new BridgeflowError('CONNECTOR_REMOTE_ERROR', `${M3_SYSTEM} AddBatchHead answered no ORNO`, {
      retryable: false,
    });
  }
  const added: BatchOrderResult['lines'] = [];
  for (const [index, line] of lines.entries()) {
    const input: Record<string, string> = { ...line, ORNO: batchOrderNumber };
    try {
      const { records } = await client.execute({ program: 'OIS100MI', transaction: 'AddBatchLine', input });
      added.push({ PONR: records[0]?.PONR ?? '', POSX: records[0]?.POSX ?? '', ITNO: input.ITNO ?? '' });
    } catch (thrown) {
      throw inStep(
        thrown,
        `Line ${index + 1} (${input.ITNO ?? 'no ITNO'}) of batch order ${batchOrderNumber}`,
      );
    }
  }
  const confirm = { program: 'OIS100MI', transaction: 'Confirm', input: { ORNO: batchOrderNumber } };
  const confirmed = await client.execute(confirm).catch((thrown: unknown) => {
    throw inStep(thrown, `Confirming batch order ${batchOrderNumber}`);
  });
  if (confirmed.dryRun) {
    return { orderNumber: null, batchOrderNumber: null, batchStatus: null, lines: added, dryRun: true };
  }
  const answer = confirmed.records[0] ?? {};
  const status = answer.STAT ?? '';
  if (status !== ORDER_CREATED) throw await rejection(client, batchOrderNumber, status);
  return { orderNumber: answer.ORNO ?? '', batchOrderNumber, batchStatus: status, lines: added };
}

/** The batch order was not created: the error messages M3 keeps for it, as one typed error. */
async function rejection(
  client: M3Client,
  batchOrderNumber: string,
  status: string,
): Promise<BridgeflowError> {
  const { records } = await client.execute({
    program: 'OIS100MI',
    transaction: 'LstErrMsgOrder',
    input: { ORNO: batchOrderNumber },
    maxRecords: 0,
  });
  const messages = records.map(messageOf).filter((message) => message !== '');
  const said = messages.length === 0 ? 'M3 listed no error messages' : messages.join('; ');
  const meaning = BATCH_STATUS_TEXT[status] ?? 'not created';
  return new BridgeflowError(
    'CONNECTOR_VALIDATION',
    `${M3_SYSTEM} rejected batch order ${batchOrderNumber} with status ${status} (${meaning}): ${said}`,
    {
      retryable: false,
      remote: { status: 200, code: records[0]?.MSID || `STAT ${status}`, message: said },
    },
  );
}

/** LstErrMsgOrder row: message id and text (fields per M-H5 `LstErrMsgOrderResponse.cs`). */
function messageOf(record: M3Record): string {
  const text = record.TX60 || record.MDTA || '';
  return record.MSID && !text.startsWith(record.MSID) ? `${record.MSID} ${text}` : text;
}

/** The same error, its message saying which step of the order failed. */
function inStep(thrown: unknown, step: string): unknown {
  if (!(thrown instanceof BridgeflowError)) return thrown;
  const { retryable, details } = thrown;
  return new BridgeflowError(thrown.code, `${step}: ${thrown.message}`, {
    ...details,
    retryable,
    cause: thrown,
  });
}

/** A JSON value as an object of M3 input records, or undefined. */
export function isRecordArray(value: JsonValue | undefined): value is { [key: string]: JsonValue }[] {
  return (
    Array.isArray(value) &&
    value.every((line) => typeof line === 'object' && line !== null && !Array.isArray(line))
  );
}
