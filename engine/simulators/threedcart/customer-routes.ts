import type { SimulatorRoute } from '../common/simulator-http.ts';
import { type ApiRequest, bodyItems, idParam } from './api-route.ts';
import {
  type Customer,
  CustomerBulkUpdateSchema,
  CustomerCreateSchema,
  CustomerUpdateSchema,
} from './customer-model.ts';
import { createCustomer, updateCustomer } from './customer-writes.ts';
import { FilterBuilder } from './query-filters.ts';
import type { ThreeDCartContext } from './threedcart-context.ts';
import { listResponse, MAXIMUM_LIMIT } from './threedcart-paging.ts';
import {
  ApiError,
  CREATED_MESSAGE,
  DELETED_MESSAGE,
  errorResponse,
  resultRow,
  UPDATED_MESSAGE,
  writeResults,
} from './threedcart-responses.ts';
import { writeRow } from './write-rows.ts';

// `/Customers` (reference/threedcart-api.md §2 "Customers"; DOC-CUS).

export function customerRoutes(context: ThreeDCartContext): SimulatorRoute[] {
  const { route, store, settings } = context;
  const spec = {
    maximum: MAXIMUM_LIMIT.other,
    noun: 'customers',
    limitAboveMaximum: settings.limitAboveMaximum,
  };
  return [
    route('GET', 'Customers', (request) =>
      listResponse(store.customers.values(), customerFilter(context, request.query), request.query, spec),
    ),
    route('GET', 'Customers/(?<customerId>\\d+)', (request) => {
      const customer = store.customers.get(idParam(request, 'customerId'));
      return customer ? { status: 200, body: [customer] } : errorResponse(404, 'No customers found');
    }),
    route('POST', 'Customers', (request) => {
      const rows = bodyItems(request.body).map((item) =>
        writeRow(() => {
          const customer = createCustomer(context, CustomerCreateSchema.parse(item));
          return resultRow('CustomerID', customer.CustomerID, 201, CREATED_MESSAGE);
        }),
      );
      return writeResults(rows, 201);
    }),
    route('PUT', 'Customers', (request) => putCustomers(context, request)),
    route('PUT', 'Customers/(?<customerId>\\d+)', (request) => {
      const customer = findCustomer(context, request);
      updateCustomer(context, customer, CustomerUpdateSchema.parse(request.body));
      return writeResults([resultRow('CustomerID', customer.CustomerID, 200, UPDATED_MESSAGE)], 200);
    }),
    route('DELETE', 'Customers/(?<customerId>\\d+)', (request) => {
      const customer = findCustomer(context, request);
      store.deleteCustomer(customer);
      return writeResults([resultRow('CustomerID', customer.CustomerID, 200, DELETED_MESSAGE)], 200);
    }),
  ];
}

function findCustomer(context: ThreeDCartContext, request: ApiRequest): Customer {
  const customer = context.store.customers.get(idParam(request, 'customerId'));
  if (customer === undefined) throw new ApiError(404, 'Not found', false);
  return customer;
}

function putCustomers(context: ThreeDCartContext, request: ApiRequest) {
  if (!Array.isArray(request.body)) throw new ApiError(400, 'The body must be an array of customers');
  const rows = request.body.map((item) =>
    writeRow(() => {
      const { CustomerID, ...update } = CustomerBulkUpdateSchema.parse(item);
      const customer = context.store.customers.get(CustomerID);
      if (customer === undefined) return resultRow('CustomerID', CustomerID, 404, 'Customer not found');
      updateCustomer(context, customer, update);
      return resultRow('CustomerID', CustomerID, 200, UPDATED_MESSAGE);
    }),
  );
  return writeResults(rows, 200);
}

/** §2 filters; names and places match whole values on the billing address. */
function customerFilter(context: ThreeDCartContext, query: ReadonlyMap<string, string>) {
  const updatedAt = context.store.customerUpdatedAt;
  return new FilterBuilder<Customer>(query)
    .equals('email', (customer) => customer.Email)
    .equals('firstname', (customer) => customer.BillingFirstName)
    .equals('lastname', (customer) => customer.BillingLastName)
    .equals('country', (customer) => customer.BillingCountry)
    .equals('state', (customer) => customer.BillingState)
    .equals('city', (customer) => customer.BillingCity)
    .equals('phone', (customer) => customer.BillingPhoneNumber)
    .dateRange('lastupdatestart', 'lastupdateend', (customer) => updatedAt.get(customer.CustomerID))
    .build();
}
