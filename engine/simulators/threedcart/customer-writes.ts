import { createHash } from 'node:crypto';
import type { Customer, CustomerCreateInput, CustomerUpdate } from './customer-model.ts';
import type { ThreeDCartContext } from './threedcart-context.ts';
import { ApiError } from './threedcart-responses.ts';

/** Every customer field with its unset value (null for strings, §3), in the API's order. */
export const CUSTOMER_TEMPLATE: Readonly<Omit<Customer, 'CustomerID' | 'Email'>> = {
  Password: '',
  BillingCompany: null,
  BillingFirstName: null,
  BillingLastName: null,
  BillingAddress1: null,
  BillingAddress2: null,
  BillingCity: null,
  BillingState: null,
  BillingZipCode: null,
  BillingCountry: null,
  BillingPhoneNumber: null,
  BillingTaxID: null,
  ShippingCompany: null,
  ShippingFirstName: null,
  ShippingLastName: null,
  ShippingAddress1: null,
  ShippingAddress2: null,
  ShippingCity: null,
  ShippingState: null,
  ShippingZipCode: null,
  ShippingCountry: null,
  ShippingPhoneNumber: null,
  ShippingAddressType: 0,
  CustomerGroupID: 0,
  Enabled: true,
  MailList: false,
  NonTaxable: false,
  DisableBillingSameAsShipping: false,
  Comments: null,
  AdditionalField1: null,
  AdditionalField2: null,
  AdditionalField3: null,
  TotalStoreCredit: 0,
  ResetPassword: false,
};

/** Passwords are written in clear and read back as a 32-hex hash (§3). */
export function passwordHash(password: string): string {
  return password === '' ? '' : createHash('md5').update(password).digest('hex');
}

/**
 * Creates a customer (POST /Customers) and tells "Customer New" webhooks. UNVERIFIED: a second
 * customer with the same e-mail is refused with 400, as the store manager refuses it.
 */
export function createCustomer(context: ThreeDCartContext, input: CustomerCreateInput): Customer {
  const { Email, Password, ...fields } = input;
  assertEmailFree(context, Email, undefined);
  const customer: Customer = {
    CustomerID: context.store.allocate('customer'),
    Email,
    ...CUSTOMER_TEMPLATE,
    ...fields,
    Password: passwordHash(Password ?? ''),
  };
  context.store.addCustomer(customer, context.now());
  context.emit('CustomerNew', customer);
  return customer;
}

/** A partial update (§10 quirk 9). */
export function updateCustomer(context: ThreeDCartContext, customer: Customer, update: CustomerUpdate): void {
  const { Email, Password, ...fields } = update;
  if (Email !== undefined && Email.toLowerCase() !== customer.Email.toLowerCase()) {
    assertEmailFree(context, Email, customer.CustomerID);
    context.store.changeCustomerEmail(customer, Email);
  }
  Object.assign(customer, fields);
  if (Password !== undefined) customer.Password = passwordHash(Password);
  context.store.customerUpdatedAt.set(customer.CustomerID, context.now());
}

function assertEmailFree(context: ThreeDCartContext, email: string, self: number | undefined): void {
  const existing = context.store.customerIdByEmail(email);
  if (existing !== undefined && existing !== self) {
    throw new ApiError(400, `A customer with the email ${email} already exists`);
  }
}
