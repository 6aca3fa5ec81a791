import type { JsonValue } from '../../contract/flow-document.ts';
import { catalogPeople, catalogProducts } from '../../simulators/common/seed-catalog.ts';
import { SeededRandom } from '../../simulators/common/seeded-random.ts';

/**
 * 3dcart-shaped orders for tests and benchmarks, deterministic from a seed: guests and
 * customers, 1–`maxLines` lines (variant SKUs included), coupons, international addresses,
 * missing optional fields, and totals that add up (items − discount + shipping + tax).
 */
export function generateOrders(
  seed: number,
  count: number,
  options: { lines?: number; maxLines?: number } = {},
): JsonValue[] {
  const random = new SeededRandom(seed);
  const products = catalogProducts(seed);
  const people = catalogPeople(seed);
  return Array.from({ length: count }, (_, index) => {
    const person = random.pick(people);
    const lineCount = options.lines ?? random.integer(1, options.maxLines ?? 8);
    const lines = Array.from({ length: lineCount }, () => {
      const product = random.pick(products);
      const variant = product.variants.length > 0 ? random.pick(product.variants) : undefined;
      return {
        ItemID: variant?.sku ?? product.sku,
        ItemDescription: variant ? `${product.name} (${variant.options})` : product.name,
        ItemQuantity: random.integer(random.chance(0.05) ? 0 : 1, 5),
        ItemUnitPrice: product.price + (variant?.priceDelta ?? 0),
      };
    });
    const subtotal = lines.reduce((sum, line) => sum + line.ItemQuantity * line.ItemUnitPrice, 0);
    const discount = random.chance(0.3) ? Math.round(subtotal * 10) / 100 : 0;
    const shipping = random.pick([0, 5.99, 9.95, 24.5]);
    const tax = Math.round((subtotal - discount) * 0.0825 * 100) / 100;
    const order: { [key: string]: JsonValue } = {
      OrderID: 100_000 + index,
      InvoiceNumber: 5_000 + index,
      CustomerID: random.chance(0.25) ? 0 : 1 + people.indexOf(person),
      OrderDate: `2026-${String(random.integer(1, 12)).padStart(2, '0')}-${String(random.integer(1, 28)).padStart(2, '0')}T${String(random.integer(0, 23)).padStart(2, '0')}:15:00`,
      OrderStatusID: random.pick([1, 1, 1, 2, 4, 7]),
      BillingFirstName: person.firstName,
      BillingLastName: person.lastName,
      BillingAddress: person.address.street,
      BillingAddress2: person.address.street2,
      BillingCity: person.address.city,
      BillingState: person.address.state,
      BillingZipCode: person.address.zip,
      BillingCountry: person.address.country,
      BillingEmail: person.email,
      BillingPhoneNumber: person.phone,
      OrderItemList: lines,
      ShipmentList: [
        {
          ShipmentAddress: person.address.street,
          ShipmentCity: person.address.city,
          ShipmentCompany: person.company,
          ShipmentMethodName: random.pick(['UPS Ground', 'FedEx 2Day', 'USPS Priority']),
          ShipmentCost: shipping,
        },
      ],
      OrderDiscount: discount,
      SalesTax: tax,
      OrderAmount: Math.round((subtotal - discount + shipping + tax) * 100) / 100,
    };
    if (random.chance(0.3))
      order.CustomerComments = random.pick(['Gift wrap please', 'Leave at the door — thanks!', '']);
    if (random.chance(0.1)) delete order.BillingAddress2;
    return order;
  });
}
