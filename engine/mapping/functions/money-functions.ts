import type { JsonValue } from '../../contract/flow-document.ts';
import type { MappingFunction } from '../mapping-function.ts';
import { allocateUnits } from './allocation.ts';
import {
  add,
  type Decimal,
  divideRounded,
  multiply,
  parseDecimal,
  roundDecimal,
  unitsToNumber,
} from './decimal.ts';
import { argumentError, asObject, integerSetting, isAbsent } from './function-arguments.ts';

const DECIMALS_PARAMETER = {
  name: 'decimals',
  type: 'number',
  optional: true,
  description: 'Decimal places, 0–6; default 2',
} as const;

function decimalsSetting(functionName: string, value: JsonValue | undefined): number {
  return integerSetting(functionName, 'decimals', value, { min: 0, max: 6, fallback: 2 });
}

/**
 * A list of amounts; JSONata hands a one-element result over as the element itself, so a single
 * amount counts as a list of one. Null when any entry is not a number or numeric string.
 */
function decimalList(value: JsonValue | undefined): Decimal[] | null {
  const entries = Array.isArray(value) ? value : [value];
  const decimals = entries.map(parseDecimal);
  return decimals.every((decimal) => decimal !== null) ? decimals : null;
}

const round: MappingFunction = {
  name: 'money.round',
  jsonataName: 'moneyRound',
  category: 'money',
  summary: 'Round half away from zero on the decimal value (1.005 → 1.01, 2.675 → 2.68)',
  parameters: [
    { name: 'value', type: 'any', description: 'Amount: number or numeric string' },
    DECIMALS_PARAMETER,
  ],
  example: { args: [2.675], result: 2.68 },
  implementation(value, decimals) {
    const places = decimalsSetting('money.round', decimals);
    if (typeof value === 'number' && hasAtMostDecimals(value, places)) return value;
    const decimal = parseDecimal(value);
    return decimal === null ? null : roundDecimal(decimal, places);
  },
};

/**
 * Most amounts (19.99) are already rounded; their shortest decimal form says so without the exact
 * decimal arithmetic below (about ten times faster, and mappings round every line).
 */
function hasAtMostDecimals(value: number, places: number): boolean {
  if (!Number.isFinite(value) || Math.abs(value) >= 1e12) return false;
  // A double that survives rounding to `places` unchanged is the double nearest to a number with
  // that many decimals, so its shortest decimal form has no more of them.
  const scale = 10 ** places;
  return Math.round(value * scale) / scale === value;
}

const lineTotal: MappingFunction = {
  name: 'money.lineTotal',
  jsonataName: 'moneyLineTotal',
  category: 'money',
  // 3dcart: line amount = ItemQuantity × (ItemUnitPrice + ItemOptionPrice); this reproduces
  // OrderAmount on all 306 real orders checked (threedcart-api.md §3 "Totals check").
  summary: 'Quantity × (unit price + option price), rounded to cents',
  parameters: [
    { name: 'quantity', type: 'any', description: 'Quantity (ItemQuantity)' },
    { name: 'unitPrice', type: 'any', description: 'Unit price (ItemUnitPrice)' },
    {
      name: 'optionPrice',
      type: 'any',
      optional: true,
      description: 'Option price per unit (ItemOptionPrice); default 0',
    },
    DECIMALS_PARAMETER,
  ],
  example: { args: [3, 19.95, 1.5], result: 64.35 },
  implementation(quantity, unitPrice, optionPrice, decimals) {
    const places = decimalsSetting('money.lineTotal', decimals);
    const count = parseDecimal(quantity);
    const price = parseDecimal(unitPrice);
    const option = isAbsent(optionPrice) ? { units: 0n, scale: 0 } : parseDecimal(optionPrice);
    if (count === null || price === null || option === null) return null;
    return roundDecimal(multiply(count, add(price, option)), places);
  },
};

