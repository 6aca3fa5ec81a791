import { M3Error } from './m3-errors.ts';
import { locationRecords } from './m3-stock.ts';
import { compare } from './m3-store.ts';
import { type M3Program, value } from './m3-transaction.ts';

// MMS060MI, balance identities per location (MITLOC, reference B7): LstViaItem lists an item's
// locations in every warehouse (or one, with WHLO); List lists a warehouse's locations.

export const mms060mi: M3Program = {
  LstViaItem: {
    mandatory: ['ITNO'],
    execute: (input, { store, company }) => {
      const [itemNumber, warehouse] = [value(input, 'ITNO'), value(input, 'WHLO')];
      if (!store.data.items.has(itemNumber)) throw M3Error.itemNotFound(itemNumber);
      return store
        .balancesOfItem(itemNumber)
        .filter((balance) => warehouse === '' || balance.WHLO === warehouse)
        .flatMap((balance) => locationRecords(balance, company));
    },
  },
  List: {
    mandatory: ['WHLO'],
    execute: (input, { store, company }) => {
      const [warehouse, itemNumber] = [value(input, 'WHLO'), value(input, 'ITNO')];
      if (!store.data.warehouses.has(warehouse)) throw M3Error.warehouseNotFound(warehouse);
      const balances =
        itemNumber === '' ? [...store.data.balances.values()] : store.balancesOfItem(itemNumber);
      return balances
        .filter((balance) => balance.WHLO === warehouse)
        .sort((left, right) => compare(left.ITNO, right.ITNO))
        .flatMap((balance) => locationRecords(balance, company));
    },
  },
};
