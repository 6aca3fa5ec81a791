import { masterDataResource } from './master-data-resource.ts';
import { Sage300Failure } from './sage300-errors.ts';
import { choice, type EntitySchema, number, text } from './sage300-fields.ts';
import type { Sage300Resource } from './sage300-resource.ts';

// Code tables that customers, orders and batches refer to. Endpoint names ARCustomerGroups and ARTerms
// come from third-party clients [T]; their key property names, and those of OEShipViaCodes,
// OEMiscellaneousCharges and GLAccounts, are assumed [U]. S-EP lists OEShipViaCodes,
// OEMiscellaneousCharges, GLAccounts and ICLocations as full CRUD and TX tax groups as GET only.

export const customerGroupSchema: EntitySchema = {
  name: 'ARCustomerGroup',
  fields: {
    GroupCode: text(6),
    Description: text(60),
    AccountSet: text(6),
    BillingCycle: text(6),
    InterestProfile: text(6),
    Terms: text(6),
    TaxGroup: text(12),
    AccountType: choice(['OpenItem', 'BalanceForward']),
    CreditLimit: number(),
  },
};

export const termsSchema: EntitySchema = {
  name: 'ARTerm',
  fields: { TermsCode: text(6), Description: text(60), DaysDue: number(), DiscountPercentage: number() },
};

/**
 * A tax group with one authority and a single sales rate. Real groups reach rates through authorities
 * and classes; one rate per group is a simplification that still lets orders compute tax.
 */
export const taxGroupSchema: EntitySchema = {
  name: 'TXTaxGroup',
  fields: {
    TaxGroup: text(12),
    Description: text(60),
    TransactionType: choice(['Sales', 'Purchases']),
    TaxAuthority1: text(12),
    TaxRate: number(),
  },
};

export const shipViaSchema: EntitySchema = {
  name: 'OEShipViaCode',
  fields: {
    ShipViaCode: text(6),
    Name: text(60),
    AddressLine1: text(60),
    City: text(30),
    PhoneNumber: text(30),
  },
};

export const miscellaneousChargeSchema: EntitySchema = {
  name: 'OEMiscellaneousCharge',
  fields: { MiscellaneousChargesCode: text(6), Description: text(60), Amount: number() },
};

export const glAccountSchema: EntitySchema = {
  name: 'GLAccount',
  fields: {
    UnformattedAccount: text(45),
    AccountNumber: text(45),
    Description: text(60),
    AccountType: choice(['BalanceSheet', 'IncomeStatement', 'RetainedEarnings']),
    Status: choice(['Active', 'Inactive']),
  },
};

export const locationSchema: EntitySchema = {
  name: 'ICLocation',
  fields: {
    LocationKey: text(6),
    Name: text(60),
    LocationType: choice(['Physical', 'Logical']),
    AddressLine1: text(60),
    AddressLine2: text(60),
    City: text(30),
    StateProvince: text(30),
    ZipPostalCode: text(20),
    Country: text(30),
    Status: choice(['Active', 'Inactive']),
  },
};

/** Code tables served read-only. */
function lookupResources(): Sage300Resource[] {
  return [
    masterDataResource({
      module: 'AR',
      name: 'ARCustomerGroups',
      schema: customerGroupSchema,
      keyFields: ['GroupCode'],
      table: (data) => data.customerGroups,
      readOnly: true,
    }),
    masterDataResource({
      module: 'AR',
      name: 'ARTerms',
      schema: termsSchema,
      keyFields: ['TermsCode'],
      table: (data) => data.terms,
      readOnly: true,
    }),
    // Real tax groups are keyed by (TaxGroup, TransactionType); only sales groups are held here [U].
    masterDataResource({
      module: 'TX',
      name: 'TXTaxGroups',
      schema: taxGroupSchema,
      keyFields: ['TaxGroup'],
      table: (data) => data.taxGroups,
      readOnly: true,
    }),
  ];
}

/** Code tables with full CRUD (S-EP). */
function maintainedResources(): Sage300Resource[] {
  return [
    masterDataResource({
      module: 'OE',
      name: 'OEShipViaCodes',
      schema: shipViaSchema,
      keyFields: ['ShipViaCode'],
      table: (data) => data.shipViaCodes,
    }),
    masterDataResource({
      module: 'OE',
      name: 'OEMiscellaneousCharges',
      schema: miscellaneousChargeSchema,
      keyFields: ['MiscellaneousChargesCode'],
      table: (data) => data.miscellaneousCharges,
    }),
    masterDataResource({
      module: 'GL',
      name: 'GLAccounts',
      schema: glAccountSchema,
      keyFields: ['UnformattedAccount'],
      table: (data) => data.glAccounts,
      complete: (_context, row) => ({
        ...row,
        AccountNumber: row.AccountNumber || row.UnformattedAccount || '',
      }),
    }),
    masterDataResource({
      module: 'IC',
      name: 'ICLocations',
      schema: locationSchema,
      keyFields: ['LocationKey'],
      table: (data) => data.locations,
      checkDelete: (context, row) => {
        const location = row.LocationKey;
        const inUse = context.data.locationDetails
          .rows()
          .some((detail) => detail.Location === location && detail.QuantityOnHand !== 0);
        if (inUse)
          throw new Sage300Failure(
            'RecordInvalid',
            `Location ${String(location)} holds stock and cannot be deleted.`,
          );
      },
    }),
  ];
}

export function codeTableResources(): Sage300Resource[] {
  return [...lookupResources(), ...maintainedResources()];
}
