import { catalogPeople, catalogProducts } from '../common/seed-catalog.ts';
import { SeededRandom } from '../common/seeded-random.ts';
import { type Buyer, seedCustomer } from './seed-customers.ts';
import { type SeedPeople, seedOrders } from './seed-orders.ts';
import { seedProduct } from './seed-products.ts';
import { addMinutes } from './threedcart-dates.ts';
import type { ThreeDCartSettings } from './threedcart-settings.ts';
import type { ThreeDCartStore } from './threedcart-store.ts';

export const SEED_CUSTOMER_COUNT = 100;
const SEED_GUEST_COUNT = 20;

/**
 * Fills the store with the seed data: the shared catalog's 200 products (some with 9 variants),
 * its first 100 people as customers, and 50 historical orders. The same seed gives the same store.
 * Answers who can buy, for orders made later (the load driver's).
 */
export function seedStore(store: ThreeDCartStore, settings: ThreeDCartSettings): SeedPeople {
  store.clear();
  const random = new SeededRandom(settings.seed ^ 0x3dca27);
  catalogProducts(settings.seed).forEach((entry, index) => {
    store.addProduct(seedProduct(random, entry, index));
  });
  // The people after the customers never registered: they are the guests.
  const people = catalogPeople(settings.seed, SEED_CUSTOMER_COUNT + SEED_GUEST_COUNT);
  const customers = people.slice(0, SEED_CUSTOMER_COUNT).map((person, index): Buyer => {
    const customer = seedCustomer(random, person, store.allocate('customer'));
    store.addCustomer(customer, addMinutes('2024-11-01T10:00:00', index * 97));
    return { customerId: customer.CustomerID, person };
  });
  const seedPeople: SeedPeople = { customers, guests: people.slice(SEED_CUSTOMER_COUNT) };
  seedOrders(store, settings, random, seedPeople);
  return seedPeople;
}
