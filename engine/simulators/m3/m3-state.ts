import { orderHeadRecord, orderLineRecord } from './m3-orders.ts';
import { locationRecords, warehouseBalanceRecord } from './m3-stock.ts';
import type { M3Store } from './m3-store.ts';
import { m3Number } from './m3-values.ts';

/** Everything the simulator holds, as M3 records, for `GET /_admin/state`. */
export function m3State(store: M3Store, company: string): unknown {
  const { data } = store;
  return {
    customers: store.customersByNumber().map((customer) => ({ ...customer })),
    orders: [...data.orders.values()].map((order) => ({
      ...orderHeadRecord(order, company),
      lines: order.lines.map((line) => orderLineRecord(order, line, true)),
    })),
    batchOrders: [...data.batchOrders.values()].map((batch) => ({
      ...batch.head,
      orderNumber: batch.orderNumber,
      lines: batch.lines.map((line) => ({
        PONR: String(line.PONR),
        ITNO: line.ITNO,
        WHLO: line.WHLO,
        ORQT: m3Number(line.ORQT),
        SAPR: m3Number(line.SAPR),
        DWDT: line.DWDT,
      })),
      messages: batch.messages.map((message) => ({ ...message })),
    })),
    balances: [...data.balances.values()].map((balance) => ({
      ...warehouseBalanceRecord(balance),
      locations: locationRecords(balance, company),
    })),
  };
}
