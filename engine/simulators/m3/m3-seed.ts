import {
  type CatalogPerson,
  type CatalogProduct,
  catalogPeople,
  catalogProducts,
} from '../common/seed-catalog.ts';
import { SeededRandom } from '../common/seeded-random.ts';
import { createCustomerOrder } from './m3-orders.ts';
import {
  type BatchLine,
  balanceKey,
  type M3Balance,
  type M3Data,
  type M3Item,
  type M3Record,
  M3Store,
  type M3Warehouse,
} from './m3-store.ts';
import { m3Date } from './m3-values.ts';

/** Template customer that CRS610MI/Add copies (`CUTM`), as in reference E5. */
export const TEMPLATE_CUSTOMER = 'TMPLWEB';

/** Warehouses (WHLO) and the facility (FACI) each belongs to. */
export const WAREHOUSES: readonly M3Warehouse[] = [
  { WHLO: '100', FACI: 'A01', name: 'Central' },
  { WHLO: '200', FACI: 'A01', name: 'East' },
  { WHLO: '300', FACI: 'B01', name: 'West' },
];

/** Customer order types (OIS010) AddBatchHead accepts. */
export const ORDER_TYPES: readonly string[] = ['WEB', 'CO1'];

// Seed dates are fixed, not taken from the clock, so reset() restores exactly the same data.
const SEED_DAY = Date.UTC(2024, 4, 14);
const DAY = 86_400_000;
const CURRENCIES: Readonly<Record<string, string>> = {
  US: 'USD',
  CA: 'CAD',
  GB: 'GBP',
  DK: 'DKK',
  JP: 'JPY',
};

/** Builds the seed data: catalog customers and items in ERP, stock in warehouses, a few orders. */
export function seedM3Store(seed: number, company: string, division: string): M3Store {
  const random = new SeededRandom(seed ^ 0x4d33);
  const people = catalogPeople(seed).filter((person) => person.inErp);
  const data: M3Data = {
    customers: new Map(),
    items: new Map(),
    warehouses: new Map(WAREHOUSES.map((warehouse) => [warehouse.WHLO, warehouse])),
    orderTypes: new Set(ORDER_TYPES),
    balances: new Map(),
    batchOrders: new Map(),
    orders: new Map(),
    counters: { batchOrder: 1_000_004_701, order: 10_001, customer: 20_000_001 },
  };
  const template = templateCustomer(company, division);
  data.customers.set(template.CUNO ?? '', template);
  for (const person of people) {
    const record = customerRecord(person, company, division, random);
    data.customers.set(record.CUNO ?? '', record);
  }
  for (const product of catalogProducts(seed)) {
    if (!product.inErp) continue;
    for (const item of productItems(product)) {
      data.items.set(item.record.ITNO ?? '', item);
      for (const balance of itemBalances(item.record.ITNO ?? '', random)) {
        data.balances.set(balanceKey(balance.ITNO, balance.WHLO), balance);
      }
    }
  }
  const store = new M3Store(data);
  seedOrders(store, people, random, division);
  return store;
}

function templateCustomer(company: string, division: string): M3Record {
  return {
    ...customerDefaults(company, division, m3Date(SEED_DAY - 400 * DAY)),
    CUNO: TEMPLATE_CUSTOMER,
    CUNM: 'Template web customer',
    CUA1: 'Template',
    CSCD: 'US',
    ALCU: 'TEMPLATE',
  };
}

/** Fields every customer has; CRS610MI/Add copies the settings among them from the template. */
function customerDefaults(company: string, division: string, date: string): M3Record {
  return {
    CONO: company,
    DIVI: division,
    LNCD: 'GB',
    CUNO: '',
    CUNM: '',
    CUA1: '',
    CUA2: '',
    CUA3: '',
    CUA4: '',
    PONO: '',
    PHNO: '',
    PHN2: '',
    TFNO: '',
    CUTP: '0',
    ALCU: '',
    YREF: '',
    YRE2: '',
    MAIL: '',
    CSCD: '',
    ECAR: '',
    STAT: '20',
    LMDT: date,
    TOWN: '',
    CUCD: 'USD',
    RGDT: date,
    ORTP: 'WEB',
    WHLO: '100',
    TEPY: '30',
    MODL: 'UPS',
    TEDL: 'FCA',
  };
}

