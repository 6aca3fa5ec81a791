import { date, decimal, integer, text } from './field-builders.ts';
import type { FieldSpec } from './record-schema.ts';

// Facts: threedcart-api.md §3 (Shipment, OrderItem, Transaction, Promotion, Question models with
// types and "(n)" max lengths from DOC-DEF), §8 (store-local datetimes, free-text ShippedDate),
// §12 (example). Fields without a width in §3 have none here.

const STORE_TIME = 'storeLocalDateTime';

/** Shipment (threedcart-api.md §3). Also the field source of the shipment update body. */
export const THREEDCART_SHIPMENT_FIELDS: readonly FieldSpec[] = [
  integer('ShipmentID', 'Shipment id; the primary shipment is often 0 (§3, §10)', { required: true }),
  date('ShipmentLastUpdate', STORE_TIME, 'Last change, store-local time (§3, §8)'),
  integer('ShipmentBoxes', 'Number of boxes (§3)'),
  text('ShipmentInternalComment', undefined, 'Internal comment (§3)'),
  integer('ShipmentOrderStatus', 'Status of this shipment, same codes as OrderStatusID (§3, §4)'),
  text('ShipmentAddress', 255, 'Address (§3: 255)'),
  text('ShipmentAddress2', 50, 'Address line 2 (§3: 50)'),
  text('ShipmentAlias', 100, 'Address alias (§3: 100)'),
  text('ShipmentCity', 50, 'City (§3: 50)'),
  text('ShipmentCompany', 200, 'Company (§3: 200)'),
  decimal('ShipmentCost', 'Shipping charged (§3)'),
  text('ShipmentCountry', 50, 'Country, e.g. US (§3: 50)'),
  text('ShipmentEmail', 100, 'E-mail (§3: 100)'),
  text('ShipmentFirstName', 100, 'First name (§3: 100)'),
  text('ShipmentLastName', 50, 'Last name (§3: 50)'),
  integer('ShipmentMethodID', 'Shipping method id (§3)'),
  text('ShipmentMethodName', 150, 'Shipping method, e.g. UPS Ground (§3: 150)'),
  text('ShipmentShippedDate', 50, 'Free text, e.g. 3/5/2025 or blank (§3: 50, §8)'),
  text('ShipmentPhone', 50, 'Phone (§3: 50)'),
  text('ShipmentState', 50, 'State (§3: 50)'),
  text('ShipmentZipCode', 20, 'ZIP code (§3: 20)'),
  decimal('ShipmentTax', 'Tax on shipping (§3)'),
  decimal('ShipmentWeight', 'Weight (§3)'),
  text('ShipmentTrackingCode', 100, 'Tracking number (§3: 100)'),
  text('ShipmentUserID', 50, 'User (§3: 50)'),
  integer('ShipmentNumber', 'Shipment number, 1 for the first (§3)'),
  integer('ShipmentAddressTypeID', 'Address type (§3)'),
];

const itemWarehouseFields = ['Location', 'Bin', 'Aisle', 'Custom'].map((part) =>
  text(`ItemWarehouse${part}`, 150, `Warehouse ${part.toLowerCase()} (§3: 150)`),
);

