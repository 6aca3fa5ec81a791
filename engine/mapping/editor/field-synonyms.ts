// The vocabulary suggestions compare field names in. Built from the reference facts, not from any
// test pairs: 3dcart names from threedcart-api.md §3, Sage 300 names from erp-apis.md A6/A7, M3
// four-letter codes from erp-apis.md B4/B5/B6 (whose meanings are listed there: "PONO (postal
// code)", "TOWN (city)", "ECAR (area/state)", "MAIL A50 e-mail", "CUOR customer's PO/order ref").

/**
 * What each M3 field code stands for, as words (erp-apis.md B4, B5, B6). A code is read as its
 * words before it is compared, so `ORQT` meets `QuantityOrdered` through "ordered quantity".
 */
export const M3_CODE_WORDS: Readonly<Record<string, string>> = {
  CONO: 'company',
  DIVI: 'division',
  LNCD: 'language',
  CUNO: 'customer number',
  CUNM: 'customer name',
  CUTM: 'template customer',
  CUA1: 'address line 1',
  CUA2: 'address line 2',
  CUA3: 'address line 3',
  CUA4: 'address line 4',
  PONO: 'postal code',
  TOWN: 'city',
  ECAR: 'state',
  CSCD: 'country code',
  PHNO: 'phone number',
  PHN2: 'second phone',
  TFNO: 'fax number',
  MAIL: 'email',
  CUTP: 'customer type',
  ALCU: 'search key',
  YREF: 'your reference',
  YRE2: 'your reference 2',
  OREF: 'our reference',
  STAT: 'status',
  ORNO: 'batch order number',
  ORTP: 'order type',
  FACI: 'facility',
  WHLO: 'warehouse',
  ORDT: 'order date',
  RLDT: 'requested delivery date',
  DWDT: 'requested delivery date',
  CUOR: 'customer order reference',
  CUDT: 'customer order date',
  CUCD: 'currency',
  TEPY: 'payment terms',
  MODL: 'delivery method',
  TEDL: 'delivery terms',
  ADID: 'address id',
  PYNO: 'payer',
  DECU: 'delivery customer',
  ITNO: 'item number',
  ORQT: 'ordered quantity',
  SAPR: 'sales price',
  ALUN: 'alternate unit',
  SPUN: 'sales price unit',
  CUPO: 'customer line number',
  ITDS: 'item description',
  PONR: 'line number',
};

/**
 * Concepts and the word sequences that name them in the three systems. A field name is split into
 * words, then the longest phrase found here replaces its words with the concept; words not listed
 * stay as themselves. `BillingZipCode`, `ZipPostalCode` and `PONO` (postal code) all become
 * `billing? postal`; `ItemID`, `ITNO` and a field named just `Item` become `itemNumber`.
 */
export const CONCEPT_PHRASES: Readonly<Record<string, readonly string[]>> = {
  email: ['email', 'e mail', 'mail', 'email address'],
  postal: [
    'zip',
    'zip code',
    'postal',
    'postal code',
    'post code',
    'postcode',
    'zip postal code',
    'zip postal',
  ],
  itemNumber: ['item id', 'item number', 'item no', 'item code', 'sku', 'product sku', 'item sku'],
  quantity: ['quantity', 'qty', 'ordered quantity', 'quantity ordered', 'order quantity'],
  price: ['price', 'unit price', 'sales price', 'pricing unit price', 'order unit price'],
  description: ['description', 'desc', 'item description', 'item name', 'product name'],
  city: ['city', 'town'],
  state: ['state', 'province', 'state province', 'region', 'area'],
  country: ['country', 'country code'],
  phone: ['phone', 'phone number', 'telephone', 'tel'],
  fax: ['fax', 'fax number'],
  address1: ['address', 'address 1', 'address line 1', 'street', 'street 1'],
  address2: ['address 2', 'address line 2', 'street 2'],
  address3: ['address 3', 'address line 3'],
  address4: ['address 4', 'address line 4'],
  company: ['company', 'company name'],
  firstName: ['first name', 'given name'],
  lastName: ['last name', 'surname', 'family name'],
  customerNumber: ['customer id', 'customer number', 'customer no', 'account number'],
  orderNumber: [
    'order id',
    'order number',
    'order no',
    'purchase order number',
    'po number',
    'order reference',
    'customer order reference',
  ],
  invoiceNumber: ['invoice number', 'invoice no', 'invoice id'],
  date: ['date', 'date time', 'datetime'],
  comment: ['comment', 'comments', 'note', 'notes', 'remark', 'remarks'],
  shipMethod: ['ship via', 'shipping method', 'shipment method', 'delivery method', 'carrier'],
  shipping: ['ship', 'ship to', 'shipment', 'shipping', 'delivery'],
  billing: ['bill', 'bill to', 'billing'],
  amount: ['amount', 'total', 'extended amount'],
  discount: ['discount', 'discount amount'],
  currency: ['currency', 'currency code'],
  tax: ['tax', 'sales tax'],
  status: ['status', 'order status'],
  warehouse: ['warehouse', 'facility'],
  terms: ['terms', 'payment terms', 'terms code'],
};

/** Whole names that mean more than their one word: Sage's `Item` line field is the item number. */
export const WHOLE_NAME_CONCEPTS: Readonly<Record<string, string>> = {
  item: 'itemNumber',
};

/**
 * Words and concepts that say little on their own (most 3dcart order fields start with `Order` or
 * `Item`; most codes end in `Code` or `ID`); they count for less in the comparison.
 */
export const WEAK_WORDS: ReadonlySet<string> = new Set([
  'order',
  'item',
  'line',
  'list',
  'id',
  'number',
  'no',
  'code',
  'name',
  'unit',
  'customer',
  'type',
  'value',
]);

/** Words dropped before comparing: glue inside names. */
export const IGNORED_WORDS: ReadonlySet<string> = new Set(['to', 'of', 'the', 'on', 'for', 'a', 'list']);

/** Party qualifiers: a target with neither means the customer's own (billing) address. */
export const PARTY_CONCEPTS: ReadonlySet<string> = new Set(['billing', 'shipping']);
