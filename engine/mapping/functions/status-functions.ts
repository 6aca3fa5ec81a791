import type { JsonValue } from '../../contract/flow-document.ts';
import type { MappingFunction } from '../mapping-function.ts';

interface ThreedcartStatus {
  id: number;
  name: string;
  /** Other labels for the same status, e.g. the UI's "In Process" for Processing. */
  aliases: readonly string[];
}

// 3dcart / Shift4Shop OrderStatusID values (threedcart-api.md §4; SKUVAULT, SHIPWORKS, OFFICIAL-SDK
// agree on 1–11). Merchants can relabel statuses but not renumber them.
const THREEDCART_STATUSES: readonly ThreedcartStatus[] = [
  { id: 1, name: 'New', aliases: [] },
  { id: 2, name: 'Processing', aliases: ['In Process'] },
  { id: 3, name: 'Partial', aliases: ['Partially Shipped'] },
  { id: 4, name: 'Shipped', aliases: [] },
  { id: 5, name: 'Cancelled', aliases: ['Cancel', 'Canceled'] },
  { id: 6, name: 'Hold', aliases: ['On Hold'] },
  { id: 7, name: 'Not Completed', aliases: ['Incomplete'] },
  { id: 8, name: 'Custom1', aliases: [] },
  { id: 9, name: 'Custom2', aliases: [] },
  { id: 10, name: 'Custom3', aliases: [] },
  { id: 11, name: 'Unpaid', aliases: [] },
  // Review is 12 per SKUVAULT and 13 per SHIPWORKS (§4 "conflict", §13 open question 5). Both ids read
  // as Review; writing "Review" gives 13, ShipWorks' manually verified enum (unverified choice).
  { id: 13, name: 'Review', aliases: [] },
  { id: 12, name: 'Review', aliases: [] },
];

function statusKey(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]/g, '');
}

const BY_ID = new Map(THREEDCART_STATUSES.map((status) => [status.id, status]));
const BY_NAME = new Map<string, number>();
for (const status of THREEDCART_STATUSES) {
  for (const label of [status.name, ...status.aliases]) {
    if (!BY_NAME.has(statusKey(label))) BY_NAME.set(statusKey(label), status.id);
  }
}

/** A status id given as a whole number or a numeric string; null otherwise. */
function statusNumber(value: JsonValue | undefined): number | null {
  if (typeof value === 'number') return Number.isInteger(value) ? value : null;
  if (typeof value === 'string' && /^\s*\d{1,3}\s*$/.test(value)) return Number(value);
  return null;
}

function threedcartStatus(value: JsonValue | undefined): ThreedcartStatus | null {
  const id = statusNumber(value);
  return id === null ? null : (BY_ID.get(id) ?? null);
}

/**
 * Order state for Sage 300 OE, which has no status field to write: "Active" (OrderType "Active",
 * erp-apis.md A6), "OnHold" (Active with OnHold set), "Completed" (already shipped in the shop),
 * "Cancelled" (not to be created). Choices beyond the field names are unverified. Not Completed is
 * an abandoned checkout, skipped by SKUVAULT and SHIPWORKS (§4); Custom1–3 mean what the merchant
 * decided, so both give null and need a lookup table.
 */
const SAGE_STATES: Record<number, string> = {
  1: 'Active',
  2: 'Active',
  3: 'Active',
  4: 'Completed',
  5: 'Cancelled',
  6: 'OnHold',
  11: 'OnHold',
  12: 'OnHold',
  13: 'OnHold',
};

/**
 * M3 customer-order status (erp-apis.md B9): 20 final/released, 10 preliminary (not released: held,
 * unpaid or under review), 66 all lines delivered, 90 deleted. A partially shipped order is given
 * as 26 (lowest line status 2, highest 6): the shop does not say how far the open lines are.
 * The whole table is an unverified choice; M3 sets status itself, so use it to compare, not to write.
 */
const M3_STATUSES: Record<number, string> = {
  1: '20',
  2: '20',
  3: '26',
  4: '66',
  5: '90',
  6: '10',
  11: '10',
  12: '10',
  13: '10',
};