/** OrderItem (threedcart-api.md §3). Discount and kit lines appear as ordinary lines (§3 quirks). */
export const THREEDCART_ORDER_ITEM_FIELDS: readonly FieldSpec[] = [
  integer('CatalogID', 'Product id (§3)', { required: true }),
  integer('ItemIndexID', 'Line id (§3)', { required: true }),
  text('ItemID', 150, 'SKU sold, variant included, e.g. DRL-18V-BLK (§3: 150)', { required: true }),
  integer('ItemShipmentID', 'ShipmentID of the shipment carrying the line (§3)'),
  decimal('ItemQuantity', 'Quantity (§3)', { required: true }),
  integer('ItemWarehouseID', 'Warehouse id (§3)'),
  text('ItemDescription', undefined, 'Name plus options as HTML (§3)'),
  decimal('ItemUnitPrice', 'Unit price (§3)', { required: true }),
  decimal('ItemWeight', 'Unit weight (§3)'),
  decimal(
    'ItemOptionPrice',
    'Price of the chosen options; whether ItemUnitPrice includes it is unverified (§3, §13)',
  ),
  ...[1, 2, 3].map((index) =>
    text(`ItemAdditionalField${index}`, 255, `Additional field ${index} (§3: 255)`),
  ),
  text('ItemPageAdded', 255, 'Page the item was added from (§3: 255)'),
  text('ItemAvailability', 150, 'Availability text (§3: 150)'),
  date('ItemDateAdded', STORE_TIME, 'Added to the cart, store-local time (§3, §8)'),
  decimal('ItemUnitCost', 'Unit cost (§3)'),
  decimal('ItemUnitStock', 'Stock at order time; can be negative (§3)'),
  text('ItemOptions', undefined, 'Option ids, comma-prefixed, e.g. ",12,34" (§3)'),
  text('ItemCatalogIDOptions', 255, 'Option catalog ids (§3: 255)'),
  text('ItemSerial', undefined, 'Serial number (§3)'),
  ...[1, 2, 3, 4].map((index) => text(`ItemImage${index}`, undefined, `Image ${index} path (§3)`)),
  ...itemWarehouseFields,
  integer('RecurringOrderFrequency', 'Recurring order frequency (§3)'),
];

/** Transaction, a payment (threedcart-api.md §3). Their sum need not equal OrderAmount (§3). */
export const THREEDCART_TRANSACTION_FIELDS: readonly FieldSpec[] = [
  integer('TransactionIndexID', 'Transaction id (§3)', { required: true }),
  integer('OrderID', 'Order id (§3)'),
  text('TransactionID', 50, 'Gateway transaction id (§3: 50)'),
  date('TransactionDateTime', STORE_TIME, 'When, store-local time (§3, §8)'),
  text('TransactionType', 10, 'e.g. Sale, CBA (§3: 10)'),
  text('TransactionMethod', 255, 'Payment method (§3: 255)'),
  decimal('TransactionAmount', 'Amount (§3)'),
  text('TransactionApproval', 50, 'Approval code (§3: 50)'),
  text('TransactionReference', 255, 'Reference (§3: 255)'),
  integer('TransactionGatewayID', 'Gateway id (§3)'),
  text('TransactionCVV2', undefined, 'CVV2 result (§3)'),
  text('TransactionAVS', undefined, 'AVS result (§3)'),
  text('TransactionResponseText', undefined, 'Gateway response (§3)'),
  text('TransactionResponseCode', 50, 'Gateway response code (§3: 50)'),
  integer('TransactionCaptured', '1 captured, 0 not (§3)'),
];

/** Promotion, an applied discount (threedcart-api.md §3). */
export const THREEDCART_PROMOTION_FIELDS: readonly FieldSpec[] = [
  integer('PromotionID', 'Promotion id (§3)'),
  text('PromotionName', 150, 'Promotion name (§3: 150)'),
  text('Coupon', 50, 'Coupon code (§3: 50)'),
  decimal('DiscountAmount', 'Discount given (§3)'),
];

/** Question, a checkout question and answer (threedcart-api.md §3). */
export const THREEDCART_QUESTION_FIELDS: readonly FieldSpec[] = [
  integer('QuestionAnswerIndexID', 'Answer id (§3)'),
  integer('OrderID', 'Order id (§3)'),
  integer('QuestionID', 'Question id (§3)'),
  text('QuestionTitle', undefined, 'Question, e.g. PO Number (§3)'),
  text('QuestionAnswer', undefined, 'Answer (§3)'),
  text('QuestionType', 10, 'e.g. Checkbox, Text (§3: 10)'),
  integer('QuestionCheckoutStep', 'Checkout step (§3)'),
  integer('QuestionSorting', 'Sort order (§3)'),
  integer('QuestionDiscountGroup', 'Discount group (§3)'),
];
