import { matchesSearch, parseSearchQuery } from './customer-search.ts';
import { M3Error } from './m3-errors.ts';
import type { M3Record, M3Store } from './m3-store.ts';
import { type M3Context, type M3Input, type M3Program, pickFields, value } from './m3-transaction.ts';

// CRS610MI, the customer interface (reference B6). There is no plain `Get`: GetBasicData is the
// read. Field lists follow M-H5 metadata, abridged to what the simulator holds.

/** Fields Add and ChgBasicData accept. */
const EDITABLE_FIELDS: readonly string[] =
  'LNCD CUNM CUA1 CUA2 CUA3 CUA4 PONO PHNO PHN2 TFNO CUTP ALCU YREF YRE2 MAIL CSCD ECAR STAT TOWN CUCD'.split(
    ' ',
  );
/** Settings Add copies from the template customer (`CUTM`) unless the input gives them. */
const TEMPLATE_FIELDS: ReadonlySet<string> = new Set(
  'DIVI LNCD CUTP CUCD STAT ORTP WHLO TEPY MODL TEDL CSCD'.split(' '),
);
const BASIC_DATA_FIELDS: readonly string[] =
  'CONO DIVI LNCD CUNO CUNM CUA1 CUA2 CUA3 CUA4 PONO PHNO PHN2 TFNO CUTP ALCU YREF YRE2 MAIL CSCD ECAR STAT LMDT TOWN CUCD RGDT'.split(
    ' ',
  );
const LIST_FIELDS: readonly string[] =
  'CONO CUNO CUNM CUA1 CUA2 CUA3 CUA4 PONO TOWN ECAR CSCD PHNO MAIL STAT CUCD ORTP WHLO TEPY MODL TEDL LMDT'.split(
    ' ',
  );

function existingCustomer(store: M3Store, customerNumber: string, field = 'CUNO'): M3Record {
  const customer = store.customer(customerNumber);
  if (customer === undefined) throw M3Error.customerInvalid(customerNumber, field);
  return customer;
}

function newCustomerNumber(store: M3Store): string {
  // CUNO is "numbered by M3" when omitted (reference B6, unverified): the simulator's own series.
  let number = store.nextCustomerNumber();
  while (store.customer(number) !== undefined) number = store.nextCustomerNumber();
  return number;
}

function addCustomer(input: M3Input, context: M3Context): M3Record[] {
  const { store } = context;
  const template = existingCustomer(store, value(input, 'CUTM'), 'CUTM');
  const requested = value(input, 'CUNO');
  if (requested !== '' && store.customer(requested) !== undefined) {
    throw M3Error.refused('WCU0104', `Customer number ${requested} already exists`, 'CUNO');
  }
  const customerNumber = requested || newCustomerNumber(store);
  const record: M3Record = { ...template };
  for (const field of EDITABLE_FIELDS) {
    if (!TEMPLATE_FIELDS.has(field)) record[field] = '';
    const given = value(input, field);
    if (given !== '') record[field] = given;
  }
  const today = context.today();
  store.addCustomer({ ...record, CONO: context.company, CUNO: customerNumber, RGDT: today, LMDT: today });
  // ERRM is "Error message if status 12" (reference B6); the simulator never parks a customer there.
  return [{ CUNO: customerNumber, ERRM: '' }];
}

function changeBasicData(input: M3Input, context: M3Context): M3Record[] {
  const customer = existingCustomer(context.store, value(input, 'CUNO'));
  for (const field of EDITABLE_FIELDS) {
    const given = value(input, field);
    // M3 Chg transactions leave blank input unchanged; `?` clears a field (M3 convention, unverified).
    if (given === '?') customer[field] = '';
    else if (given !== '') customer[field] = given;
  }
  customer.LMDT = context.today();
  return [];
}

function searchCustomers(input: M3Input, context: M3Context): M3Record[] {
  const searchable = context.behaviour.searchableCustomerFields;
  const terms = parseSearchQuery(value(input, 'SQRY'), searchable);
  return context.store
    .customersByNumber()
    .filter((customer) => matchesSearch(customer, terms, searchable))
    .map((customer) => pickFields(customer, LIST_FIELDS));
}

export const crs610mi: M3Program = {
  Add: { mandatory: ['CUTM', 'CUNM', 'CUA1'], execute: addCustomer },
  ChgBasicData: { mandatory: ['CUNO'], execute: changeBasicData },
  GetBasicData: {
    mandatory: ['CUNO'],
    execute: (input, { store }) => [
      pickFields(existingCustomer(store, value(input, 'CUNO')), BASIC_DATA_FIELDS),
    ],
  },
  LstByNumber: {
    // Optional CUNO is the start key: customers from that number on, in number order.
    mandatory: [],
    execute: (input, { store }) => {
      const start = value(input, 'CUNO');
      return store
        .customersByNumber()
        .filter((customer) => (customer.CUNO ?? '') >= start)
        .map((customer) => pickFields(customer, LIST_FIELDS));
    },
  },
  SearchCustomer: { mandatory: ['SQRY'], execute: searchCustomers },
};
