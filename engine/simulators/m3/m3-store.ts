// What the M3 simulator holds, indexed by key in Maps so every Get is a lookup (the simulator must
// serve thousands of simple GETs a second on one core). Table names in comments are M3's own.

/** One MI record: field name → value, every value a string (reference B4). */
export type M3Record = Record<string, string>;

/** An item (MITMAS) with the sales price order lines default to. */
export interface M3Item {
  readonly record: M3Record;
  readonly salesPrice: number;
}

export interface M3Warehouse {
  readonly WHLO: string;
  readonly FACI: string;
  readonly name: string;
}

/** Stock at one location of a warehouse (MITLOC). */
export interface M3Location {
  readonly WHSL: string;
  readonly BANO: string;
  STQT: number;
  ALQT: number;
}

/** An item in a warehouse (MITBAL); on-hand and allocated are the sums of its locations. */
export interface M3Balance {
  readonly ITNO: string;
  readonly WHLO: string;
  readonly FACI: string;
  readonly REQT: number;
  readonly QUQT: number;
  readonly RJQT: number;
  readonly IDDT: string;
  ODDT: string;
  readonly locations: M3Location[];
}

/** A batch order line (OIS275), before Confirm turns it into a customer order line. */
export interface BatchLine {
  readonly PONR: number;
  readonly ITNO: string;
  readonly WHLO: string;
  readonly ORQT: number;
  readonly SAPR: number;
  readonly DWDT: string;
}

/** One row of LstErrMsgOrder (fields per M-H5 `LstErrMsgOrderResponse.cs`). */
export interface BatchMessage {
  readonly LEVL: string;
  readonly MSID: string;
  readonly TX60: string;
}

/** A batch order: the temporary order AddBatchHead opens and Confirm turns into a customer order. */
export interface BatchOrder {
  /** ORNO (temporary), CUNO, ORTP, FACI, WHLO, ORDT, RLDT, CUOR, CUCD, STAT (batch status). */
  readonly head: M3Record;
  readonly lines: BatchLine[];
  readonly messages: BatchMessage[];
  /** The customer order number once confirmed, else empty. */
  orderNumber: string;
}

export interface OrderLine {
  readonly PONR: number;
  readonly POSX: number;
  readonly ITNO: string;
  readonly ITDS: string;
  readonly WHLO: string;
  readonly ORQT: number;
  readonly SAPR: number;
  readonly ALQT: number;
  readonly DLQT: number;
  readonly IVQT: number;
  readonly DWDT: string;
}

/** A customer order (OOHEAD with its OOLINE rows). */
export interface CustomerOrder {
  /** ORNO, CUNO, ORTP, FACI, WHLO, ORDT, RLDT, CUOR, CUCD, DIVI, STAT (header status). */
  readonly head: M3Record;
  readonly lines: OrderLine[];
}

/** Next numbers of the M3 number series the simulator hands out. */
export interface M3Counters {
  batchOrder: number;
  order: number;
  customer: number;
}

/** Everything the simulator holds; `seedM3Data` builds it and `reset` rebuilds it. */
export interface M3Data {
  readonly customers: Map<string, M3Record>;
  readonly items: Map<string, M3Item>;
  readonly warehouses: Map<string, M3Warehouse>;
  readonly orderTypes: ReadonlySet<string>;
  /** Keyed by {@link balanceKey}. */
  readonly balances: Map<string, M3Balance>;
  readonly batchOrders: Map<string, BatchOrder>;
  readonly orders: Map<string, CustomerOrder>;
  readonly counters: M3Counters;
}

export function balanceKey(itemNumber: string, warehouse: string): string {
  return `${itemNumber}\u0000${warehouse}`;
}

/** The data with the secondary indexes the list transactions need. */
export class M3Store {
  readonly data: M3Data;
  readonly #balancesByItem = new Map<string, M3Balance[]>();
  readonly #ordersByCustomer = new Map<string, string[]>();
  readonly #batchOrdersByCustomer = new Map<string, string[]>();
  #sortedCustomers: M3Record[] | undefined;

  constructor(data: M3Data) {
    this.data = data;
    for (const balance of data.balances.values()) append(this.#balancesByItem, balance.ITNO, balance);
    for (const list of this.#balancesByItem.values()) list.sort((a, b) => compare(a.WHLO, b.WHLO));
    for (const order of data.orders.values()) this.#indexOrder(order);
    for (const batch of data.batchOrders.values()) this.#indexBatchOrder(batch);
  }

  customer(customerNumber: string): M3Record | undefined {
    return this.data.customers.get(customerNumber);
  }

  addCustomer(record: M3Record & { CUNO: string }): void {
    this.data.customers.set(record.CUNO, record);
    this.#sortedCustomers = undefined;
  }

  /** Customers in customer-number order (LstByNumber), sorted once per change. */
  customersByNumber(): readonly M3Record[] {
    this.#sortedCustomers ??= [...this.data.customers.values()].sort((a, b) =>
      compare(a.CUNO ?? '', b.CUNO ?? ''),
    );
    return this.#sortedCustomers;
  }

  balance(itemNumber: string, warehouse: string): M3Balance | undefined {
    return this.data.balances.get(balanceKey(itemNumber, warehouse));
  }

  /** The item's balances in warehouse order. */
  balancesOfItem(itemNumber: string): readonly M3Balance[] {
    return this.#balancesByItem.get(itemNumber) ?? [];
  }

  addBatchOrder(batch: BatchOrder): void {
    this.data.batchOrders.set(batch.head.ORNO ?? '', batch);
    this.#indexBatchOrder(batch);
  }

  batchOrdersOf(customerNumber: string): readonly BatchOrder[] {
    const numbers = this.#batchOrdersByCustomer.get(customerNumber) ?? [];
    return numbers.flatMap((number) => this.data.batchOrders.get(number) ?? []);
  }

  addOrder(order: CustomerOrder): void {
    this.data.orders.set(order.head.ORNO ?? '', order);
    this.#indexOrder(order);
  }

  ordersOf(customerNumber: string): readonly CustomerOrder[] {
    const numbers = this.#ordersByCustomer.get(customerNumber) ?? [];
    return numbers.flatMap((number) => this.data.orders.get(number) ?? []);
  }

  /** The next temporary (batch) order number, e.g. `1000004701`. */
  nextBatchOrderNumber(): string {
    return String(this.data.counters.batchOrder++);
  }

  /** The next customer order number, ten digits with leading zeros, e.g. `0000010006` (E4). */
  nextOrderNumber(): string {
    return String(this.data.counters.order++).padStart(10, '0');
  }

  nextCustomerNumber(): string {
    return String(this.data.counters.customer++);
  }

  #indexOrder(order: CustomerOrder): void {
    append(this.#ordersByCustomer, order.head.CUNO ?? '', order.head.ORNO ?? '');
  }

  #indexBatchOrder(batch: BatchOrder): void {
    append(this.#batchOrdersByCustomer, batch.head.CUNO ?? '', batch.head.ORNO ?? '');
  }
}

function append<T>(index: Map<string, T[]>, key: string, value: T): void {
  const list = index.get(key);
  if (list === undefined) index.set(key, [value]);
  else list.push(value);
}

/** Code-point order, as M3 sorts its alpha keys (not locale order). */
export function compare(left: string, right: string): number {
  if (left === right) return 0;
  return left < right ? -1 : 1;
}
