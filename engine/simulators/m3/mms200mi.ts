import { M3Error } from './m3-errors.ts';
import { warehouseBalanceRecord } from './m3-stock.ts';
import type { M3Record } from './m3-store.ts';
import { type M3Context, type M3Input, type M3Program, value } from './m3-transaction.ts';

// MMS200MI, the item interface (reference B7). Get and GetItmBasic return the same basic item
// fields here (M-H5 lists about 96 for each; the simulator holds the common ones).

function itemRecord(input: M3Input, context: M3Context): M3Record[] {
  const itemNumber = value(input, 'ITNO');
  const item = context.store.data.items.get(itemNumber);
  if (item === undefined) throw M3Error.itemNotFound(itemNumber);
  return [{ CONO: context.company, ...item.record }];
}

export const mms200mi: M3Program = {
  Get: { mandatory: ['ITNO'], execute: itemRecord },
  GetItmBasic: { mandatory: ['ITNO'], execute: itemRecord },
  GetItmWhsBal: {
    mandatory: ['WHLO', 'ITNO'],
    execute: (input, { store }) => {
      const [warehouse, itemNumber] = [value(input, 'WHLO'), value(input, 'ITNO')];
      if (!store.data.warehouses.has(warehouse)) throw M3Error.warehouseNotFound(warehouse);
      if (!store.data.items.has(itemNumber)) throw M3Error.itemNotFound(itemNumber);
      const balance = store.balance(itemNumber, warehouse);
      if (balance === undefined) throw M3Error.itemNotInWarehouse(itemNumber, warehouse);
      return [warehouseBalanceRecord(balance)];
    },
  },
};