const sum: MappingFunction = {
  name: 'money.sum',
  jsonataName: 'moneySum',
  category: 'money',
  summary: 'Exact decimal sum of amounts, rounded to cents (0.1 + 0.2 = 0.3)',
  parameters: [{ name: 'values', type: 'any', description: 'A list of amounts' }, DECIMALS_PARAMETER],
  example: { args: [[0.1, 0.2, '19.95']], result: 20.25 },
  implementation(values, decimals) {
    const places = decimalsSetting('money.sum', decimals);
    const list = decimalList(values);
    if (list === null) return null;
    return roundDecimal(
      list.reduce((total, decimal) => add(total, decimal), { units: 0n, scale: 0 }),
      places,
    );
  },
};

const allocate: MappingFunction = {
  name: 'money.allocate',
  jsonataName: 'moneyAllocate',
  category: 'money',
  summary:
    'Split an order amount (discount, shipping, tax) across lines by line amount; shares add up to the cent',
  parameters: [
    { name: 'amount', type: 'any', description: 'The order-level amount, e.g. OrderDiscount' },
    { name: 'weights', type: 'any', description: 'Line amounts, one per line, in line order' },
    DECIMALS_PARAMETER,
  ],
  example: { args: [10, [19.95, 19.95, 5]], result: [4.44, 4.44, 1.12] },
  implementation(amount, weights, decimals) {
    const places = decimalsSetting('money.allocate', decimals);
    const total = parseDecimal(amount);
    const lines = decimalList(weights);
    if (total === null || lines === null) return null;
    const shares = allocateUnits(total, lines, places);
    return shares === null ? null : shares.map((share) => unitsToNumber(share, places));
  },
};

/** A positive exchange rate from the table; a missing or bad one is a setting error. */
function rateOf(rates: { [key: string]: JsonValue }, currency: JsonValue | undefined): Decimal {
  const code = typeof currency === 'string' ? currency.trim().toUpperCase() : '';
  const entry = Object.entries(rates).find(([key]) => key.trim().toUpperCase() === code);
  const rate = entry === undefined || code === '' ? null : parseDecimal(entry[1]);
  if (rate === null || rate.units <= 0n) {
    throw argumentError(
      'money.convert',
      `no positive rate for currency ${JSON.stringify(currency ?? null)} in the rates table (${Object.keys(rates).join(', ')})`,
    );
  }
  return rate;
}

const convert: MappingFunction = {
  name: 'money.convert',
  jsonataName: 'moneyConvert',
  category: 'money',
  summary:
    'Convert an amount between currencies with a rates table {USD: 1, EUR: 0.92} (units per base currency)',
  parameters: [
    { name: 'amount', type: 'any', description: 'Amount in the source currency' },
    { name: 'from', type: 'string', description: 'Source currency code, e.g. USD' },
    { name: 'to', type: 'string', description: 'Target currency code, e.g. EUR' },
    { name: 'rates', type: 'any', description: 'Units of each currency per one unit of the base currency' },
    DECIMALS_PARAMETER,
  ],
  example: { args: [100, 'USD', 'EUR', { USD: 1, EUR: 0.92 }], result: 92 },
  implementation(amount, from, to, rates, decimals) {
    const places = decimalsSetting('money.convert', decimals);
    const table = asObject(rates);
    if (table === undefined)
      throw argumentError('money.convert', 'rates must be an object such as {"USD": 1, "EUR": 0.92}');
    const fromRate = rateOf(table, from);
    const toRate = rateOf(table, to);
    const value = parseDecimal(amount);
    if (value === null) return null;
    // amount × to ÷ from, kept as one fraction of integers so that only the final result is rounded.
    const numerator = value.units * toRate.units * 10n ** BigInt(fromRate.scale + places);
    const denominator = fromRate.units * 10n ** BigInt(value.scale + toRate.scale);
    return unitsToNumber(divideRounded(numerator, denominator), places);
  },
};

export const MONEY_FUNCTIONS: readonly MappingFunction[] = [round, lineTotal, sum, allocate, convert];
