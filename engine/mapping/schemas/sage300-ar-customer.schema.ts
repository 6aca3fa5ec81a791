import { date, decimal, integer, list, text } from './field-builders.ts';
import type { FieldSpec, RecordSchema } from './record-schema.ts';

// Facts: erp-apis.md A7 (field names from S-EDMX, enums), example E3. A7 gives no widths except the
// 12 of CustomerNumber; address widths reuse the OEORDH widths of A6 for the same data (unverified for
// ARCUS), other code widths are marked unverified. Computed fields (BalanceDueInCustomerCurrency,
// AmountPastDue, DateLastMaintained) are left out; so are fields whose JSON type is unknown
// (PrintStatements, AllowPartialShipments): pass unknownFields 'allow' to send them anyway.

const numbered = (base: string, width: number, label: string): FieldSpec[] =>
  [1, 2, 3, 4, 5].map((index) =>
    text(`${base}${index}`, width, `${label} ${index} (width ${width} unverified)`),
  );

const addressFields: FieldSpec[] = [
  text('CustomerName', 60, 'Customer name (A6 names 60)'),
  ...[1, 2, 3, 4].map((line) => text(`AddressLine${line}`, 60, `Address line ${line} (A6 addresses 60)`)),
  text('City', 30, 'City (A6: 30)'),
  text('StateProvince', 30, 'State or province (A6: 30)'),
  text('ZipPostalCode', 20, 'ZIP or postal code (A6: 20)'),
  text('Country', 30, 'Country (A6: 30)'),
  text('ContactName', 60, 'Contact name (width 60 unverified)'),
  text('PhoneNumber', 30, 'Phone (A6: 30)'),
  text('FaxNumber', 30, 'Fax (A6: 30)'),
];

const accountingFields: FieldSpec[] = [
  text('TerritoryCode', 6, 'Territory (width 6 unverified)'),
  text('AccountSet', 6, 'Account set; defaults from the group (width 6 unverified)'),
  text('BillingCycle', 6, 'Billing cycle (width 6 unverified)'),
  text('InterestProfile', 6, 'Interest profile (width 6 unverified)'),
  text('CurrencyCode', 3, 'Customer currency (width 3 unverified)'),
  text('AccountType', undefined, 'Account type by name (A7)', { allowed: ['BalanceForward', 'OpenItem'] }),
  text('Terms', 6, 'Terms code; the property is Terms, not TermsCode (A7; width per A6 TERMS 6)'),
  text('TaxGroup', 12, 'Tax group, e.g. CALIF (A7; width 12 unverified)'),
  ...numbered('TaxRegistrationNumber', 20, 'Tax registration number'),
  ...[1, 2, 3, 4, 5].map((index) => integer(`TaxClassCode${index}`, `Tax class ${index} (type unverified)`)),
  decimal('CreditLimitCustomerCurrency', 'Credit limit in customer currency (A7)'),
  text('CustomerPriceList', 6, 'Price list (A6 PRICELIST 6)'),
];

const contactFields: FieldSpec[] = [
  text('Email', 50, "Customer's e-mail (A7; width per A6 e-mail 50)", { format: 'email' }),
  text('ContactsEmail', 50, "Contact's e-mail (A7; width per A6 e-mail 50)", { format: 'email' }),
  text('WebSite', 100, 'Web site (width 100 unverified)'),
  text('ContactsPhone', 30, "Contact's phone (A6 phone 30)"),
  text('ShipViaCode', 6, 'Default ship-via (width 6 unverified)'),
  text('PrimaryShipToLocation', 6, 'Primary ship-to location (A6 SHIPTO 6)'),
  text('InventoryLocation', 6, 'Default IC location (width 6 unverified)'),
];

/** Body of POST AR/ARCustomers (erp-apis.md A7, example E3). */
export const SAGE300_AR_CUSTOMER: RecordSchema = {
  id: 'sage300.ARCustomer',
  title: 'Sage 300 customer (ARCustomers)',
  system: 'sage300',
  direction: 'target',
  description:
    'Body of POST AR/ARCustomers (or PATCH ARCustomers(key)). Which fields Sage insists on depends on ' +
    "the customer group's defaults (A7, unverified).",
  unknownFields: 'reject',
  fields: [
    text('CustomerNumber', 12, 'Customer number, the key (A7; 12 per OEORDH.CUSTOMER)', { required: true }),
    text('ShortName', 10, 'Short name (width 10 unverified)'),
    text(
      'GroupCode',
      6,
      'Customer group; supplies the defaults (A7; required unverified, width 6 unverified)',
      {
        required: true,
      },
    ),
    text('NationalAccount', 12, 'National account (width 12 unverified)'),
    text('Status', undefined, 'Active or Inactive (A7)', { allowed: ['Active', 'Inactive'] }),
    date('InactiveDate', 'isoDate', 'Date made inactive (A7, A10)'),
    text('OnHold', undefined, 'Yes or No (A7)', { allowed: ['Yes', 'No'] }),
    date('StartDate', 'isoDate', 'Customer since (A7, A10)'),
    ...addressFields,
    ...accountingFields,
    ...contactFields,
    list('CustomerOptionalFieldValues', 'Optional fields (A7)', [
      text('CustomerNumber', 12, 'Same as the customer (A7)'),
      text('OptionalField', 12, 'Optional field code (width 12 unverified)', { required: true }),
      text('Value', 60, 'Value (width 60 unverified)'),
      text('CustomerOptionalFieldValueType', undefined, 'Value type by name (A7)'),
    ]),
  ],
};
