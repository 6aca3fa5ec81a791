import type { CatalogPerson } from '../common/seed-catalog.ts';
import type { SeededRandom } from '../common/seeded-random.ts';
import type { Customer } from './customer-model.ts';
import { CUSTOMER_TEMPLATE, passwordHash } from './customer-writes.ts';

/** Someone who places an order: a registered customer (CustomerID > 0) or a guest (0, §3). */
export interface Buyer {
  customerId: number;
  person: CatalogPerson;
}

/** A seed customer from a shared catalog person. */
export function seedCustomer(random: SeededRandom, person: CatalogPerson, customerId: number): Customer {
  const { address } = person;
  const orNull = (value: string) => (value === '' ? null : value);
  return {
    CustomerID: customerId,
    Email: person.email,
    ...CUSTOMER_TEMPLATE,
    Password: passwordHash(`sandbox-password-${customerId}`),
    BillingCompany: orNull(person.company),
    BillingFirstName: person.firstName,
    BillingLastName: person.lastName,
    BillingAddress1: address.street,
    BillingAddress2: orNull(address.street2),
    BillingCity: address.city,
    BillingState: orNull(address.state),
    BillingZipCode: address.zip,
    BillingCountry: address.country,
    BillingPhoneNumber: person.phone,
    ShippingCompany: orNull(person.company),
    ShippingFirstName: person.firstName,
    ShippingLastName: person.lastName,
    ShippingAddress1: address.street,
    ShippingAddress2: orNull(address.street2),
    ShippingCity: address.city,
    ShippingState: orNull(address.state),
    ShippingZipCode: address.zip,
    ShippingCountry: address.country,
    ShippingPhoneNumber: person.phone,
    // Companies buy as wholesale (group 2); a few customers are on the mailing list.
    CustomerGroupID: person.company === '' ? 0 : 2,
    MailList: random.chance(0.3),
    // Where the ERP knows the person, the store keeps the ERP number (§12 example).
    AdditionalField1: person.inErp ? person.sageCustomerNumber : null,
    TotalStoreCredit: random.chance(0.1) ? random.money(5, 50) : 0,
  };
}
