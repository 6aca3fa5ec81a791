import { KeyedTable } from './keyed-table.ts';

/** Next numbers a company hands out. */
export interface CompanyCounters {
  orderUniquifier: number;
  orderNumber: number;
  shipmentNumber: number;
  invoiceNumber: number;
  glBatch: number;
  receiptBatch: number;
  adjustmentBatch: number;
}

/** Everything one Sage 300 company (org ID) holds; companies share nothing. */
export interface CompanyData {
  readonly company: string;
  readonly customers: KeyedTable;
  readonly customerGroups: KeyedTable;
  readonly terms: KeyedTable;
  readonly taxGroups: KeyedTable;
  readonly shipViaCodes: KeyedTable;
  readonly miscellaneousCharges: KeyedTable;
  readonly glAccounts: KeyedTable;
  /** Keyed by unformatted item number. */
  readonly items: KeyedTable;
  /** Formatted item number (`AP-1001/RM`) → unformatted key (`AP1001RM`). */
  readonly itemKeysByFormatted: Map<string, string>;
  /** Base unit price per unformatted item number: what IC price lists hold (ICItemPricing is not served). */
  readonly prices: Map<string, number>;
  readonly locations: KeyedTable;
  /** Item quantities per location, keyed by item and location. */
  readonly locationDetails: KeyedTable;
  /** Keyed by `OrderUniquifier`. */
  readonly orders: KeyedTable;
  /** `OrderNumber` → `OrderUniquifier` key, for the duplicate check and number lookups. */
  readonly orderKeysByNumber: Map<string, string>;
  readonly glBatches: KeyedTable;
  readonly receiptBatches: KeyedTable;
  /** IC category codes an item may use. */
  readonly categories: Set<string>;
  /** Bank codes a receipt batch may use. */
  readonly banks: Set<string>;
  readonly counters: CompanyCounters;
}

export function emptyCompany(company: string): CompanyData {
  return {
    company,
    customers: new KeyedTable(),
    customerGroups: new KeyedTable(),
    terms: new KeyedTable(),
    taxGroups: new KeyedTable(),
    shipViaCodes: new KeyedTable(),
    miscellaneousCharges: new KeyedTable(),
    glAccounts: new KeyedTable(),
    items: new KeyedTable(),
    itemKeysByFormatted: new Map(),
    prices: new Map(),
    locations: new KeyedTable(),
    locationDetails: new KeyedTable(),
    orders: new KeyedTable(),
    orderKeysByNumber: new Map(),
    glBatches: new KeyedTable(),
    receiptBatches: new KeyedTable(),
    categories: new Set(),
    banks: new Set(),
    counters: {
      orderUniquifier: 100_001,
      orderNumber: 1,
      shipmentNumber: 1,
      invoiceNumber: 1,
      glBatch: 1,
      receiptBatch: 1,
      adjustmentBatch: 1,
    },
  };
}
