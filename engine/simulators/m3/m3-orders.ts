import { allocate } from './m3-stock.ts';
import type { BatchLine, CustomerOrder, M3Record, M3Store, OrderLine } from './m3-store.ts';
import { m3Number } from './m3-values.ts';

// Customer orders (OOHEAD/OOLINE) as OIS100MI shows them. Status codes per reference B9: a line's
// status is two digits, lowest/highest of its split quantities (2 left to allocate, 3 allocated);
// the header's ORSL/ORST are the lowest/highest line statuses; header STAT 20 = final/released.

/** Turns a confirmed batch order into a customer order, allocating stock line by line. */
export function createCustomerOrder(
  store: M3Store,
  batchHead: M3Record,
  batchLines: readonly BatchLine[],
): CustomerOrder {
  const lines = batchLines.map((line): OrderLine => {
    const balance = store.balance(line.ITNO, line.WHLO);
    const allocatedQuantity = balance === undefined ? 0 : allocate(balance, line.ORQT);
    return {
      PONR: line.PONR,
      POSX: 0,
      ITNO: line.ITNO,
      ITDS: store.data.items.get(line.ITNO)?.record.ITDS ?? '',
      WHLO: line.WHLO,
      ORQT: line.ORQT,
      SAPR: line.SAPR,
      ALQT: allocatedQuantity,
      DLQT: 0,
      IVQT: 0,
      DWDT: line.DWDT,
    };
  });
  const head: M3Record = {
    ORNO: store.nextOrderNumber(),
    CUNO: batchHead.CUNO ?? '',
    ORTP: batchHead.ORTP ?? '',
    FACI: batchHead.FACI ?? '',
    WHLO: batchHead.WHLO ?? '',
    ORDT: batchHead.ORDT ?? '',
    RLDT: batchHead.RLDT ?? '',
    CUOR: batchHead.CUOR ?? '',
    CUCD: batchHead.CUCD ?? '',
    DIVI: batchHead.DIVI ?? '',
    STAT: '20',
  };
  const order = { head, lines };
  store.addOrder(order);
  return order;
}

/** Two-digit line status: 22 nothing allocated, 23 part allocated, 33 all allocated. */
export function lineStatus(line: OrderLine): string {
  if (line.ALQT >= line.ORQT) return '33';
  return line.ALQT > 0 ? '23' : '22';
}

function statusRange(order: CustomerOrder): { lowest: string; highest: string } {
  const statuses = order.lines.map(lineStatus).sort();
  return { lowest: statuses[0] ?? '', highest: statuses.at(-1) ?? '' };
}

function netAmount(order: CustomerOrder): number {
  return order.lines.reduce((sum, line) => sum + line.ORQT * line.SAPR, 0);
}

/** OIS100MI/GetHead output (reference B5, abridged). */
export function orderHeadRecord(order: CustomerOrder, company: string): M3Record {
  const { lowest, highest } = statusRange(order);
  const amount = m3Number(Math.round(netAmount(order) * 100) / 100);
  const { head } = order;
  return {
    CONO: company,
    ORNO: head.ORNO ?? '',
    ORTP: head.ORTP ?? '',
    ORDT: head.ORDT ?? '',
    STAT: head.STAT ?? '',
    FACI: head.FACI ?? '',
    CUOR: head.CUOR ?? '',
    CUNO: head.CUNO ?? '',
    WHLO: head.WHLO ?? '',
    DIVI: head.DIVI ?? '',
    ORSL: lowest,
    ORST: highest,
    NTAM: amount,
    CUCD: head.CUCD ?? '',
    RLDT: head.RLDT ?? '',
    BRAM: amount,
    VTAM: '0',
  };
}

/** OIS100MI/LstHead output (reference B5, abridged). */
export function orderListRecord(order: CustomerOrder): M3Record {
  const { lowest, highest } = statusRange(order);
  const { head } = order;
  return {
    ORNO: head.ORNO ?? '',
    ORTP: head.ORTP ?? '',
    RLDT: head.RLDT ?? '',
    STAT: head.STAT ?? '',
    FACI: head.FACI ?? '',
    CUOR: head.CUOR ?? '',
    ORDT: head.ORDT ?? '',
    ORSL: lowest,
    ORST: highest,
  };
}

/** OIS100MI/GetLine output; LstLine adds the line key PONR/POSX (reference B5). */
export function orderLineRecord(order: CustomerOrder, line: OrderLine, withKey: boolean): M3Record {
  const key: M3Record = withKey ? { PONR: String(line.PONR), POSX: String(line.POSX) } : {};
  return {
    ORNO: order.head.ORNO ?? '',
    ...key,
    ITNO: line.ITNO,
    ITDS: line.ITDS,
    ORQT: m3Number(line.ORQT),
    WHLO: line.WHLO,
    SAPR: m3Number(line.SAPR),
    ORST: lineStatus(line),
    NLAM: m3Number(Math.round(line.ORQT * line.SAPR * 100) / 100),
    ALQT: m3Number(line.ALQT),
    DLQT: m3Number(line.DLQT),
    IVQT: m3Number(line.IVQT),
    CUCD: order.head.CUCD ?? '',
    DWDT: line.DWDT,
  };
}
