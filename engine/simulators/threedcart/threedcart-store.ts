import type { Customer } from './customer-model.ts';
import type { Order } from './order-model.ts';
import type { AdvancedOption, Product } from './product-model.ts';
import type { Webhook } from './webhook-model.ts';

/** What a SKU names: a product, or one variant (advanced option) of it. */
export interface SkuTarget {
  product: Product;
  option?: AdvancedOption;
}

/** The next number of each generated key. */
interface Counters {
  order: number;
  invoice: number;
  itemIndex: number;
  shipment: number;
  transactionIndex: number;
  questionAnswerIndex: number;
  customer: number;
  webhook: number;
}

const FIRST_IDS: Counters = {
  order: 20_001,
  invoice: 10_001,
  itemIndex: 55_001,
  shipment: 5_001,
  transactionIndex: 7_001,
  questionAnswerIndex: 301,
  customer: 1,
  webhook: 1,
};

/**
 * Everything the simulated store holds, indexed by key in Maps so handlers find a record without a
 * scan. Maps keep insertion order, which is key order here: list endpoints return ascending ids
 * (§5: the default sort is undocumented, real pages looked OrderID-ascending).
 */
export class ThreeDCartStore {
  readonly orders = new Map<number, Order>();
  readonly customers = new Map<number, Customer>();
  /** Customers have no LastUpdate field (§3) but can be filtered by it; kept here. */
  readonly customerUpdatedAt = new Map<number, string>();
  readonly products = new Map<number, Product>();
  readonly webhooks = new Map<number, Webhook>();
  readonly #skus = new Map<string, SkuTarget>();
  readonly #customerEmails = new Map<string, number>();
  #next: Counters = { ...FIRST_IDS };

  clear(): void {
    this.orders.clear();
    this.customers.clear();
    this.customerUpdatedAt.clear();
    this.products.clear();
    this.webhooks.clear();
    this.#skus.clear();
    this.#customerEmails.clear();
    this.#next = { ...FIRST_IDS };
  }

  /** Takes the next key of a kind. */
  allocate(kind: keyof Counters): number {
    const value = this.#next[kind];
    this.#next[kind] = value + 1;
    return value;
  }

  addProduct(product: Product): void {
    this.products.set(product.SKUInfo.CatalogID, product);
    this.indexSkus(product);
  }

  /** Re-reads a product's SKU and its variants' SKUs after they may have changed. */
  indexSkus(product: Product): void {
    this.#skus.set(product.SKUInfo.SKU.toLowerCase(), { product });
    for (const option of product.AdvancedOptionList) {
      if (option.AdvancedOptionSufix !== '') {
        this.#skus.set(option.AdvancedOptionSufix.toLowerCase(), { product, option });
      }
    }
  }

  /** Forgets a SKU that was renamed. */
  forgetSku(sku: string): void {
    this.#skus.delete(sku.toLowerCase());
  }

  /** The product or variant sold under a SKU (order lines carry the variant SKU in ItemID, §3). */
  findSku(sku: string): SkuTarget | undefined {
    return this.#skus.get(sku.toLowerCase());
  }

  addCustomer(customer: Customer, updatedAt: string): void {
    this.customers.set(customer.CustomerID, customer);
    this.customerUpdatedAt.set(customer.CustomerID, updatedAt);
    this.#customerEmails.set(customer.Email.toLowerCase(), customer.CustomerID);
  }

  customerIdByEmail(email: string): number | undefined {
    return this.#customerEmails.get(email.toLowerCase());
  }

  changeCustomerEmail(customer: Customer, email: string): void {
    this.#customerEmails.delete(customer.Email.toLowerCase());
    customer.Email = email;
    this.#customerEmails.set(email.toLowerCase(), customer.CustomerID);
  }

  deleteCustomer(customer: Customer): void {
    this.customers.delete(customer.CustomerID);
    this.customerUpdatedAt.delete(customer.CustomerID);
    this.#customerEmails.delete(customer.Email.toLowerCase());
  }
}
