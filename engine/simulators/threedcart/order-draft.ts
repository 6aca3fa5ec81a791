import type { CatalogPerson } from '../common/seed-catalog.ts';
import type { SeededRandom } from '../common/seeded-random.ts';
import { catalogPrices } from './order-builder.ts';
import type { OrderCreateInput } from './order-model.ts';
import { fromCents, toCents } from './order-totals.ts';
import type { Product } from './product-model.ts';
import type { Buyer } from './seed-customers.ts';
import type { SkuTarget, ThreeDCartStore } from './threedcart-store.ts';

// Realistic order bodies, as a storefront checkout would post them: used for the seed orders and
// for the orders the load driver creates. Amounts are worked out in cents so the totals formula
// (reference/threedcart-api.md §3) holds to the cent.

export interface DraftChoices {
  coupon: boolean;
  /** An automatic promotion (no coupon code). */
  promotion: boolean;
  /** Ship part of the lines to someone else: a second shipment. */
  secondRecipient?: CatalogPerson;
}

type Line = { target: SkuTarget; quantity: number; shipmentId: number };

/** Sales tax rates by country and state: [SalesTax, SalesTax2]. Exports abroad carry none. */
const TAX_RATES: Readonly<Record<string, readonly [number, number]>> = {
  'US-TX': [0.0625, 0],
  'US-CO': [0.029, 0],
  'US-MA': [0.0625, 0],
  'US-FL': [0.06, 0],
  'US-IL': [0.0625, 0],
  'US-WA': [0.065, 0],
  'CA-ON': [0.13, 0],
  'CA-QC': [0.05, 0.09975],
};

export function draftOrder(
  random: SeededRandom,
  store: ThreeDCartStore,
  buyer: Buyer,
  choices: DraftChoices,
): OrderCreateInput {
  const secondShipmentId = choices.secondRecipient ? store.allocate('shipment') : undefined;
  const lines = pickLines(random, store, secondShipmentId);
  const subtotal = lines.reduce((sum, line) => {
    const { unitPrice, optionPrice } = catalogPrices(line.target);
    return sum + line.quantity * (toCents(unitPrice) + toCents(optionPrice));
  }, 0);
  const promotions = promotionsFor(choices, subtotal);
  const discount = promotions.reduce((sum, promotion) => sum + toCents(promotion.DiscountAmount ?? 0), 0);
  const { address } = buyer.person;
  const rates: readonly [number, number] = TAX_RATES[`${address.country}-${address.state}`] ?? [0, 0];
  const [rate1, rate2] = rates;
  const shipments = [shipmentTo(random, buyer.person, 0)];
  if (choices.secondRecipient && secondShipmentId !== undefined) {
    shipments.push(shipmentTo(random, choices.secondRecipient, secondShipmentId));
  }
  return {
    CustomerID: buyer.customerId,
    InvoiceNumberPrefix: 'WEB-',
    ...billingOf(buyer.person),
    ...paymentOf(random, buyer.person),
    ShipmentList: shipments,
    OrderItemList: lines.map((line) => ({
      ItemID: line.target.option?.AdvancedOptionSufix ?? line.target.product.SKUInfo.SKU,
      ItemQuantity: line.quantity,
      ItemShipmentID: line.shipmentId,
    })),
    PromotionList: promotions,
    SalesTax: fromCents(Math.round((subtotal - discount) * rate1)),
    SalesTax2: fromCents(Math.round((subtotal - discount) * rate2)),
    SalesTax3: 0,
    Referer: random.pick(['https://www.google.com', 'https://www.bing.com', '', 'https://www.instagram.com']),
    IP: `203.0.113.${random.integer(1, 254)}`,
  };
}

/** One to four distinct products (two at least when a second shipment needs a line). */
function pickLines(
  random: SeededRandom,
  store: ThreeDCartStore,
  secondShipmentId: number | undefined,
): Line[] {
  const products = [...store.products.values()].filter((product) => !product.Hide);
  const count = random.integer(secondShipmentId === undefined ? 1 : 2, 4);
  const chosen = new Set<Product>();
  while (chosen.size < count) chosen.add(random.pick(products));
  return [...chosen].map((product, index) => ({
    target: {
      product,
      option: product.AdvancedOptionList.length > 0 ? random.pick(product.AdvancedOptionList) : undefined,
    },
    quantity: random.integer(1, 3),
    shipmentId: secondShipmentId !== undefined && index === count - 1 ? secondShipmentId : 0,
  }));
}

