import type { CompanyData } from './company-data.ts';
import type { KeyedTable } from './keyed-table.ts';
import type { Sage300Row } from './sage300-fields.ts';

// Code tables of a seeded company: the values a 3dcart → Sage flow maps to. Codes follow E1/E3
// (RTL, N30, CALIF, UPS, FRT); the rest are illustrative.

function fill(table: KeyedTable, keyField: string, rows: readonly Sage300Row[]): void {
  for (const row of rows) table.set(String(row[keyField]), row);
}

export function seedCodeTables(data: CompanyData): void {
  fill(data.customerGroups, 'GroupCode', [
    group('RTL', 'Retail customers', 'N30', 5_000),
    group('WEB', 'Web store customers', 'CC', 2_500),
    group('WHL', 'Wholesale customers', 'N60', 50_000),
  ]);
  fill(data.terms, 'TermsCode', [
    { TermsCode: 'CC', Description: 'Credit card, paid at order', DaysDue: 0, DiscountPercentage: 0 },
    { TermsCode: 'COD', Description: 'Cash on delivery', DaysDue: 0, DiscountPercentage: 0 },
    { TermsCode: 'N30', Description: 'Net 30 days', DaysDue: 30, DiscountPercentage: 0 },
    { TermsCode: 'N60', Description: 'Net 60 days', DaysDue: 60, DiscountPercentage: 0 },
  ]);
  fill(data.taxGroups, 'TaxGroup', [
    taxGroup('CALIF', 'California sales tax', 'CA', 7.25),
    taxGroup('CANADA', 'Canadian HST/GST', 'CANADA', 13),
    taxGroup('EXEMPT', 'Tax exempt', 'EXEMPT', 0),
    taxGroup('INTL', 'International, no US tax', 'INTL', 0),
    taxGroup('TEXAS', 'Texas sales tax', 'TX', 6.25),
    taxGroup('USA', 'Other US states', 'US', 6),
  ]);
  fill(data.shipViaCodes, 'ShipViaCode', [
    shipVia('DHL', 'DHL Express'),
    shipVia('FEDEX', 'FedEx Ground'),
    shipVia('PICKUP', 'Customer pickup'),
    shipVia('UPS', 'UPS Ground'),
    shipVia('USPS', 'USPS Priority Mail'),
  ]);
  fill(data.miscellaneousCharges, 'MiscellaneousChargesCode', [
    { MiscellaneousChargesCode: 'FRT', Description: 'Freight', Amount: 0 },
    { MiscellaneousChargesCode: 'GIFT', Description: 'Gift wrapping', Amount: 4.95 },
    { MiscellaneousChargesCode: 'HANDL', Description: 'Handling', Amount: 2.5 },
  ]);
  fill(data.glAccounts, 'UnformattedAccount', [
    account('1020', 'Cash at bank', 'BalanceSheet'),
    account('1050', 'Merchant clearing', 'BalanceSheet'),
    account('1200', 'Accounts receivable', 'BalanceSheet'),
    account('1300', 'Inventory', 'BalanceSheet'),
    account('1999', 'Closed bank account', 'BalanceSheet', 'Inactive'),
    account('2100', 'Sales tax payable', 'BalanceSheet'),
    account('4000', 'Sales', 'IncomeStatement'),
    account('4100', 'Shipping income', 'IncomeStatement'),
    account('5000', 'Cost of goods sold', 'IncomeStatement'),
    account('6100', 'Payment processing fees', 'IncomeStatement'),
  ]);
  fill(data.locations, 'LocationKey', [
    location('1', 'Main warehouse', 'Austin', 'TX', '78701'),
    location('2', 'Retail store', 'Denver', 'CO', '80202'),
  ]);
  for (const code of ['AP', 'HM', 'OF', 'OD']) data.categories.add(code);
  for (const bank of ['MERCH', 'SPBANK']) data.banks.add(bank);
}

function group(code: string, description: string, terms: string, creditLimit: number): Sage300Row {
  return {
    GroupCode: code,
    Description: description,
    AccountSet: 'USA',
    BillingCycle: 'MTH',
    InterestProfile: 'MTH',
    Terms: terms,
    TaxGroup: '',
    AccountType: 'OpenItem',
    CreditLimit: creditLimit,
  };
}

function taxGroup(code: string, description: string, authority: string, rate: number): Sage300Row {
  return {
    TaxGroup: code,
    Description: description,
    TransactionType: 'Sales',
    TaxAuthority1: authority,
    TaxRate: rate,
  };
}

function shipVia(code: string, name: string): Sage300Row {
  return { ShipViaCode: code, Name: name, AddressLine1: '', City: '', PhoneNumber: '' };
}

function account(number: string, description: string, type: string, status = 'Active'): Sage300Row {
  return {
    UnformattedAccount: number,
    AccountNumber: number,
    Description: description,
    AccountType: type,
    Status: status,
  };
}

function location(key: string, name: string, city: string, state: string, zip: string): Sage300Row {
  return {
    LocationKey: key,
    Name: name,
    LocationType: 'Physical',
    AddressLine1: '',
    AddressLine2: '',
    City: city,
    StateProvince: state,
    ZipPostalCode: zip,
    Country: 'USA',
    Status: 'Active',
  };
}
