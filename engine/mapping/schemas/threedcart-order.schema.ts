import { date, decimal, flag, integer, list, text } from './field-builders.ts';
import type { FieldSpec, RecordSchema } from './record-schema.ts';
import {
  THREEDCART_ORDER_ITEM_FIELDS,
  THREEDCART_PROMOTION_FIELDS,
  THREEDCART_QUESTION_FIELDS,
  THREEDCART_SHIPMENT_FIELDS,
  THREEDCART_TRANSACTION_FIELDS,
} from './threedcart-order-lists.schema.ts';

// Facts: threedcart-api.md §3 (Order model, DOC-DEF types and widths), §4 (status ids), §8 (dates),
// §12 (example). Older stores omit AlternateOrderID, OrderType, PaymentTokenID, PromotionList and the
// two discount parts (§3), so none of them is required.

const STORE_TIME = 'storeLocalDateTime';

const billingFields: FieldSpec[] = [
  text('BillingFirstName', 100, 'First name (§3: 100)'),
  text('BillingLastName', 100, 'Last name (§3: 100)'),
  text('BillingCompany', 255, 'Company (§3: 255)'),
  text('BillingAddress', 200, 'Address; customers call it BillingAddress1 (§3: 200)'),
  text('BillingAddress2', 50, 'Address line 2 (§3: 50)'),
  text('BillingCity', 100, 'City (§3: 100)'),
  text('BillingState', 100, 'State (§3: 100)'),
  text('BillingZipCode', 20, 'ZIP code (§3: 20)'),
  text('BillingCountry', 50, 'Country, e.g. US (§3: 50)'),
  text('BillingPhoneNumber', 30, 'Phone (§3: 30)'),
  text('BillingEmail', 100, 'E-mail (§3: 100)'),
  text('BillingPaymentMethod', undefined, 'Payment method name (§3)'),
  flag('BillingOnLinePayment', 'Paid online (§3)'),
  text('BillingPaymentMethodID', undefined, 'Payment method id, a string such as "13" (§3)'),
];

const amountFields: FieldSpec[] = [
  decimal('OrderDiscount', 'OrderDiscountCoupon + OrderDiscountPromotion (§3)'),
  decimal('OrderDiscountCoupon', 'Coupon part of the discount (§3)'),
  decimal('OrderDiscountPromotion', 'Promotion part of the discount (§3)'),
  decimal('SalesTax', 'Sales tax (§3)'),
  decimal('SalesTax2', 'Sales tax 2 (§3)'),
  decimal('SalesTax3', 'Sales tax 3 (§3)'),
  decimal('OrderAmount', 'Order total: items − discount + shipping + taxes (§3)', { required: true }),
  decimal('AffiliateCommission', 'Affiliate commission (§3)'),
];

const cardFields: FieldSpec[] = [
  text('CardType', 50, 'Card type (§3: 50)'),
  text('CardNumber', 255, 'Masked card number (§3: 255)'),
  text('CardName', 200, 'Name on card (§3: 200)'),
  text('CardExpirationMonth', 10, 'Expiry month (§3: 10)'),
  text('CardExpirationYear', 10, 'Expiry year (§3: 10)'),
  text('CardIssueNumber', undefined, 'Issue number (§3)'),
  text('CardStartMonth', undefined, 'Start month (§3)'),
  text('CardStartYear', undefined, 'Start year (§3)'),
  text('CardAddress', 150, 'Card address (§3: 150)'),
  text('CardVerification', 50, 'Verification (§3: 50)'),
];

const headerFields: FieldSpec[] = [
  text('InvoiceNumberPrefix', 50, 'Invoice prefix, e.g. WEB- (§3: 50)'),
  integer('InvoiceNumber', 'Invoice number; 0 on abandoned checkouts (§3, §10)', { required: true }),
  integer('OrderID', 'Order id, the key (§3)', { required: true }),
  integer('CustomerID', 'Customer id; 0 for a guest (§3)', { required: true }),
  date('OrderDate', STORE_TIME, 'Order date, store-local time (§3, §8)', { required: true }),
  integer('OrderStatusID', 'Status: 1 New, 2 Processing, 4 Shipped, 5 Cancelled, 7 Not completed… (§4)', {
    required: true,
  }),
  date('LastUpdate', STORE_TIME, 'Last change, store-local time (§3, §8)'),
  text('UserID', 50, 'User (§3: 50)'),
  text('SalesPerson', 50, 'Sales person (§3: 50)'),
  text('ContinueURL', undefined, 'Generated continue link (§3)'),
  text('AlternateOrderID', undefined, 'Alternate order id (§3)'),
  text('OrderType', undefined, 'Order type (§3)'),
  integer('PaymentTokenID', 'Payment token (§3)'),
];

const trailerFields: FieldSpec[] = [
  text('RewardPoints', undefined, 'Reward points, a string (§3)'),
  list('QuestionList', 'Checkout questions and answers (§3)', THREEDCART_QUESTION_FIELDS),
  text('Referer', undefined, 'Referring page (§3)'),
  text('IP', 16, 'Customer IP (§3: 16)'),
  text('CustomerComments', 65535, 'Customer comments (§3: 65535)'),
  text('InternalComments', 65535, 'Internal comments, accumulated with user and time (§3: 65535)'),
  text('ExternalComments', 50, 'External comments (§3: 50)'),
];

/** An order as GET /Orders returns it (threedcart-api.md §3, example §12). */
export const THREEDCART_ORDER: RecordSchema = {
  id: 'threedcart.Order',
  title: '3dcart order',
  system: '3dcart',
  direction: 'source',
  description:
    'One element of GET /Orders. Lines in OrderItemList, shipments (with address and cost) in ' +
    'ShipmentList, payments in TransactionList, applied promotions in PromotionList (§3).',
  unknownFields: 'allow',
  fields: [
    ...headerFields,
    ...billingFields,
    list('ShipmentList', 'Shipments; most orders have one (§3)', THREEDCART_SHIPMENT_FIELDS),
    list('OrderItemList', 'Order lines (§3)', THREEDCART_ORDER_ITEM_FIELDS, { required: true }),
    list('PromotionList', 'Applied promotions and coupons (§3)', THREEDCART_PROMOTION_FIELDS),
    ...amountFields,
    list('TransactionList', 'Payment transactions (§3)', THREEDCART_TRANSACTION_FIELDS),
    ...cardFields,
    ...trailerFields,
  ],
};
