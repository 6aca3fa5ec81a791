import type { CompanyData } from './company-data.ts';
import { applyMoves, planLines } from './oe-order-lines.ts';
import { ADDRESS_PARTS, orderSchema } from './oe-order-schema.ts';
import { Sage300Failure } from './sage300-errors.ts';
import {
  completeRow,
  defaultsOf,
  isoDateTime,
  readEntity,
  roundMoney,
  type Sage300Row,
} from './sage300-fields.ts';
import type { ResourceContext, Sage300Resource } from './sage300-resource.ts';

// OE/OEOrders: GET and POST only (S-EP Aug 2022, A4); PUT/PATCH/DELETE answer 405 (A11). Key is the
// system-generated numeric `OrderUniquifier`; `OrderNumber` is generated unless the caller sends one
// (A6). The POST answer is the stored order with keys, prices, quantities and totals (S-DEV §7, E1).

/** Placeholder order number of a new order (A6, open question 6). */
export const NEW_ORDER_NUMBER = '*** NEW ***';

function invalid(message: string): Sage300Failure {
  return new Sage300Failure('RecordInvalid', message);
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

function requireCustomer(data: CompanyData, customerNumber: unknown): Sage300Row {
  if (typeof customerNumber !== 'string' || customerNumber === '')
    throw invalid('CustomerNumber is required.');
  const customer = data.customers.get(customerNumber);
  if (customer === undefined) throw invalid(`Customer ${customerNumber} does not exist.`);
  if (customer.Status === 'Inactive') throw invalid(`Customer ${customerNumber} is inactive.`);
  // Order entry refuses customers on hold [U: Sage may allow it with a warning].
  if (customer.OnHold === 'Yes') throw invalid(`Customer ${customerNumber} is on hold.`);
  return customer;
}

function orderNumberFor(data: CompanyData, sent: unknown): string {
  if (typeof sent === 'string' && sent !== '' && sent !== NEW_ORDER_NUMBER) {
    if (data.orderKeysByNumber.has(sent))
      throw new Sage300Failure('RecordDuplicate', `Order number ${sent} already exists.`);
    return sent;
  }
  let number = `ORD${pad(data.counters.orderNumber, 6)}`;
  while (data.orderKeysByNumber.has(number)) number = `ORD${pad(++data.counters.orderNumber, 6)}`;
  return number;
}

/**
 * Ship-to and bill-to default from the customer's address, but only when the caller sent no part of
 * that address: a half-sent address is not completed from another one [U].
 */
function defaultAddresses(header: Sage300Row, payload: Sage300Row, customer: Sage300Row): void {
  for (const prefix of ['ShipTo', 'BillTo']) {
    if (ADDRESS_PARTS.some(([suffix]) => payload[`${prefix}${suffix}`] !== undefined)) continue;
    for (const [suffix, , customerField] of ADDRESS_PARTS)
      header[`${prefix}${suffix}`] = customer[customerField] ?? '';
  }
}

function requireCode(code: unknown, exists: (code: string) => boolean, what: string): void {
  if (typeof code === 'string' && code !== '' && !exists(code))
    throw invalid(`${what} ${code} does not exist.`);
}

function orderHeader(context: ResourceContext, payload: Sage300Row, customer: Sage300Row): Sage300Row {
  const { data } = context;
  const header = completeRow(orderSchema, payload);
  const orderDate = typeof payload.OrderDate === 'string' ? payload.OrderDate : today(context);
  defaultAddresses(header, payload, customer);
  Object.assign(header, {
    CustomerGroupCode: customer.GroupCode ?? '',
    OrderDate: orderDate,
    ExpectedShipDate: payload.ExpectedShipDate ?? orderDate,
    TermsCode: payload.TermsCode ?? customer.Terms ?? '',
    TaxGroup: payload.TaxGroup ?? customer.TaxGroup ?? '',
    ShipViaCode: payload.ShipViaCode ?? customer.ShipViaCode ?? '',
    DefaultLocationCode: payload.DefaultLocationCode || customer.InventoryLocation || firstLocation(data),
    DefaultPriceListCode: payload.DefaultPriceListCode ?? customer.CustomerPriceList ?? '',
    OrderHomeCurrency: 'USD',
    OrderSourceCurrency: customer.CurrencyCode || 'USD',
    OrderFiscalYear: orderDate.slice(0, 4),
    OrderFiscalPeriod: Number(orderDate.slice(5, 7)),
  });
  requireCode(header.TermsCode, (code) => data.terms.has(code), 'Terms code');
  requireCode(header.TaxGroup, (code) => data.taxGroups.has(code), 'Tax group');
  requireCode(header.ShipViaCode, (code) => data.shipViaCodes.has(code), 'Ship-via code');
  requireCode(header.DefaultLocationCode, (code) => data.locations.has(code), 'Location');
  const taxGroup = data.taxGroups.get(String(header.TaxGroup));
  header.TaxAuthority1 = taxGroup?.TaxAuthority1 ?? '';
  return header;
}

function firstLocation(data: CompanyData): string {
  return String(data.locations.rows()[0]?.LocationKey ?? '');
}

function today(context: ResourceContext): string {
  return `${isoDateTime(context.now()).slice(0, 10)}T00:00:00Z`;
}

/** Subtotal of item lines, tax on it at the tax group's rate, misc charges untaxed [U]. */
function totals(data: CompanyData, header: Sage300Row, lines: readonly Sage300Row[]): Sage300Row {
  let subtotal = 0;
  let miscellaneous = 0;
  for (const line of lines) {
    if (line.LineType === 'Item') subtotal += Number(line.ExtendedAmount);
    else miscellaneous += Number(line.ExtendedAmount);
  }
  const rate = Number(data.taxGroups.get(String(header.TaxGroup))?.TaxRate ?? 0);
  const tax = roundMoney((subtotal * rate) / 100);
  return {
    NumberOfLinesOnOrder: lines.length,
    OrderSubtotal: roundMoney(subtotal),
    TaxAmount1: tax,
    OrderTotal: roundMoney(subtotal + miscellaneous + tax),
  };
}

/** Creates an order: checks everything, then numbers it, moves quantities and stores it. */
export function insertOrder(context: ResourceContext, body: unknown): Sage300Row {
  const { data } = context;
  const payload = readEntity(orderSchema, body, context.rules);
  const customer = requireCustomer(data, payload.CustomerNumber);
  const header = orderHeader(context, payload, customer);
  const orderNumber = orderNumberFor(data, payload.OrderNumber);
  const uniquifier = data.counters.orderUniquifier;
  const details = Array.isArray(payload.OrderDetails) ? payload.OrderDetails : [];
  const { lines, moves } = planLines(data, details, {
    orderUniquifier: uniquifier,
    location: String(header.DefaultLocationCode),
    priceList: String(header.DefaultPriceListCode),
    taxAuthority: String(header.TaxAuthority1),
  });
  const shipped = moves.some((move) => move.shipped > 0);
  const invoiced = shipped && header.InvoiceWillBeProduced === true;
  const order: Sage300Row = {
    ...header,
    ...totals(data, header, lines),
    OrderUniquifier: uniquifier,
    OrderNumber: orderNumber,
    OrderCompleted:
      invoiced && lines.every((line) => line.QuantityShipped === line.QuantityOrdered)
        ? 'Complete'
        : 'Incomplete',
    LastShipmentNumber: shipped ? `SH${pad(data.counters.shipmentNumber++, 6)}` : '',
    LastInvoiceNumber: invoiced ? `IN${pad(data.counters.invoiceNumber++, 6)}` : '',
    UpdateOperation: 'Unspecified',
    OrderDetails: lines,
  };
  applyMoves(data, moves);
  data.counters.orderUniquifier++;
  if (orderNumber === `ORD${pad(data.counters.orderNumber, 6)}`) data.counters.orderNumber++;
  data.orders.set(String(uniquifier), order);
  data.orderKeysByNumber.set(orderNumber, String(uniquifier));
  return order;
}

export function ordersResource(): Sage300Resource {
  return {
    module: 'OE',
    name: 'OEOrders',
    schema: orderSchema,
    keyFields: ['OrderUniquifier'],
    table: (data) => data.orders,
    template: (context) => ({
      ...defaultsOf(orderSchema),
      OrderUniquifier: 0,
      OrderNumber: NEW_ORDER_NUMBER,
      OrderDate: today(context),
      ExpectedShipDate: today(context),
      DefaultLocationCode: firstLocation(context.data),
      OrderHomeCurrency: 'USD',
      OrderSourceCurrency: 'USD',
    }),
    insert: insertOrder,
  };
}
