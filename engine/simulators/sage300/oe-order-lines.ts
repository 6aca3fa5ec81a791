import type { CompanyData } from './company-data.ts';
import { findItem, locationDetail } from './ic-items.ts';
import { joinKey } from './keyed-table.ts';
import { orderDetailSchema } from './oe-order-schema.ts';
import { Sage300Failure } from './sage300-errors.ts';
import { completeRow, roundMoney, type Sage300Row } from './sage300-fields.ts';

// Order lines as OE prices and commits them. Lines are numbered 32, 64, 96… ((i+1)*32, A6 [T]);
// prices come from the price list unless `PriceOverride` (A6 [T]). Every line is checked before any
// quantity moves, so a refused order leaves inventory untouched.

/** How one line changes the quantities of an item at a location. */
export interface QuantityMove {
  readonly itemKey: string;
  readonly location: string;
  readonly shipped: number;
  readonly committed: number;
}

export interface PlannedLines {
  readonly lines: Sage300Row[];
  readonly moves: QuantityMove[];
}

/** Header values the lines take their defaults from. */
export interface LineDefaults {
  readonly orderUniquifier: number;
  readonly location: string;
  readonly priceList: string;
  readonly taxAuthority: string;
}

function invalid(message: string): Sage300Failure {
  return new Sage300Failure('RecordInvalid', message);
}

export function planLines(
  data: CompanyData,
  details: readonly Sage300Row[],
  defaults: LineDefaults,
): PlannedLines {
  const lines: Sage300Row[] = [];
  const moves: QuantityMove[] = [];
  details.forEach((detail, index) => {
    const lineNumber = (index + 1) * 32;
    if (detail.LineType === 'Miscellaneous') {
      lines.push(miscellaneousLine(data, detail, lineNumber, defaults));
      return;
    }
    const { line, move } = itemLine(data, detail, lineNumber, defaults, moves);
    lines.push(line);
    moves.push(move);
  });
  return { lines, moves };
}

function miscellaneousLine(
  data: CompanyData,
  detail: Sage300Row,
  lineNumber: number,
  defaults: LineDefaults,
) {
  const code = String(detail.MiscellaneousChargesCode ?? '');
  const charge = data.miscellaneousCharges.get(code);
  if (!code)
    throw invalid(`Line ${lineNumber}: MiscellaneousChargesCode is required for a miscellaneous line.`);
  if (charge === undefined) throw invalid(`Line ${lineNumber}: Miscellaneous charge ${code} does not exist.`);
  return finishLine(detail, lineNumber, defaults, {
    LineType: 'Miscellaneous',
    Description: detail.Description || charge.Description || '',
    ExtendedAmount: roundMoney(Number(detail.ExtendedAmount ?? charge.Amount ?? 0)),
  });
}

function itemLine(
  data: CompanyData,
  detail: Sage300Row,
  lineNumber: number,
  defaults: LineDefaults,
  earlier: readonly QuantityMove[],
): { line: Sage300Row; move: QuantityMove } {
  const itemNumber = String(detail.Item ?? '');
  const item = findItem(data, itemNumber);
  if (!itemNumber) throw invalid(`Line ${lineNumber}: Item is required.`);
  if (item === undefined) throw invalid(`Line ${lineNumber}: Item ${itemNumber} does not exist.`);
  if (item.Status === false) throw invalid(`Line ${lineNumber}: Item ${itemNumber} is inactive.`);
  const location = String(detail.Location || defaults.location);
  if (!data.locations.has(location))
    throw invalid(`Line ${lineNumber}: Location ${location} does not exist.`);
  const itemKey = String(item.UnformattedItemNumber);
  const quantities = quantitiesFor(
    data,
    earlier,
    itemKey,
    location,
    detail,
    lineNumber,
    item.StockItem !== false,
  );
  const price = unitPrice(data, detail, itemKey);
  const unit = detail.OrderUnitOfMeasure || item.StockingUnitOfMeasure || 'Ea';
  const line = finishLine(detail, lineNumber, defaults, {
    LineType: 'Item',
    Item: item.ItemNumber ?? itemNumber,
    Description: detail.Description || item.Description || '',
    Location: location,
    StockItem: item.StockItem ?? true,
    OriginalQuantityOrdered: quantities.ordered,
    QuantityShipped: quantities.shipped,
    QuantityBackordered: quantities.backordered,
    QuantityCommitted: quantities.committed,
    OrderUnitOfMeasure: unit,
    PricingUnitOfMeasure: detail.PricingUnitOfMeasure || unit,
    OrderUnitPrice: price,
    PricingUnitPrice: price,
    PriceList: detail.PriceList || defaults.priceList,
    ExtendedAmount: roundMoney(quantities.ordered * price),
  });
  return { line, move: { itemKey, location, shipped: quantities.shipped, committed: quantities.committed } };
}

