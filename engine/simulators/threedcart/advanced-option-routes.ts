import type { SimulatorRoute } from '../common/simulator-http.ts';
import { bodyItems } from './api-route.ts';
import { type AdvancedOption, AdvancedOptionUpdateSchema, type Product } from './product-model.ts';
import { findProduct } from './product-routes.ts';
import { updateAdvancedOption } from './product-writes.ts';
import type { ThreeDCartContext } from './threedcart-context.ts';
import { listResponse, MAXIMUM_LIMIT } from './threedcart-paging.ts';
import {
  ApiError,
  type ResultRow,
  resultRow,
  UPDATED_MESSAGE,
  writeResults,
} from './threedcart-responses.ts';
import { invalidMessage } from './write-rows.ts';

// `/Products/{catalogid}/AdvancedOptions` — variant inventory and prices (reference/threedcart-api.md
// §2, §10 quirk 12). SkuVault PUTs the array of options with new AdvancedOptionStock values.

export function advancedOptionRoutes(context: ThreeDCartContext): SimulatorRoute[] {
  const base = 'Products/(?<catalogId>\\d+)/AdvancedOptions';
  const paging = {
    maximum: MAXIMUM_LIMIT.other,
    noun: 'advanced options',
    limitAboveMaximum: context.settings.limitAboveMaximum,
  };
  return [
    context.route('GET', base, (request) =>
      listResponse(findProduct(context, request).AdvancedOptionList, () => true, request.query, paging),
    ),
    context.route('PUT', base, (request) => {
      const product = findProduct(context, request);
      if (!Array.isArray(request.body))
        throw new ApiError(400, 'The body must be an array of advanced options');
      return writeResults(
        request.body.map((item) => updateRow(context, product, item)),
        200,
      );
    }),
    context.route('PUT', `${base}/(?<code>[^/]+)`, (request) => {
      const product = findProduct(context, request);
      const code = request.params.code ?? '';
      if (findOption(product, code) === undefined) throw new ApiError(404, 'Not found', false);
      const [item] = bodyItems(request.body);
      const withCode =
        typeof item === 'object' && item !== null ? { ...item, AdvancedOptionCode: code } : item;
      return writeResults([updateRow(context, product, withCode)], 200);
    }),
  ];
}

function updateRow(context: ThreeDCartContext, product: Product, item: unknown): ResultRow {
  const parsed = AdvancedOptionUpdateSchema.safeParse(item);
  if (!parsed.success) return resultRow('Error', '', 400, invalidMessage(parsed.error.issues));
  const code = parsed.data.AdvancedOptionCode;
  const option = findOption(product, code);
  if (option === undefined) return resultRow('AdvancedOptionCode', code, 404, 'Advanced option not found');
  updateAdvancedOption(context, product, option, parsed.data);
  return resultRow('AdvancedOptionCode', code, 200, UPDATED_MESSAGE);
}

function findOption(product: Product, code: string): AdvancedOption | undefined {
  return product.AdvancedOptionList.find((option) => option.AdvancedOptionCode === code);
}