/** Valid two-digit line-status combinations short of full delivery (erp-apis.md B9). */
const M3_OPEN_COMBINATIONS = new Set([22, 23, 24, 26, 27, 33, 34, 36, 37, 44, 46, 47]);

/**
 * 3dcart status id for an M3 order status: header (ORSL/ORST or STAT) or delivery status.
 * 00/10 entry or preliminary → New; 20 and open line combinations → Processing, or Partial once a
 * line is delivered (highest digit 6 or 7); 60–89 (all lines delivered or invoiced: 66 67 77, and
 * delivery statuses 60 ready for invoicing … 70 invoiced, 75, 80, erp-apis.md B8) → Shipped;
 * 90 deleted, 99 completed without delivery → Cancelled; 05 quotation and anything else → null.
 */
function m3ToThreedcartId(status: number): number | null {
  if (status === 0 || status === 10) return 1;
  if (status === 20) return 2;
  if (M3_OPEN_COMBINATIONS.has(status)) return status % 10 >= 6 ? 3 : 2;
  if (status >= 60 && status < 90) return 4;
  if (status === 90 || status === 99) return 5;
  return null;
}

const ID_PARAMETER = { name: 'statusId', type: 'any', description: '3dcart OrderStatusID' } as const;

const threedcartName: MappingFunction = {
  name: 'status.threedcartName',
  jsonataName: 'statusThreedcartName',
  category: 'status',
  summary: '3dcart OrderStatusID → status name (1 New … 7 Not Completed … 11 Unpaid)',
  parameters: [ID_PARAMETER],
  example: { args: [4], result: 'Shipped' },
  implementation: (value) => threedcartStatus(value)?.name ?? null,
};

const threedcartId: MappingFunction = {
  name: 'status.threedcartId',
  jsonataName: 'statusThreedcartId',
  category: 'status',
  summary: '3dcart status name ("On Hold", "In Process", "Canceled" …) → OrderStatusID',
  parameters: [{ name: 'name', type: 'string', description: 'Status name' }],
  example: { args: ['On Hold'], result: 6 },
  implementation: (value) => (typeof value === 'string' ? (BY_NAME.get(statusKey(value)) ?? null) : null),
};

const threedcartToSage: MappingFunction = {
  name: 'status.threedcartToSage',
  jsonataName: 'statusThreedcartToSage',
  category: 'status',
  summary: '3dcart OrderStatusID → Sage 300 order state: Active, OnHold, Completed or Cancelled',
  parameters: [ID_PARAMETER],
  example: { args: [11], result: 'OnHold' },
  implementation: (value) => SAGE_STATES[threedcartStatus(value)?.id ?? 0] ?? null,
};

const threedcartToM3: MappingFunction = {
  name: 'status.threedcartToM3',
  jsonataName: 'statusThreedcartToM3',
  category: 'status',
  summary:
    '3dcart OrderStatusID → M3 customer-order status (20 released, 10 preliminary, 66 delivered, 90 deleted)',
  parameters: [ID_PARAMETER],
  example: { args: [2], result: '20' },
  implementation: (value) => M3_STATUSES[threedcartStatus(value)?.id ?? 0] ?? null,
};

const m3ToThreedcart: MappingFunction = {
  name: 'status.m3ToThreedcart',
  jsonataName: 'statusM3ToThreedcart',
  category: 'status',
  summary: 'M3 order status (77 invoiced, 70 delivery invoiced, 46 part-delivered …) → 3dcart OrderStatusID',
  parameters: [{ name: 'status', type: 'any', description: 'M3 order status, e.g. ORST "77"' }],
  example: { args: ['77'], result: 4 },
  implementation(value) {
    const status = statusNumber(value);
    return status === null || status > 99 ? null : m3ToThreedcartId(status);
  },
};

export const STATUS_FUNCTIONS: readonly MappingFunction[] = [
  threedcartName,
  threedcartId,
  threedcartToSage,
  threedcartToM3,
  m3ToThreedcart,
];