function promotionsFor(
  choices: DraftChoices,
  subtotalCents: number,
): NonNullable<OrderCreateInput['PromotionList']> {
  const promotions: NonNullable<OrderCreateInput['PromotionList']> = [];
  if (choices.coupon) {
    promotions.push({
      PromotionID: 9,
      PromotionName: 'Spring10',
      Coupon: 'SPRING10',
      DiscountAmount: fromCents(Math.round(subtotalCents * 0.1)),
    });
  }
  if (choices.promotion) {
    promotions.push({
      PromotionID: 4,
      PromotionName: '$5 off orders over $50',
      Coupon: '',
      DiscountAmount: fromCents(Math.min(500, Math.round(subtotalCents * 0.05))),
    });
  }
  return promotions;
}

function shipmentTo(random: SeededRandom, person: CatalogPerson, shipmentId: number) {
  const { address } = person;
  const method =
    address.country === 'US'
      ? random.pick([
          { id: 3, name: 'UPS Ground', cost: [8.5, 15] },
          { id: 5, name: 'USPS Priority Mail', cost: [7, 12] },
        ])
      : address.country === 'CA'
        ? { id: 8, name: 'Canada Post Expedited', cost: [14, 25] }
        : { id: 9, name: 'FedEx International Economy', cost: [25, 60] };
  return {
    ShipmentID: shipmentId,
    ShipmentFirstName: person.firstName,
    ShipmentLastName: person.lastName,
    ShipmentCompany: person.company,
    ShipmentAddress: address.street,
    ShipmentAddress2: address.street2,
    ShipmentCity: address.city,
    ShipmentState: address.state,
    ShipmentZipCode: address.zip,
    ShipmentCountry: address.country,
    ShipmentPhone: person.phone,
    ShipmentEmail: person.email,
    ShipmentMethodID: method.id,
    ShipmentMethodName: method.name,
    ShipmentCost: random.money(method.cost[0] ?? 0, method.cost[1] ?? 0),
    ShipmentWeight: random.money(0.3, 12),
  };
}

function billingOf(person: CatalogPerson) {
  const { address } = person;
  return {
    BillingFirstName: person.firstName,
    BillingLastName: person.lastName,
    BillingCompany: person.company,
    BillingAddress: address.street,
    BillingAddress2: address.street2,
    BillingCity: address.city,
    BillingState: address.state,
    BillingZipCode: address.zip,
    BillingCountry: address.country,
    BillingPhoneNumber: person.phone,
    BillingEmail: person.email,
  };
}

/** Card, PayPal, or (companies only) purchase order; BillingPaymentMethodID is a string (§3). */
function paymentOf(random: SeededRandom, person: CatalogPerson) {
  const kind = person.company !== '' && random.chance(0.3) ? 'po' : random.chance(0.75) ? 'card' : 'paypal';
  if (kind === 'po') {
    return {
      BillingPaymentMethod: 'Purchase Order',
      BillingPaymentMethodID: '4',
      BillingOnLinePayment: false,
    };
  }
  if (kind === 'paypal') {
    return { BillingPaymentMethod: 'PayPal', BillingPaymentMethodID: '13', BillingOnLinePayment: true };
  }
  return {
    BillingPaymentMethod: 'Online Credit Card',
    BillingPaymentMethodID: '1',
    BillingOnLinePayment: true,
    CardType: random.pick(['Visa', 'MasterCard', 'American Express']),
    CardNumber: `XXXX-XXXX-XXXX-${random.integer(1000, 9999)}`,
    CardName: `${person.firstName} ${person.lastName}`,
    CardExpirationMonth: String(random.integer(1, 12)).padStart(2, '0'),
    CardExpirationYear: String(random.integer(2026, 2030)),
  };
}
