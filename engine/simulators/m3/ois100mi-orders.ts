import { M3Error } from './m3-errors.ts';
import { orderHeadRecord, orderLineRecord, orderListRecord } from './m3-orders.ts';
import { allocatable, onHand } from './m3-stock.ts';
import type { CustomerOrder, M3Store } from './m3-store.ts';
import { type M3Program, value } from './m3-transaction.ts';
import { m3Number } from './m3-values.ts';

// OIS100MI reads of confirmed customer orders and of stock (reference B5).

function orderOf(store: M3Store, orderNumber: string): CustomerOrder {
  const order = store.data.orders.get(orderNumber);
  if (order === undefined) throw M3Error.orderNotFound(orderNumber);
  return order;
}

export const ois100miOrders: M3Program = {
  GetHead: {
    mandatory: ['ORNO'],
    execute: (input, { store, company }) => [orderHeadRecord(orderOf(store, value(input, 'ORNO')), company)],
  },
  LstHead: {
    mandatory: ['CUNO'],
    execute: (input, { store }) => {
      const customerNumber = value(input, 'CUNO');
      if (store.customer(customerNumber) === undefined) throw M3Error.customerInvalid(customerNumber);
      return store.ordersOf(customerNumber).map(orderListRecord);
    },
  },
  GetLine: {
    mandatory: ['ORNO', 'PONR'],
    execute: (input, { store }) => {
      const order = orderOf(store, value(input, 'ORNO'));
      const [number, suffix] = [Number(value(input, 'PONR')), Number(value(input, 'POSX') || '0')];
      const line = order.lines.find((candidate) => candidate.PONR === number && candidate.POSX === suffix);
      if (line === undefined) {
        throw M3Error.refused('WPO0103', `Order line ${number} does not exist`, 'PONR');
      }
      return [orderLineRecord(order, line, false)];
    },
  },
  LstLine: {
    mandatory: ['ORNO'],
    execute: (input, { store }) => {
      const order = orderOf(store, value(input, 'ORNO'));
      const itemNumber = value(input, 'ITNO');
      return order.lines
        .filter((line) => itemNumber === '' || line.ITNO === itemNumber)
        .map((line) => orderLineRecord(order, line, true));
    },
  },
  LstWarehBalance: {
    // Per warehouse: AV01 allocable on-hand − allocated, AV02 on-hand − reserved (reference B7).
    // The date fields are not modelled: LTDT/PFDT are today, LMDT the last issue date.
    mandatory: ['ITNO'],
    execute: (input, context) => {
      const itemNumber = value(input, 'ITNO');
      if (!context.store.data.items.has(itemNumber)) throw M3Error.itemNotFound(itemNumber);
      const today = context.today();
      return context.store.balancesOfItem(itemNumber).map((balance) => ({
        WHLO: balance.WHLO,
        AV01: m3Number(allocatable(balance)),
        AV02: m3Number(onHand(balance) - balance.REQT),
        LTDT: today,
        PFDT: today,
        LMDT: balance.ODDT,
      }));
    },
  },
};
