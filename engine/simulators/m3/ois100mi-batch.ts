import { M3Error } from './m3-errors.ts';
import { createCustomerOrder } from './m3-orders.ts';
import type { BatchOrder, M3Record, M3Store, M3Warehouse } from './m3-store.ts';
import { type M3Context, type M3Input, type M3Program, pickFields, value } from './m3-transaction.ts';
import { m3Number } from './m3-values.ts';

// OIS100MI batch orders (reference B5): AddBatchHead opens a batch order under a temporary ORNO,
// AddBatchLine adds lines to it, Confirm validates it and creates the customer order, answering
// the final ORNO and the batch status (90 = customer order created; 20 = head OK, lines missing).

/**
 * Batch status of a head that has not been confirmed yet. Unverified: the reference lists only the
 * statuses Confirm leaves (15, 20, 25, 30, 55, 90), so the simulator uses 10 for "entered".
 */
const BATCH_ENTERED = '10';
const BATCH_LINES_MISSING = '20';
const BATCH_CREATED = '90';

const BATCH_HEAD_FIELDS: readonly string[] =
  'CONO ORNO CUNO ORTP FACI WHLO ORDT RLDT CUOR CUCD YREF STAT'.split(' ');

function warehouseOf(store: M3Store, warehouse: string): M3Warehouse {
  const found = store.data.warehouses.get(warehouse);
  if (found === undefined) throw M3Error.warehouseNotFound(warehouse);
  return found;
}

function batchOrderOf(store: M3Store, orderNumber: string): BatchOrder {
  const batch = store.data.batchOrders.get(orderNumber);
  if (batch === undefined) throw M3Error.orderNotFound(orderNumber);
  return batch;
}

/** A batch order that can still take lines or be confirmed. */
function openBatchOrder(store: M3Store, orderNumber: string): BatchOrder {
  const batch = batchOrderOf(store, orderNumber);
  if (batch.head.STAT === BATCH_CREATED) {
    const message = `Order ${orderNumber} is already confirmed as customer order ${batch.orderNumber}`;
    throw M3Error.refused('WOR0104', message, 'ORNO');
  }
  return batch;
}

function addBatchHead(input: M3Input, context: M3Context): M3Record[] {
  const { store } = context;
  const customerNumber = value(input, 'CUNO');
  const customer = store.customer(customerNumber);
  if (customer === undefined) throw M3Error.customerInvalid(customerNumber);
  // ORTP, WHLO and FACI default from the customer and its warehouse; without a value AddBatchHead
  // fails with a field error (reference B5, "practical notes" [U]).
  const orderType = value(input, 'ORTP') || (customer.ORTP ?? '');
  if (orderType === '') throw M3Error.refused('WOT0102', 'Order type must be entered', 'ORTP');
  if (!store.data.orderTypes.has(orderType)) {
    throw M3Error.refused('WOT0103', `Order type ${orderType} does not exist`, 'ORTP');
  }
  const warehouse = warehouseOf(store, value(input, 'WHLO') || (customer.WHLO ?? ''));
  const facility = value(input, 'FACI') || warehouse.FACI;
  if (![...store.data.warehouses.values()].some((known) => known.FACI === facility)) {
    throw M3Error.refused('WFA0103', `Facility ${facility} does not exist`, 'FACI');
  }
  const orderDate = value(input, 'ORDT') || context.today();
  const head: M3Record = {
    CONO: context.company,
    ORNO: store.nextBatchOrderNumber(),
    CUNO: customerNumber,
    ORTP: orderType,
    FACI: facility,
    WHLO: warehouse.WHLO,
    ORDT: orderDate,
    RLDT: value(input, 'RLDT') || orderDate,
    CUOR: value(input, 'CUOR'),
    CUCD: value(input, 'CUCD') || (customer.CUCD ?? ''),
    YREF: value(input, 'YREF'),
    DIVI: context.division,
    STAT: BATCH_ENTERED,
  };
  store.addBatchOrder({ head, lines: [], messages: [], orderNumber: '' });
  return [{ ORNO: head.ORNO ?? '' }];
}

