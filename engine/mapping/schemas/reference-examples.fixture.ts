/**
 * Example payloads copied from the reference files, for tests: erp-apis.md E1, E3, E4, E5 and
 * threedcart-api.md §12. Kept verbatim so a schema change that rejects them fails a test.
 */

/** erp-apis.md E1: body of POST OE/OEOrders. */
export const SAGE_ORDER_E1 = {
  CustomerNumber: '1200',
  OrderDate: '2024-05-14',
  PurchaseOrderNumber: '3DC-100245',
  OrderReference: '3dcart#100245',
  OrderDescription: 'Web order 100245',
  ShipToLocationCode: '',
  ShipToName: 'Jane Doe',
  ShipToAddressLine1: '12 Main St',
  ShipToCity: 'Austin',
  ShipToStateProvince: 'TX',
  ShipToZipPostalCode: '78701',
  ShipViaCode: 'UPS',
  OrderDetails: [
    {
      LineType: 'Item',
      Item: 'A1-105/0',
      Location: '1',
      QuantityOrdered: 2,
      OrderUnitOfMeasure: 'Ea',
      PriceOverride: true,
      PricingUnitPrice: 19.95,
    },
    { LineType: 'Miscellaneous', MiscellaneousChargesCode: 'FRT', ExtendedAmount: 7.5 },
  ],
};

/** erp-apis.md E3: body of POST AR/ARCustomers. */
export const SAGE_CUSTOMER_E3 = {
  CustomerNumber: 'WEB000123',
  CustomerName: 'Jane Doe',
  ShortName: 'DOE',
  GroupCode: 'RTL',
  AddressLine1: '12 Main St',
  City: 'Austin',
  StateProvince: 'TX',
  ZipPostalCode: '78701',
  Country: 'USA',
  PhoneNumber: '5125550100',
  Email: 'jane@example.com',
  Terms: 'N30',
  TaxGroup: 'CALIF',
};

/** erp-apis.md E4 and E5: the query strings of the M3 calls, exactly as printed. */
export const M3_QUERIES = {
  addBatchHead:
    'cono=100&CUNO=WEB000123&ORTP=WEB&FACI=A01&WHLO=A01&ORDT=20240514&RLDT=20240516&CUOR=3DC-100245',
  addBatchLine: 'ORNO=1000004711&ITNO=LAMP-001&ORQT=2&WHLO=A01&SAPR=19.95',
  crs610Add:
    'CUTM=TMPLWEB&CUNO=WEB000123&CUNM=Jane%20Doe&CUA1=12%20Main%20St&TOWN=Austin&ECAR=TX&PONO=78701&CSCD=US&MAIL=jane%40example.com',
};

/**
 * The input fields of an M3 query string. erp-apis.md B1: v2 also takes the session parameters in
 * lower case (`cono`), so names are upper-cased to the field names the schemas use.
 */
export function m3Inputs(query: string): Record<string, string> {
  return Object.fromEntries(
    [...new URLSearchParams(query)].map(([name, value]) => [name.toUpperCase(), value]),
  );
}

/** threedcart-api.md §12: PUT /Orders/20931/Shipments/0 body. */
export const THREEDCART_SHIPMENT_BODY = {
  ShipmentOrderStatus: 4,
  ShipmentTrackingCode: '1Z999AA10123456784',
  ShipmentShippedDate: '3/5/2025',
  ShipmentMethodName: 'UPS Ground',
};

/** threedcart-api.md §12: PUT /Orders/20931 body. */
export const THREEDCART_STATUS_BODY = { OrderStatusID: 2, InternalComments: 'Exported to ERP as SO-000123' };

/** threedcart-api.md §12: bulk PUT /Products body. */
export const THREEDCART_STOCK_BODY = [
  { SKUInfo: { CatalogID: 311, Stock: 38 } },
  { SKUInfo: { CatalogID: 312, Stock: 0 } },
];
