import type { M3Balance, M3Record } from './m3-store.ts';
import { m3Number } from './m3-values.ts';

// Stock arithmetic. Reference B7: STQT on-hand approved, ALQT allocated, AVAL allocatable on-hand,
// AV01 allocatable net (on-hand − allocated), AV02 available inventory (on-hand − reserved).
// The simulator has no inspection, rejection or picking flows, so AVAL and AV01 are equal.

export function onHand(balance: M3Balance): number {
  let total = 0;
  for (const location of balance.locations) total += location.STQT;
  return total;
}

export function allocated(balance: M3Balance): number {
  let total = 0;
  for (const location of balance.locations) total += location.ALQT;
  return total;
}

export function allocatable(balance: M3Balance): number {
  return onHand(balance) - allocated(balance);
}

/**
 * Allocates up to `quantity` from the balance's locations in location order and answers how much
 * it could allocate: M3 does not refuse an order line for lack of stock, it leaves the rest
 * unallocated (line status 22/23, reference B9).
 */
export function allocate(balance: M3Balance, quantity: number): number {
  let remaining = quantity;
  for (const location of balance.locations) {
    if (remaining <= 0) break;
    const take = Math.min(remaining, location.STQT - location.ALQT);
    if (take <= 0) continue;
    location.ALQT += take;
    remaining -= take;
  }
  return quantity - remaining;
}

/** MMS200MI/GetItmWhsBal output (reference B7, E6). */
export function warehouseBalanceRecord(balance: M3Balance): M3Record {
  const stock = onHand(balance);
  const net = stock - allocated(balance);
  return {
    WHLO: balance.WHLO,
    ITNO: balance.ITNO,
    FACI: balance.FACI,
    STQT: m3Number(stock),
    QUQT: m3Number(balance.QUQT),
    RJQT: m3Number(balance.RJQT),
    ALQT: m3Number(allocated(balance)),
    AV01: m3Number(net),
    AVAL: m3Number(net),
    AV02: m3Number(stock - balance.REQT),
    PLQT: '0',
    ORQT: '0',
    REQT: m3Number(balance.REQT),
    IDDT: balance.IDDT,
    ODDT: balance.ODDT,
  };
}

/** MMS060MI LstViaItem / List output, one record per location (reference B7, E6). */
export function locationRecords(balance: M3Balance, company: string): M3Record[] {
  return balance.locations.map((location) => ({
    CONO: company,
    WHLO: balance.WHLO,
    ITNO: balance.ITNO,
    WHSL: location.WHSL,
    BANO: location.BANO,
    CAMU: '',
    STQT: m3Number(location.STQT),
    ALQT: m3Number(location.ALQT),
    // Balance identity status 2 = approved.
    STAS: '2',
  }));
}
