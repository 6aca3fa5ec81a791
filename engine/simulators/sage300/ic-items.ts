import type { CompanyData } from './company-data.ts';
import { updateOperation } from './detail-operations.ts';
import { joinKey } from './keyed-table.ts';
import { masterDataResource } from './master-data-resource.ts';
import { Sage300Failure } from './sage300-errors.ts';
import { date, type EntitySchema, flag, list, number, type Sage300Row, text } from './sage300-fields.ts';
import type { ResourceContext, Sage300Resource } from './sage300-resource.ts';

// IC/ICItems (IC0310 ICITEM), GET POST PUT DELETE PATCH (erp-apis.md A4, A8). Item numbers are stored
// unformatted (≤ 24) with a formatted number from the structure code's mask (`A1-105/0` vs `A11050`,
// S-AOM IC0319). Following E2, `ItemNumber` is the formatted number and the entry key is the
// unformatted one (`ICItems('A11050')`) [U: open question 4].

const unitOfMeasureSchema: EntitySchema = {
  name: 'ItemUnitOfMeasure',
  fields: {
    ItemNumber: text(24),
    UnitOfMeasure: text(10),
    ConversionFactor: number(1),
    UpdateOperation: updateOperation,
  },
};

export const itemSchema: EntitySchema = {
  name: 'ICItem',
  fields: {
    UnformattedItemNumber: text(24),
    ItemNumber: text(24),
    Description: text(60),
    StructureCode: text(6),
    Category: text(6),
    AccountSetCode: text(6),
    StockItem: flag(true),
    StockingUnitOfMeasure: text(10, 'Ea'),
    DefaultPriceListCode: text(6),
    UnitWeight: number(),
    WeightUnitOfMeasure: text(10),
    KittingItem: flag(),
    Status: flag(true),
    ItemUnitsOfMeasure: list(unitOfMeasureSchema),
  },
};

/**
 * ICLocationDetails (view IC0330 ICILOC [U]): item quantities per location. Only third-party code
 * shows this endpoint (A8, open question 4); it is served read-only, keyed by (ItemNumber, Location),
 * with `ItemNumber` unformatted as in E2.
 */
export const locationDetailSchema: EntitySchema = {
  name: 'ICLocationDetail',
  fields: {
    ItemNumber: text(24),
    Location: text(6),
    QuantityOnHand: number(),
    QuantityCommitted: number(),
    QuantityAvailableToShip: number(),
    AverageCost: number(),
    TotalCost: number(),
    MostRecentCost: number(),
    LastReceiptDate: date(),
  },
};

/** An item by its unformatted or formatted number (order entry accepts either [U]). */
export function findItem(data: CompanyData, itemNumber: string): Sage300Row | undefined {
  return data.items.get(itemNumber) ?? data.items.get(data.itemKeysByFormatted.get(itemNumber) ?? '');
}

/** The quantities of an item at a location; Sage adds the record on first use at a location. */
export function locationDetail(data: CompanyData, itemKey: string, location: string): Sage300Row {
  const id = joinKey([itemKey, location]);
  const existing = data.locationDetails.get(id);
  if (existing !== undefined) return existing;
  const detail: Sage300Row = {
    ItemNumber: itemKey,
    Location: location,
    QuantityOnHand: 0,
    QuantityCommitted: 0,
    QuantityAvailableToShip: 0,
    AverageCost: 0,
    TotalCost: 0,
    MostRecentCost: 0,
    LastReceiptDate: null,
  };
  data.locationDetails.set(id, detail);
  return detail;
}

function completeItem(context: ResourceContext, row: Sage300Row): Sage300Row {
  const key = String(row.UnformattedItemNumber ?? '');
  const formatted = row.ItemNumber === '' ? key : String(row.ItemNumber);
  if (formatted.replace(/[^A-Za-z0-9]/g, '') !== key) {
    throw new Sage300Failure(
      'RecordInvalid',
      `Item number ${formatted} does not match unformatted number ${key}.`,
    );
  }
  const category = String(row.Category ?? '');
  if (!context.data.categories.has(category)) {
    throw new Sage300Failure(
      'RecordInvalid',
      category ? `Category ${category} does not exist.` : 'Category is required.',
    );
  }
  const units = Array.isArray(row.ItemUnitsOfMeasure) ? row.ItemUnitsOfMeasure : [];
  const stocking = row.StockingUnitOfMeasure ?? 'Ea';
  return {
    ...row,
    ItemNumber: formatted,
    ItemUnitsOfMeasure: (units.length > 0
      ? units
      : [{ ItemNumber: key, UnitOfMeasure: stocking, ConversionFactor: 1, UpdateOperation: 'Unspecified' }]
    ).map((unit) => ({ ...unit, ItemNumber: key })),
  };
}

function indexItem(
  context: ResourceContext,
  row: Sage300Row | undefined,
  previous: Sage300Row | undefined,
): void {
  const index = context.data.itemKeysByFormatted;
  if (typeof previous?.ItemNumber === 'string') index.delete(previous.ItemNumber);
  if (row !== undefined) index.set(String(row.ItemNumber), String(row.UnformattedItemNumber));
}

function checkItemDelete(context: ResourceContext, row: Sage300Row): void {
  const key = row.UnformattedItemNumber;
  const formatted = row.ItemNumber;
  const stocked = context.data.locationDetails
    .rows()
    .some(
      (detail) =>
        detail.ItemNumber === key && (detail.QuantityOnHand !== 0 || detail.QuantityCommitted !== 0),
    );
  const ordered = context.data.orders
    .rows()
    .some(
      (order) =>
        Array.isArray(order.OrderDetails) && order.OrderDetails.some((line) => line.Item === formatted),
    );
  if (stocked || ordered) {
    throw new Sage300Failure(
      'RecordInvalid',
      `Item ${String(formatted)} has quantities or transactions and cannot be deleted.`,
    );
  }
}

export function inventoryResources(): Sage300Resource[] {
  return [
    masterDataResource({
      module: 'IC',
      name: 'ICItems',
      schema: itemSchema,
      keyFields: ['UnformattedItemNumber'],
      table: (data) => data.items,
      details: { ItemUnitsOfMeasure: { schema: unitOfMeasureSchema, keyField: 'UnitOfMeasure' } },
      complete: completeItem,
      indexed: indexItem,
      checkDelete: checkItemDelete,
    }),
    masterDataResource({
      module: 'IC',
      name: 'ICLocationDetails',
      schema: locationDetailSchema,
      keyFields: ['ItemNumber', 'Location'],
      table: (data) => data.locationDetails,
      readOnly: true,
    }),
  ];
}
