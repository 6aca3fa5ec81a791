import type { M3Program } from './m3-transaction.ts';
import { ois100miBatch } from './ois100mi-batch.ts';
import { ois100miOrders } from './ois100mi-orders.ts';

/**
 * OIS100MI, the customer order interface (reference B5), in two files: batch orders
 * (`ois100mi-batch.ts`) and reads of customer orders and stock (`ois100mi-orders.ts`).
 * There is no `AddHead`/`AddLine` in OIS100MI; those names answer TransactionNotFound.
 */
export const ois100mi: M3Program = { ...ois100miBatch, ...ois100miOrders };
