import countries from 'i18n-iso-countries';
import {
  type CatalogPerson,
  type CatalogProduct,
  catalogPeople,
  catalogProducts,
} from '../common/seed-catalog.ts';
import { SeededRandom } from '../common/seeded-random.ts';
import { customerSchema } from './ar-customers.ts';
import { type CompanyData, emptyCompany } from './company-data.ts';
import { itemSchema } from './ic-items.ts';
import { joinKey } from './keyed-table.ts';
import { insertOrder } from './oe-orders.ts';
import { completeRow, roundMoney, type Sage300Row } from './sage300-fields.ts';
import type { ResourceContext } from './sage300-resource.ts';
import { seedCodeTables } from './sage300-seed-tables.ts';

// A company seeded from the shared catalog, so it matches the 3dcart seed: items are the catalog's
// products (or their variants) known to the ERP, as `sageItemNumber(variantCode)`; customers are the
// catalog people known to the ERP, as `sageCustomerNumber`. The same seed always gives the same data.

const SEEDED_AT = '2024-01-02T00:00:00Z';

export function seedCompany(company: string, seed: number): CompanyData {
  const data = emptyCompany(company);
  seedCodeTables(data);
  const random = new SeededRandom(seed ^ 0x5a6e_0300);
  for (const product of catalogProducts(seed)) if (product.inErp) seedProduct(data, product, random);
  for (const person of catalogPeople(seed)) if (person.inErp) seedCustomer(data, person);
  seedHistoricalOrders(data);
  return data;
}

function seedProduct(data: CompanyData, product: CatalogProduct, random: SeededRandom): void {
  const sellables =
    product.variants.length === 0
      ? [{ code: undefined, options: '', priceDelta: 0 }]
      : product.variants.map((variant) => ({
          code: variant.code,
          options: variant.options,
          priceDelta: variant.priceDelta,
        }));
  for (const sellable of sellables) {
    const formatted = product.sageItemNumber(sellable.code);
    const key = formatted.replace(/[^A-Za-z0-9]/g, '');
    const item = completeRow(itemSchema, {
      UnformattedItemNumber: key,
      ItemNumber: formatted,
      Description: sellable.options ? `${product.name} - ${sellable.options}` : product.name,
      StructureCode: 'ITEM',
      Category: product.sku.slice(0, 2),
      AccountSetCode: 'INV',
      DefaultPriceListCode: 'USA',
      UnitWeight: product.weight,
      WeightUnitOfMeasure: 'lb',
      ItemUnitsOfMeasure: [{ ItemNumber: key, UnitOfMeasure: 'Ea', ConversionFactor: 1 }],
    });
    data.items.set(key, item);
    data.itemKeysByFormatted.set(formatted, key);
    const price = roundMoney(product.price + sellable.priceDelta);
    data.prices.set(key, price);
    seedQuantity(data, key, '1', random.chance(0.1) ? 0 : random.integer(5, 150), price);
    seedQuantity(data, key, '2', random.chance(0.4) ? 0 : random.integer(1, 30), price);
  }
}

function seedQuantity(
  data: CompanyData,
  itemKey: string,
  location: string,
  onHand: number,
  price: number,
): void {
  const cost = roundMoney(price * 0.55);
  data.locationDetails.set(joinKey([itemKey, location]), {
    ItemNumber: itemKey,
    Location: location,
    QuantityOnHand: onHand,
    QuantityCommitted: 0,
    QuantityAvailableToShip: onHand,
    AverageCost: cost,
    TotalCost: roundMoney(onHand * cost),
    MostRecentCost: cost,
    LastReceiptDate: onHand > 0 ? '2023-12-15T00:00:00Z' : null,
  });
}

/** Sage country is free text (30); ISO alpha-3 as in E3's `"USA"`. */
function countryName(alpha2: string): string {
  return countries.alpha2ToAlpha3(alpha2) ?? alpha2;
}

function taxGroupFor(person: CatalogPerson): string {
  const { country, state } = person.address;
  if (country === 'CA') return 'CANADA';
  if (country !== 'US') return 'INTL';
  return state === 'TX' ? 'TEXAS' : 'USA';
}

function seedCustomer(data: CompanyData, person: CatalogPerson): void {
  const fullName = `${person.firstName} ${person.lastName}`;
  const groupCode = person.company ? 'WHL' : 'WEB';
  const group = data.customerGroups.get(groupCode);
  const { address } = person;
  const customer = completeRow(customerSchema, {
    CustomerNumber: person.sageCustomerNumber,
    ShortName: [...person.lastName].slice(0, 10).join(''),
    GroupCode: groupCode,
    DateLastMaintained: SEEDED_AT,
    StartDate: SEEDED_AT,
    CustomerName: person.company || fullName,
    AddressLine1: address.street,
    AddressLine2: address.street2,
    City: address.city,
    StateProvince: address.state,
    ZipPostalCode: address.zip,
    Country: countryName(address.country),
    ContactName: fullName,
    PhoneNumber: person.phone,
    AccountSet: 'USA',
    BillingCycle: 'MTH',
    InterestProfile: 'MTH',
    CurrencyCode: 'USD',
    Terms: group?.Terms ?? 'N30',
    TaxGroup: taxGroupFor(person),
    CreditLimitCustomerCurrency: group?.CreditLimit ?? 0,
    Email: person.email,
    ContactsEmail: person.email,
    ContactsPhone: person.phone,
    ShipViaCode: address.country === 'US' ? 'UPS' : 'DHL',
    InventoryLocation: '1',
  });
  data.customers.set(person.sageCustomerNumber, customer);
}

/**
 * Six past orders: three shipped and invoiced, three open (their quantities stay committed). PO
 * numbers `HIST-…` cannot collide with 3dcart order numbers a flow would look up.
 */
function seedHistoricalOrders(data: CompanyData): void {
  const customers = data.customers.rows().slice(0, 6);
  const stocked = data.locationDetails
    .rows()
    .filter((detail) => detail.Location === '1' && Number(detail.QuantityOnHand) >= 10);
  const context: ResourceContext = {
    data,
    rules: { widthErrorCode: 'InvalidPayload' },
    now: () => new Date('2024-04-01T00:00:00Z'),
  };
  customers.forEach((customer, index) => {
    const shipped = index < 3;
    const lines: Sage300Row[] = [0, 1].slice(0, 1 + (index % 2)).map((offset) => {
      const detail = stocked[(index * 2 + offset) % stocked.length];
      return {
        LineType: 'Item',
        Item: String(detail?.ItemNumber ?? ''),
        Location: '1',
        QuantityOrdered: 1 + offset,
        QuantityShipped: shipped ? 1 + offset : 0,
      };
    });
    lines.push({ LineType: 'Miscellaneous', MiscellaneousChargesCode: 'FRT', ExtendedAmount: 7.5 });
    insertOrder(context, {
      CustomerNumber: customer.CustomerNumber,
      OrderDate: `2024-04-0${index + 1}`,
      PurchaseOrderNumber: `HIST-${String(index + 1).padStart(4, '0')}`,
      OrderDescription: 'Historical order',
      InvoiceWillBeProduced: shipped,
      OrderDetails: lines,
    });
  });
}
