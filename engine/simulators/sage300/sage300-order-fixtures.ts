import { type CatalogProduct, catalogPeople, catalogProducts } from '../common/seed-catalog.ts';
import { createSage300Simulator } from './sage300-simulator.ts';
import { entryOf, isObject, type JsonObject, type TestSimulator } from './sage300-test-client.ts';

// Test support for the order tests: seed items with stock, a seeded customer and E1's web order.

export const unformatted = (item: string): string => item.replace(/[^A-Za-z0-9]/g, '');

/** Unformatted numbers of items with at least 10 available at location 1 in the default seed. */
function stockedAtMainWarehouse(): Set<string> {
  const state = createSage300Simulator().state();
  const company = isObject(state) && isObject(state.companies) ? state.companies.SAMINC : undefined;
  const details = isObject(company) && Array.isArray(company.itemQuantities) ? company.itemQuantities : [];
  return new Set(
    details
      .filter(isObject)
      .filter((detail) => detail.Location === '1' && Number(detail.QuantityAvailableToShip) >= 10)
      .map((detail) => String(detail.ItemNumber)),
  );
}

const stocked = stockedAtMainWarehouse();
const plainProducts = catalogProducts(1).filter(
  (product) =>
    product.inErp && product.variants.length === 0 && stocked.has(unformatted(product.sageItemNumber())),
);

/** Two plain (variant-less) catalog products in stock: the lamp and the mug of the examples. */
export const lampProduct: CatalogProduct | undefined = plainProducts[0];
export const mugProduct: CatalogProduct | undefined = plainProducts[1];
export const LAMP = lampProduct?.sageItemNumber() ?? '';
export const MUG = mugProduct?.sageItemNumber() ?? '';
export const customerNumber = catalogPeople(1).find((person) => person.inErp)?.sageCustomerNumber ?? '';

/** The quantities of an item at a location, from ICLocationDetails. */
export async function quantities(
  simulator: TestSimulator,
  item: string,
  location = '1',
): Promise<JsonObject> {
  const key = `(ItemNumber='${unformatted(item)}',Location='${location}')`;
  return entryOf(await simulator.call('GET', `/IC/ICLocationDetails${key}`));
}

/** E1 of the reference: a 3dcart order as a Sage sales order (lamp at a set price, freight, mug). */
export function webOrder(overrides: JsonObject = {}): JsonObject {
  return {
    CustomerNumber: customerNumber,
    OrderDate: '2024-05-14',
    PurchaseOrderNumber: '3DC-100245',
    OrderReference: '3dcart#100245',
    OrderDescription: 'Web order 100245',
    ShipToName: 'Jane Doe',
    ShipToAddressLine1: '12 Main St',
    ShipToCity: 'Austin',
    ShipToStateProvince: 'TX',
    ShipToZipPostalCode: '78701',
    ShipViaCode: 'UPS',
    OrderDetails: [
      {
        LineType: 'Item',
        Item: LAMP,
        Location: '1',
        QuantityOrdered: 2,
        OrderUnitOfMeasure: 'Ea',
        PriceOverride: true,
        PricingUnitPrice: 19.95,
      },
      { LineType: 'Miscellaneous', MiscellaneousChargesCode: 'FRT', ExtendedAmount: 7.5 },
      { LineType: 'Item', Item: unformatted(MUG), QuantityOrdered: 1 },
    ],
    ...overrides,
  };
}
