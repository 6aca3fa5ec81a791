import { updateOperation } from './detail-operations.ts';
import { masterDataResource } from './master-data-resource.ts';
import { Sage300Failure } from './sage300-errors.ts';
import {
  choice,
  date,
  type EntitySchema,
  isoDateTime,
  list,
  number,
  type Sage300Row,
  text,
} from './sage300-fields.ts';
import type { ResourceContext, Sage300Resource } from './sage300-resource.ts';

// AR/ARCustomers (AR0024 ARCUS): GET POST PUT DELETE PATCH, key CustomerNumber (erp-apis.md A7, S-EDMX).
// Widths: CustomerNumber 12 (OEORDH.CUSTOMER), names and address lines 60, city and state 30, zip 20,
// country and phone 30 (A6), e-mail 50 (OEORDH1 BILEMAIL); ShortName 10 and the code widths are
// the usual Sage code widths [U].

const optionalFieldSchema: EntitySchema = {
  name: 'CustomerOptionalFieldValue',
  fields: {
    CustomerNumber: text(12),
    OptionalField: text(12),
    Value: text(60),
    CustomerOptionalFieldValueType: text(20, 'Text'),
    UpdateOperation: updateOperation,
  },
};

export const customerSchema: EntitySchema = {
  name: 'ARCustomer',
  fields: {
    CustomerNumber: text(12),
    ShortName: text(10),
    GroupCode: text(6),
    NationalAccount: text(12),
    Status: choice(['Active', 'Inactive']),
    InactiveDate: date(),
    DateLastMaintained: date(),
    OnHold: choice(['No', 'Yes']),
    StartDate: date(),
    CustomerName: text(60),
    AddressLine1: text(60),
    AddressLine2: text(60),
    AddressLine3: text(60),
    AddressLine4: text(60),
    City: text(30),
    StateProvince: text(30),
    ZipPostalCode: text(20),
    Country: text(30),
    ContactName: text(60),
    PhoneNumber: text(30),
    FaxNumber: text(30),
    TerritoryCode: text(6),
    AccountSet: text(6),
    BillingCycle: text(6),
    InterestProfile: text(6),
    CurrencyCode: text(3),
    PrintStatements: choice(['Yes', 'No']),
    AccountType: choice(['OpenItem', 'BalanceForward']),
    Terms: text(6),
    TaxGroup: text(12),
    TaxRegistrationNumber1: text(20),
    TaxClassCode1: number(1),
    CreditLimitCustomerCurrency: number(),
    BalanceDueInCustomerCurrency: number(),
    CustomerPriceList: text(6),
    AmountPastDue: number(),
    Email: text(50),
    ContactsEmail: text(50),
    WebSite: text(100),
    ContactsPhone: text(30),
    ShipViaCode: text(6),
    PrimaryShipToLocation: text(6),
    InventoryLocation: text(6),
    AllowPartialShipments: choice(['Yes', 'No']),
    CustomerOptionalFieldValues: list(optionalFieldSchema),
  },
};

function invalid(message: string): Sage300Failure {
  return new Sage300Failure('RecordInvalid', message);
}

/** A code that must exist in a table when it is not blank. */
function requireCode(value: unknown, exists: (code: string) => boolean, what: string): void {
  if (typeof value === 'string' && value !== '' && !exists(value))
    throw invalid(`${what} ${value} does not exist.`);
}

/**
 * Group defaults, references and dates, as AR customer entry applies them. Sage requires a group;
 * other required fields come from its defaults (A7 [U]).
 */
function completeCustomer(
  context: ResourceContext,
  row: Sage300Row,
  previous: Sage300Row | undefined,
): Sage300Row {
  const { data } = context;
  const group = typeof row.GroupCode === 'string' ? data.customerGroups.get(row.GroupCode) : undefined;
  if (!row.GroupCode) throw invalid('GroupCode is required.');
  if (group === undefined) throw invalid(`Customer group ${String(row.GroupCode)} does not exist.`);
  const today = isoDateTime(context.now()).slice(0, 10);
  const completed: Sage300Row = { ...row, DateLastMaintained: `${today}T00:00:00Z` };
  if (previous === undefined) {
    for (const field of ['AccountSet', 'BillingCycle', 'InterestProfile', 'Terms', 'TaxGroup']) {
      if (completed[field] === '') completed[field] = group[field] ?? '';
    }
    if (completed.CurrencyCode === '') completed.CurrencyCode = 'USD';
    completed.StartDate ??= `${today}T00:00:00Z`;
  }
  completed.InactiveDate =
    completed.Status === 'Inactive' ? (completed.InactiveDate ?? `${today}T00:00:00Z`) : null;
  requireCode(completed.Terms, (code) => data.terms.has(code), 'Terms code');
  requireCode(completed.TaxGroup, (code) => data.taxGroups.has(code), 'Tax group');
  requireCode(completed.ShipViaCode, (code) => data.shipViaCodes.has(code), 'Ship-via code');
  requireCode(completed.InventoryLocation, (code) => data.locations.has(code), 'Location');
  const optionalFields = completed.CustomerOptionalFieldValues;
  if (Array.isArray(optionalFields)) {
    completed.CustomerOptionalFieldValues = optionalFields.map((field) => ({
      ...field,
      CustomerNumber: completed.CustomerNumber ?? '',
    }));
  }
  return completed;
}

export function customersResource(): Sage300Resource {
  return masterDataResource({
    module: 'AR',
    name: 'ARCustomers',
    schema: customerSchema,
    keyFields: ['CustomerNumber'],
    table: (data) => data.customers,
    details: { CustomerOptionalFieldValues: { schema: optionalFieldSchema, keyField: 'OptionalField' } },
    complete: completeCustomer,
    checkDelete: (context, row) => {
      const customer = row.CustomerNumber;
      if (context.data.orders.rows().some((order) => order.CustomerNumber === customer)) {
        throw invalid(`Customer ${String(customer)} has transactions and cannot be deleted.`);
      }
    },
  });
}
