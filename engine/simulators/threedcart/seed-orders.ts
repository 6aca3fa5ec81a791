import { DateTime } from 'luxon';
import type { CatalogPerson } from '../common/seed-catalog.ts';
import type { SeededRandom } from '../common/seeded-random.ts';
import { buildOrder } from './order-builder.ts';
import { type DraftChoices, draftOrder } from './order-draft.ts';
import type { OrderCreateInput } from './order-model.ts';
import { STATUS } from './order-status.ts';
import type { Buyer } from './seed-customers.ts';
import { addMinutes } from './threedcart-dates.ts';
import type { ThreeDCartSettings } from './threedcart-settings.ts';
import type { ThreeDCartStore } from './threedcart-store.ts';

// The 50 historical orders of the seed store. Which orders are guests, multi-shipment, couponed,
// international or abandoned depends on the order's position, not on chance, so every seed covers
// every case; chance only picks people, products, amounts and the remaining statuses.

export const SEED_ORDER_COUNT = 50;
const FIRST_ORDER_DATE = '2025-01-02T08:00:00';

export interface SeedPeople {
  customers: readonly Buyer[];
  /** People who are not customers: they check out as guests (CustomerID 0). */
  guests: readonly CatalogPerson[];
}

export function seedOrders(
  store: ThreeDCartStore,
  settings: ThreeDCartSettings,
  random: SeededRandom,
  people: SeedPeople,
): void {
  for (let index = 0; index < SEED_ORDER_COUNT; index++) {
    const buyer = seedBuyer(random, people, index);
    const multiShipment = index % 7 === 3;
    const choices: DraftChoices = {
      coupon: index % 4 === 1,
      promotion: index % 9 === 4,
      ...(multiShipment ? { secondRecipient: random.pick(people.customers).person } : {}),
    };
    const input = draftOrder(random, store, buyer, choices);
    const status = seedStatus(random, index, settings.reviewStatusId, multiShipment);
    const orderDate = addMinutes(FIRST_ORDER_DATE, index * 2_400 + random.integer(0, 600));
    const shipped = status === STATUS.shipped || status === STATUS.partial;
    const lastUpdate = addMinutes(orderDate, shipped ? random.integer(600, 4_000) : random.integer(1, 90));
    decorate(random, input, { index, status, orderDate, lastUpdate });
    const order = buildOrder(store, settings.storeUrl, input, { orderDate, lastUpdate });
    store.orders.set(order.OrderID, order);
  }
}

function seedBuyer(random: SeededRandom, people: SeedPeople, index: number): Buyer {
  if (index % 5 === 0) {
    const guest = people.guests[(index / 5) % people.guests.length];
    if (guest) return { customerId: 0, person: guest };
  }
  if (index % 6 === 5) {
    // Catalog people at positions 7, 17, 27… live abroad and have non-ASCII names.
    const abroad = people.customers.filter((buyer) => buyer.person.address.country !== 'US');
    if (abroad.length > 0) return abroad[index % abroad.length] ?? random.pick(abroad);
  }
  return random.pick(people.customers);
}

function seedStatus(
  random: SeededRandom,
  index: number,
  reviewStatusId: number,
  multiShipment: boolean,
): number {
  if (multiShipment) return index === 45 ? STATUS.shipped : STATUS.partial;
  if (index % 17 === 16) return STATUS.notCompleted;
  if (index === 21) return reviewStatusId;
  const roll = random.next();
  if (roll < 0.25) return STATUS.new;
  if (roll < 0.45) return STATUS.processing;
  if (roll < 0.8) return STATUS.shipped;
  if (roll < 0.85) return 5; // Cancel
  if (roll < 0.9) return 6; // Hold
  return 11; // Unpaid
}

interface SeedOrderFacts {
  index: number;
  status: number;
  orderDate: string;
  lastUpdate: string;
}

/** Status, shipping progress, payment and notes of a seed order. */
function decorate(random: SeededRandom, input: OrderCreateInput, facts: SeedOrderFacts): void {
  const { index, status } = facts;
  input.OrderStatusID = status;
  // §10 quirk 10: abandoned checkouts are status 7 orders, often with InvoiceNumber 0.
  if (status === STATUS.notCompleted) input.InvoiceNumber = 0;
  for (const [position, shipment] of (input.ShipmentList ?? []).entries()) {
    const shipped = status === STATUS.shipped || (status === STATUS.partial && position === 0);
    shipment.ShipmentOrderStatus =
      status === STATUS.partial ? (shipped ? STATUS.shipped : STATUS.new) : status;
    if (shipped) {
      shipment.ShipmentTrackingCode = `1Z${random.integer(100_000, 999_999)}${random.integer(1_000_000, 9_999_999)}`;
      shipment.ShipmentShippedDate = shippedDateText(facts.lastUpdate, index + position);
    }
  }
  const paid = status !== STATUS.notCompleted && status !== 11 && input.BillingOnLinePayment === true;
  if (paid) {
    input.TransactionList = [
      {
        TransactionID: random.integer(0x1000_0000, 0xffff_ffff).toString(16).toUpperCase(),
        TransactionType: 'Sale',
        TransactionApproval: String(random.integer(100_000, 999_999)),
        TransactionReference: `ref-${random.integer(10_000, 99_999)}`,
        TransactionGatewayID: 20,
        TransactionCVV2: 'M',
        TransactionAVS: 'Y',
        TransactionResponseText: 'Approved',
        TransactionResponseCode: '1',
        TransactionCaptured: status === STATUS.new ? 0 : 1,
      },
    ];
  }
  if (index % 8 === 2) {
    input.QuestionList = [
      { QuestionID: 2, QuestionTitle: 'PO Number', QuestionAnswer: `PO-${7_000 + index}` },
    ];
  }
  if (status === 6) {
    // §3: InternalComments accumulate "{user} - {date}\r\nComment: …\r\n\r\n" entries.
    input.InternalComments = `admin - ${usDate(facts.orderDate, 'M/d/yyyy h:mm:ss a')}\r\nComment: Address check before release\r\n\r\n`;
  }
  if (random.chance(0.12)) input.CustomerComments = 'Bitte beim Nachbarn abgeben — merci!';
}

/**
 * ShipmentShippedDate is free text (§8); real values seen: "11/6/2016", "9/14/2013 3:21:09 PM",
 * "09/15/2013", and "" when not shipped.
 */
function shippedDateText(storeLocal: string, variant: number): string {
  const styles = ['M/d/yyyy', 'M/d/yyyy h:mm:ss a', 'MM/dd/yyyy'] as const;
  return usDate(storeLocal, styles[variant % styles.length] ?? 'M/d/yyyy');
}

function usDate(storeLocal: string, format: string): string {
  return DateTime.fromISO(storeLocal, { zone: 'UTC' }).toFormat(format, { locale: 'en-US' });
}