function customerRecord(
  person: CatalogPerson,
  company: string,
  division: string,
  random: SeededRandom,
): M3Record {
  const { address } = person;
  return {
    ...customerDefaults(company, division, m3Date(SEED_DAY - random.integer(30, 900) * DAY)),
    CUNO: person.m3CustomerNumber,
    // Cut to the M3 field lengths (m3-fields.ts): a real ERP holds what fitted when it was keyed in.
    CUNM: (person.company || `${person.firstName} ${person.lastName}`).slice(0, 36),
    CUA1: address.street.slice(0, 36),
    CUA2: address.street2.slice(0, 36),
    PONO: address.zip.slice(0, 10),
    PHNO: person.phone.slice(0, 16),
    ALCU: person.lastName.toUpperCase().slice(0, 10),
    MAIL: person.email.slice(0, 50),
    CSCD: address.country,
    ECAR: address.state.length <= 2 ? address.state : '',
    TOWN: address.city.slice(0, 20),
    CUCD: CURRENCIES[address.country] ?? 'EUR',
  };
}

/** One M3 item per variant, or one for a product without variants (seed-catalog `m3ItemNumber`). */
function productItems(product: CatalogProduct): M3Item[] {
  const variants = product.variants.length > 0 ? product.variants : [undefined];
  return variants.map((variant) => ({
    salesPrice: product.price + (variant?.priceDelta ?? 0),
    record: {
      STAT: '20',
      ITNO: product.m3ItemNumber(variant?.code),
      ITDS: `${product.name}${variant ? ` ${variant.code}` : ''}`.slice(0, 30),
      FUDS: (variant?.options ?? product.category).slice(0, 60),
      UNMS: 'EA',
      ITGR: product.sku.slice(0, 2),
      ITCL: 'WEB',
      ITTY: 'FG',
      NEWE: String(product.weight),
      GRWE: String(product.weight),
      SPUN: 'EA',
      TAXC: 'STD',
      LMDT: m3Date(SEED_DAY - 10 * DAY),
    },
  }));
}

/** Stock in warehouse 100 always, in 200 and 300 often; one or two locations each. */
function itemBalances(itemNumber: string, random: SeededRandom): M3Balance[] {
  const [central, east, west] = WAREHOUSES;
  const stocked = [central, random.chance(0.6) ? east : undefined, random.chance(0.35) ? west : undefined];
  return stocked.flatMap((warehouse, index) => {
    if (warehouse === undefined) return [];
    const quantity = random.chance(0.1) ? 0 : random.integer(1, 200);
    const aisle = 'ABC'[index] ?? 'A';
    const first = `${aisle}-${String(random.integer(1, 20)).padStart(2, '0')}-01`;
    const split = quantity > 1 && random.chance(0.3) ? random.integer(1, quantity - 1) : 0;
    const locations = [{ WHSL: first, BANO: '', STQT: quantity - split, ALQT: 0 }];
    if (split > 0) locations.push({ WHSL: `${aisle}-90-01`, BANO: '', STQT: split, ALQT: 0 });
    return [
      {
        ITNO: itemNumber,
        WHLO: warehouse.WHLO,
        FACI: warehouse.FACI,
        REQT: quantity > 5 && random.chance(0.05) ? random.integer(1, 5) : 0,
        QUQT: 0,
        RJQT: 0,
        IDDT: m3Date(SEED_DAY - random.integer(5, 60) * DAY),
        ODDT: m3Date(SEED_DAY - random.integer(1, 30) * DAY),
        locations,
      },
    ];
  });
}

/** Five confirmed web orders for the first customers, allocated from warehouse 100. */
function seedOrders(
  store: M3Store,
  people: readonly CatalogPerson[],
  random: SeededRandom,
  division: string,
) {
  const stocked = [...store.data.balances.values()].filter((b) => b.WHLO === '100' && b.locations[0]?.STQT);
  for (const [index, person] of people.slice(0, 5).entries()) {
    const customer = store.customer(person.m3CustomerNumber);
    const date = m3Date(SEED_DAY - (10 - index) * DAY);
    const lines: BatchLine[] = Array.from({ length: random.integer(1, 3) }, (_, lineIndex) => {
      const balance = random.pick(stocked);
      const price = store.data.items.get(balance.ITNO)?.salesPrice ?? 0;
      const quantity = random.integer(1, 3);
      return {
        PONR: lineIndex + 1,
        ITNO: balance.ITNO,
        WHLO: '100',
        ORQT: quantity,
        SAPR: price,
        DWDT: date,
      };
    });
    const head: M3Record = {
      CUNO: person.m3CustomerNumber,
      ORTP: 'WEB',
      FACI: 'A01',
      WHLO: '100',
      ORDT: date,
      RLDT: date,
      CUOR: `3DC-${100_200 + index}`,
      CUCD: customer?.CUCD ?? 'USD',
      DIVI: division,
    };
    createCustomerOrder(store, head, lines);
  }
}
