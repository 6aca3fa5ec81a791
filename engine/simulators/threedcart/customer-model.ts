import { z } from 'zod';

// Customers as the 3dcart REST API shapes them (reference/threedcart-api.md §3 "Customer").
// Note the naming against orders (§10 quirk 7): BillingAddress1 here, BillingAddress there;
// Shipping* here, Shipment* there. Unset strings come back as null (PHPCLIENT mock).

const optionalText = z.string().nullable();

export const CustomerFieldsSchema = z.object({
  Email: z.string(),
  // Written as clear text; GET returns a 32-hex hash (§3).
  Password: z.string(),
  BillingCompany: optionalText,
  BillingFirstName: optionalText,
  BillingLastName: optionalText,
  BillingAddress1: optionalText,
  BillingAddress2: optionalText,
  BillingCity: optionalText,
  BillingState: optionalText,
  BillingZipCode: optionalText,
  BillingCountry: optionalText,
  BillingPhoneNumber: optionalText,
  BillingTaxID: optionalText,
  ShippingCompany: optionalText,
  ShippingFirstName: optionalText,
  ShippingLastName: optionalText,
  ShippingAddress1: optionalText,
  ShippingAddress2: optionalText,
  ShippingCity: optionalText,
  ShippingState: optionalText,
  ShippingZipCode: optionalText,
  ShippingCountry: optionalText,
  ShippingPhoneNumber: optionalText,
  ShippingAddressType: z.int(),
  CustomerGroupID: z.int(),
  Enabled: z.boolean(),
  MailList: z.boolean(),
  NonTaxable: z.boolean(),
  DisableBillingSameAsShipping: z.boolean(),
  Comments: optionalText,
  AdditionalField1: optionalText,
  AdditionalField2: optionalText,
  AdditionalField3: optionalText,
  TotalStoreCredit: z.number(),
  ResetPassword: z.boolean(),
});

/** A stored customer. The model has no LastUpdate field (§3); the store keeps that aside for filters. */
export type Customer = { CustomerID: number } & z.output<typeof CustomerFieldsSchema>;

export const CustomerCreateSchema = CustomerFieldsSchema.partial().extend({ Email: z.email() });
export type CustomerCreateInput = z.output<typeof CustomerCreateSchema>;

export const CustomerUpdateSchema = CustomerFieldsSchema.partial().extend({ Email: z.email().optional() });
export type CustomerUpdate = z.output<typeof CustomerUpdateSchema>;

export const CustomerBulkUpdateSchema = CustomerUpdateSchema.extend({ CustomerID: z.int() });
