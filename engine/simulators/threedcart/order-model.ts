import { z } from 'zod';

// The order object model of the 3dcart REST API, field for field (reference/threedcart-api.md §3,
// "Order", "Shipment", "OrderItem", "Transaction", "Promotion", "Question"). The schemas serve twice:
// their output types are the stored records, and their partial forms validate POST and PUT bodies.
// Unknown fields are dropped, as ASP.NET model binding does.

/** A string field; JSON null is accepted on input and stored as "" (orders never return null strings). */
export const text = z
  .string()
  .nullable()
  .transform((value) => value ?? '');
const money = z.number();

export const ShipmentSchema = z.object({
  ShipmentID: z.int(),
  ShipmentLastUpdate: z.string(),
  ShipmentBoxes: z.int(),
  ShipmentInternalComment: text,
  ShipmentOrderStatus: z.int(),
  ShipmentAddress: text,
  ShipmentAddress2: text,
  ShipmentAlias: text,
  ShipmentCity: text,
  ShipmentCompany: text,
  ShipmentCost: money,
  ShipmentCountry: text,
  ShipmentEmail: text,
  ShipmentFirstName: text,
  ShipmentLastName: text,
  ShipmentMethodID: z.int(),
  ShipmentMethodName: text,
  // §8: a free-text string(50) — "11/6/2016", "9/14/2013 3:21:09 PM", "" — never parsed.
  ShipmentShippedDate: text,
  ShipmentPhone: text,
  ShipmentState: text,
  ShipmentZipCode: text,
  ShipmentTax: money,
  ShipmentWeight: z.number(),
  ShipmentTrackingCode: text,
  ShipmentUserID: text,
  ShipmentNumber: z.int(),
  ShipmentAddressTypeID: z.int(),
});
export type Shipment = z.output<typeof ShipmentSchema>;

export const OrderItemSchema = z.object({
  CatalogID: z.int(),
  ItemIndexID: z.int(),
  ItemID: text,
  ItemShipmentID: z.int(),
  ItemQuantity: z.number(),
  ItemWarehouseID: z.int(),
  ItemDescription: text,
  ItemUnitPrice: money,
  ItemWeight: z.number(),
  ItemOptionPrice: money,
  ItemAdditionalField1: text,
  ItemAdditionalField2: text,
  ItemAdditionalField3: text,
  ItemPageAdded: text,
  ItemAvailability: text,
  ItemDateAdded: z.string(),
  ItemUnitCost: money,
  ItemUnitStock: z.number(),
  ItemOptions: text,
  ItemCatalogIDOptions: text,
  ItemSerial: text,
  ItemImage1: text,
  ItemImage2: text,
  ItemImage3: text,
  ItemImage4: text,
  ItemWarehouseLocation: text,
  ItemWarehouseBin: text,
  ItemWarehouseAisle: text,
  ItemWarehouseCustom: text,
  RecurringOrderFrequency: z.int(),
});
export type OrderItem = z.output<typeof OrderItemSchema>;

export const PromotionSchema = z.object({
  PromotionID: z.int(),
  PromotionName: text,
  Coupon: text,
  DiscountAmount: money,
});
export type Promotion = z.output<typeof PromotionSchema>;

export const TransactionSchema = z.object({
  TransactionIndexID: z.int(),
  OrderID: z.int(),
  TransactionID: text,
  TransactionDateTime: z.string(),
  TransactionType: text,
  TransactionMethod: text,
  TransactionAmount: money,
  TransactionApproval: text,
  TransactionReference: text,
  TransactionGatewayID: z.int(),
  TransactionCVV2: text,
  TransactionAVS: text,
  TransactionResponseText: text,
  TransactionResponseCode: text,
  TransactionCaptured: z.int(),
});
export type Transaction = z.output<typeof TransactionSchema>;

export const QuestionSchema = z.object({
  QuestionAnswerIndexID: z.int(),
  OrderID: z.int(),
  QuestionID: z.int(),
  QuestionTitle: text,
  QuestionAnswer: text,
  QuestionType: text,
  QuestionCheckoutStep: z.int(),
  QuestionSorting: z.int(),
  QuestionDiscountGroup: z.int(),
});
export type Question = z.output<typeof QuestionSchema>;

/** Order fields a client may write (POST, partial PUT). Read-only ones are listed in the omit below. */
export const OrderFieldsSchema = z.object({
  InvoiceNumberPrefix: text,
  InvoiceNumber: z.int(),
  CustomerID: z.int(),
  OrderDate: z.string(),
  OrderStatusID: z.int(),
  UserID: text,
  SalesPerson: text,
  AlternateOrderID: text,
  OrderType: text,
  PaymentTokenID: z.int(),
  BillingFirstName: text,
  BillingLastName: text,
  BillingCompany: text,
  // Orders say BillingAddress where customers say BillingAddress1 (§10 quirk 7).
  BillingAddress: text,
  BillingAddress2: text,
  BillingCity: text,
  BillingState: text,
  BillingZipCode: text,
  BillingCountry: text,
  BillingPhoneNumber: text,
  BillingEmail: text,
  BillingPaymentMethod: text,
  BillingOnLinePayment: z.boolean(),
  // §3: a string although it holds a number ("13").
  BillingPaymentMethodID: text,
  OrderDiscountCoupon: money,
  OrderDiscountPromotion: money,
  SalesTax: money,
  SalesTax2: money,
  SalesTax3: money,
  OrderAmount: money,
  AffiliateCommission: money,
  CardType: text,
  CardNumber: text,
  CardName: text,
  CardExpirationMonth: text,
  CardExpirationYear: text,
  CardIssueNumber: text,
  CardStartMonth: text,
  CardStartYear: text,
  CardAddress: text,
  CardVerification: text,
  // §3: a string, not a number.
  RewardPoints: text,
  Referer: text,
  IP: text,
  CustomerComments: text,
  InternalComments: text,
  ExternalComments: text,
});
export type OrderFields = z.output<typeof OrderFieldsSchema>;

/** A stored order: the writable fields, the server-kept ones and the child lists. */
export type Order = OrderFields & {
  OrderID: number;
  LastUpdate: string;
  ContinueURL: string;
  /** Read-only: OrderDiscountCoupon + OrderDiscountPromotion (§3). */
  OrderDiscount: number;
  ShipmentList: Shipment[];
  OrderItemList: OrderItem[];
  PromotionList: Promotion[];
  TransactionList: Transaction[];
  QuestionList: Question[];
};

/** Body of `POST /Orders`: any writable field, children partial; the server fills the rest. */
export const OrderCreateSchema = OrderFieldsSchema.partial().extend({
  ShipmentList: z.array(ShipmentSchema.partial()).optional(),
  OrderItemList: z.array(OrderItemSchema.partial()).min(1),
  PromotionList: z.array(PromotionSchema.partial()).optional(),
  TransactionList: z.array(TransactionSchema.partial()).optional(),
  QuestionList: z.array(QuestionSchema.partial()).optional(),
});
export type OrderCreateInput = z.output<typeof OrderCreateSchema>;

/** Body of `PUT /Orders/{id}`: scalar fields only; the child lists have their own endpoints. */
export const OrderUpdateSchema = OrderFieldsSchema.partial();
export type OrderUpdate = z.output<typeof OrderUpdateSchema>;

/** One element of the `PUT /Orders` bulk body: a partial order naming its OrderID. */
export const OrderBulkUpdateSchema = OrderUpdateSchema.extend({ OrderID: z.int() });
