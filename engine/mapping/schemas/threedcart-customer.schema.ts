import { decimal, flag, integer, text } from './field-builders.ts';
import type { FieldSpec, RecordSchema } from './record-schema.ts';

// Facts: threedcart-api.md §3 (Customer model: names and types; DOC-CUS lists no widths, so none are
// set), §12 (example: unset strings come back as null). Note Billing*1 / Shipping* here versus
// BillingAddress / Shipment* on orders (§3, §10).

const addressParts = ['Company', 'FirstName', 'LastName', 'Address1', 'Address2', 'City', 'State', 'ZipCode'];

function addressFields(prefix: 'Billing' | 'Shipping'): FieldSpec[] {
  return [
    ...addressParts.map((part) => text(`${prefix}${part}`, undefined, `${prefix} ${part} (§3)`)),
    text(`${prefix}Country`, undefined, `${prefix} country, e.g. US (§3)`),
    text(`${prefix}PhoneNumber`, undefined, `${prefix} phone (§3)`),
  ];
}

/** A customer as GET /Customers returns it (threedcart-api.md §3, example §12). */
export const THREEDCART_CUSTOMER: RecordSchema = {
  id: 'threedcart.Customer',
  title: '3dcart customer',
  system: '3dcart',
  direction: 'source',
  description: 'One element of GET /Customers. The model has no LastUpdate or DateCreated field (§3).',
  unknownFields: 'allow',
  fields: [
    integer('CustomerID', 'Customer id, the key (§3)', { required: true }),
    text('Email', undefined, 'E-mail, the login (§3)', { required: true }),
    text('Password', undefined, 'A 32-hex hash on GET (§3)'),
    ...addressFields('Billing'),
    text('BillingTaxID', undefined, 'Tax id (§3)'),
    ...addressFields('Shipping'),
    integer('ShippingAddressType', 'Address type (§3)'),
    integer('CustomerGroupID', 'Customer group (§3)'),
    flag('Enabled', 'Account enabled (§3)'),
    flag('MailList', 'On the mailing list (§3)'),
    flag('NonTaxable', 'Tax exempt (§3)'),
    flag('DisableBillingSameAsShipping', 'Billing differs from shipping (§3)'),
    text('Comments', undefined, 'Comments (§3)'),
    ...[1, 2, 3].map((index) => text(`AdditionalField${index}`, undefined, `Additional field ${index} (§3)`)),
    decimal('TotalStoreCredit', 'Store credit (§3)'),
    flag('ResetPassword', 'Force a password reset (§3, v2)'),
  ],
};