function lineNumber(batch: BatchOrder, requested: string): number {
  const taken = new Set(batch.lines.map((line) => line.PONR));
  if (requested === '') return Math.max(0, ...taken) + 1;
  const number = Number(requested);
  if (taken.has(number)) throw M3Error.refused('WPO0104', `Order line ${number} already exists`, 'PONR');
  return number;
}

function addBatchLine(input: M3Input, context: M3Context): M3Record[] {
  const { store } = context;
  const batch = openBatchOrder(store, value(input, 'ORNO'));
  const itemNumber = value(input, 'ITNO');
  const item = store.data.items.get(itemNumber);
  if (item === undefined) throw M3Error.itemNotFound(itemNumber);
  const warehouse = warehouseOf(store, value(input, 'WHLO') || (batch.head.WHLO ?? '')).WHLO;
  if (store.balance(itemNumber, warehouse) === undefined) {
    throw M3Error.itemNotInWarehouse(itemNumber, warehouse);
  }
  const quantity = Number(value(input, 'ORQT') || '0');
  if (!(quantity > 0)) {
    throw M3Error.refused('WOR0202', 'Ordered quantity must be greater than zero', 'ORQT');
  }
  const price = value(input, 'SAPR');
  const number = lineNumber(batch, value(input, 'PONR'));
  batch.lines.push({
    PONR: number,
    ITNO: itemNumber,
    WHLO: warehouse,
    ORQT: quantity,
    SAPR: price === '' ? item.salesPrice : Number(price),
    DWDT: value(input, 'DWDT') || (batch.head.RLDT ?? ''),
  });
  return [{ PONR: String(number), POSX: '0', ATNR: '0' }];
}

function confirm(input: M3Input, context: M3Context): M3Record[] {
  const batch = openBatchOrder(context.store, value(input, 'ORNO'));
  batch.messages.length = 0;
  if (batch.lines.length === 0) {
    // Rejected, not an MI error: the caller must read STAT (and LstErrMsgOrder), as with real M3.
    batch.head.STAT = BATCH_LINES_MISSING;
    batch.messages.push({ LEVL: '1', MSID: 'WOR0301', TX60: 'Order lines are missing' });
    return [{ ORNO: batch.head.ORNO ?? '', STAT: BATCH_LINES_MISSING }];
  }
  const order = createCustomerOrder(context.store, batch.head, batch.lines);
  batch.head.STAT = BATCH_CREATED;
  batch.orderNumber = order.head.ORNO ?? '';
  return [{ ORNO: batch.orderNumber, STAT: BATCH_CREATED }];
}

function batchHeadRecord(batch: BatchOrder): M3Record {
  const lines = { NOLN: m3Number(batch.lines.length) };
  return { ...pickFields(batch.head, BATCH_HEAD_FIELDS), ...lines };
}

export const ois100miBatch: M3Program = {
  AddBatchHead: { mandatory: ['CUNO'], execute: addBatchHead },
  AddBatchLine: { mandatory: ['ORNO', 'ITNO'], execute: addBatchLine },
  Confirm: { mandatory: ['ORNO'], execute: confirm },
  GetBatchHead: {
    mandatory: ['ORNO'],
    execute: (input, { store }) => [batchHeadRecord(batchOrderOf(store, value(input, 'ORNO')))],
  },
  LstBatchHead: {
    mandatory: ['CUNO'],
    execute: (input, { store }) => store.batchOrdersOf(value(input, 'CUNO')).map(batchHeadRecord),
  },
  GetOrderNo: {
    mandatory: ['ORNO'],
    execute: (input, { store }) => {
      const batch = batchOrderOf(store, value(input, 'ORNO'));
      if (batch.orderNumber === '') {
        throw M3Error.refused('WOR0105', `Order ${batch.head.ORNO} has not been confirmed`, 'ORNO');
      }
      return [{ ORNR: batch.orderNumber }];
    },
  },
  LstErrMsgOrder: {
    mandatory: ['ORNO'],
    execute: (input, { store }) =>
      batchOrderOf(store, value(input, 'ORNO')).messages.map((message) => ({
        LEVL: message.LEVL,
        MDTA: `${message.MSID} ${message.TX60}`,
        TX60: message.TX60,
        MSID: message.MSID,
      })),
  },
};
