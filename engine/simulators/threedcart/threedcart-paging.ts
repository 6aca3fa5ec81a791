import { json, type SimulatorResponse } from '../common/simulator-http.ts';
import { ApiError, errorResponse, OFFSET_MESSAGE } from './threedcart-responses.ts';

// Paging of every 3dcart list endpoint (reference/threedcart-api.md §5, §10 quirks 1–3, 13).

/** Largest `limit` per resource (§5: Orders 300, Products 200, all others 500). */
export const MAXIMUM_LIMIT = { orders: 300, products: 200, other: 500 } as const;
const DEFAULT_LIMIT = 10;

export interface ListSpec {
  maximum: number;
  /** Plural noun for the 404 message: "No orders found" (§5). */
  noun: string;
  limitAboveMaximum: 'clamp' | 'error';
}

/**
 * Answers a list request: `countonly` gives `{"TotalCount": n}`, no match gives 404, an offset past
 * the end gives 400, otherwise one page (`offset` is the 1-based index of the first record) to which
 * `$orderby` and `$select` are applied — after paging, on the returned rows only (§1 OData).
 * Walks the records once and keeps only the page, so no copy of the store is made.
 */
export function listResponse<T extends object>(
  records: Iterable<T>,
  matches: (record: T) => boolean,
  query: ReadonlyMap<string, string>,
  spec: ListSpec,
): SimulatorResponse {
  const limit = readLimit(query, spec);
  const offset = readOffset(query);
  const countOnly = isTrue(query.get('countonly'));
  const page: T[] = [];
  let total = 0;
  for (const record of records) {
    if (!matches(record)) continue;
    total++;
    if (!countOnly && total >= offset && page.length < limit) page.push(record);
  }
  if (countOnly) return json(200, { TotalCount: total });
  if (total === 0) return errorResponse(404, `No ${spec.noun} found`);
  if (offset > total) return errorResponse(400, OFFSET_MESSAGE);
  return json(200, project(order(page, query.get('$orderby')), query.get('$select')));
}

function readLimit(query: ReadonlyMap<string, string>, spec: ListSpec): number {
  const limit = readWholeNumber(query, 'limit');
  // UNVERIFIED (§13.2): limit=0 is read as "not given".
  if (limit === undefined || limit === 0) return DEFAULT_LIMIT;
  if (limit <= spec.maximum) return limit;
  if (spec.limitAboveMaximum === 'clamp') return spec.maximum;
  throw new ApiError(400, `The limit cannot exceed ${spec.maximum} records`);
}

function readOffset(query: ReadonlyMap<string, string>): number {
  // §5: offset=0 was accepted and behaved like offset=1 (NOCK).
  return Math.max(1, readWholeNumber(query, 'offset') ?? 1);
}

function readWholeNumber(query: ReadonlyMap<string, string>, name: string): number | undefined {
  const value = query.get(name);
  if (value === undefined || value.trim() === '') return undefined;
  const number = Number(value);
  if (!Number.isInteger(number) || number < 0) {
    throw new ApiError(400, `The value '${value}' is not valid for ${name}.`);
  }
  return number;
}

/** `countonly=1`, `countonly=true`; the flags of Products filters read the same way. */
export function isTrue(value: string | undefined): boolean {
  return value === '1' || value?.toLowerCase() === 'true';
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** `$orderby=OrderDate desc,OrderID` on the page. Unknown fields sort as equal. */
function order<T extends object>(page: T[], orderBy: string | undefined): T[] {
  if (orderBy === undefined || orderBy.trim() === '' || page.length < 2) return page;
  const first = page[0];
  const keys = isRecord(first) ? Object.keys(first) : [];
  const terms = orderBy.split(',').map((term) => {
    const [name = '', direction = 'asc'] = term.trim().split(/\s+/);
    const key = keys.find((candidate) => candidate.toLowerCase() === name.toLowerCase()) ?? name;
    return { key, sign: direction.toLowerCase() === 'desc' ? -1 : 1 };
  });
  return [...page].sort((left, right) => {
    for (const { key, sign } of terms) {
      const compared = compareValues(
        isRecord(left) ? left[key] : undefined,
        isRecord(right) ? right[key] : undefined,
      );
      if (compared !== 0) return compared * sign;
    }
    return 0;
  });
}

function compareValues(left: unknown, right: unknown): number {
  if (typeof left === 'number' && typeof right === 'number') return left - right;
  if (typeof left === 'string' && typeof right === 'string') return left.localeCompare(right);
  if (typeof left === 'boolean' && typeof right === 'boolean') return Number(left) - Number(right);
  return 0;
}

/** `$select=OrderID,OrderAmount`: only those top-level fields, matched case-insensitively. */
function project<T extends object>(page: T[], select: string | undefined): unknown[] {
  if (select === undefined || select.trim() === '') return page;
  const wanted = new Set(select.split(',').map((name) => name.trim().toLowerCase()));
  return page.map((record) =>
    Object.fromEntries(Object.entries(record).filter(([key]) => wanted.has(key.toLowerCase()))),
  );
}