function unitPrice(data: CompanyData, detail: Sage300Row, itemKey: string): number {
  if (detail.PriceOverride !== true) return data.prices.get(itemKey) ?? 0;
  const sent = typeof detail.PricingUnitPrice === 'number' ? detail.PricingUnitPrice : detail.OrderUnitPrice;
  return typeof sent === 'number' ? sent : 0;
}

/**
 * Shipping takes stock off hand (no negative inventory [U]); the rest of the line is committed as far
 * as stock is available and backordered beyond that [U: Sage leaves backorders to the user].
 */
function quantitiesFor(
  data: CompanyData,
  earlier: readonly QuantityMove[],
  itemKey: string,
  location: string,
  detail: Sage300Row,
  lineNumber: number,
  stockItem: boolean,
) {
  const ordered = Number(detail.QuantityOrdered ?? 0);
  const shipped = Number(detail.QuantityShipped ?? 0);
  if (!(ordered > 0)) throw invalid(`Line ${lineNumber}: QuantityOrdered must be greater than zero.`);
  if (shipped < 0 || shipped > ordered) {
    throw invalid(`Line ${lineNumber}: QuantityShipped must be between 0 and the quantity ordered.`);
  }
  const stored = data.locationDetails.get(joinKey([itemKey, location]));
  let onHand = Number(stored?.QuantityOnHand ?? 0);
  let committed = Number(stored?.QuantityCommitted ?? 0);
  for (const move of earlier) {
    if (move.itemKey !== itemKey || move.location !== location) continue;
    onHand -= move.shipped;
    committed += move.committed;
  }
  if (stockItem && shipped > onHand) {
    throw invalid(
      `Line ${lineNumber}: Only ${onHand} of item ${itemKey} on hand at location ${location}; cannot ship ${shipped}.`,
    );
  }
  const outstanding = ordered - shipped;
  const available = Math.max(0, onHand - shipped - committed);
  const commit = stockItem ? Math.min(outstanding, available) : 0;
  return { ordered, shipped, committed: commit, backordered: stockItem ? outstanding - commit : 0 };
}

function finishLine(
  detail: Sage300Row,
  lineNumber: number,
  defaults: LineDefaults,
  computed: Sage300Row,
): Sage300Row {
  const optionalFields = Array.isArray(detail.OrderDetailOptionalFields)
    ? detail.OrderDetailOptionalFields
    : [];
  return completeRow(orderDetailSchema, {
    ...detail,
    ...computed,
    OrderUniquifier: defaults.orderUniquifier,
    LineNumber: lineNumber,
    TaxAuthority1: detail.TaxAuthority1 || defaults.taxAuthority,
    UpdateOperation: 'Unspecified',
    OrderDetailOptionalFields: optionalFields.map((field) => ({
      ...field,
      LineNumber: lineNumber,
      UpdateOperation: 'Unspecified',
    })),
  });
}

/** Moves the quantities of a validated order: on hand falls by what shipped, committed rises. */
export function applyMoves(data: CompanyData, moves: readonly QuantityMove[]): void {
  for (const move of moves) {
    const detail = locationDetail(data, move.itemKey, move.location);
    const onHand = Number(detail.QuantityOnHand) - move.shipped;
    const committed = Number(detail.QuantityCommitted) + move.committed;
    detail.QuantityOnHand = onHand;
    detail.QuantityCommitted = committed;
    detail.QuantityAvailableToShip = onHand - committed;
    detail.TotalCost = roundMoney(onHand * Number(detail.AverageCost));
  }
}
