import { readFileSync } from 'node:fs';
import jsonata from 'jsonata';
import { jsonataBindings, mappingFunction } from '../../engine/mapping/functions/index.ts';
import { compileMapping } from '../../engine/mapping/mapping-compiler.ts';
import { createMappingEnvironment } from '../../engine/mapping/mapping-environment.ts';
import { MappingSchema } from '../../engine/mapping/mapping-model.ts';
import { mappingToJsonata } from '../../engine/mapping/mapping-to-jsonata.ts';
import { generateOrders } from '../../engine/mapping/testing/generate-orders.ts';
import { createSampleLookups } from '../../engine/mapping/testing/sample-lookups.ts';

export interface MappingThroughput {
  way: 'compiled' | 'JSONata';
  ordersPerSecond: number;
}

/** 5-line 3dcart orders mapped onto Sage 300 orders, compiled and as plain JSONata, in one run. */
export async function measureMapping(orderCount = 2_000, rounds = 5): Promise<MappingThroughput[]> {
  const mapping = MappingSchema.parse(
    JSON.parse(
      readFileSync(
        new URL('../../flows/mappings/threedcart-order-to-sage300-order.mapping.json', import.meta.url),
        'utf8',
      ),
    ),
  );
  const { resolver } = createSampleLookups(7);
  const orders = generateOrders(3, orderCount, { lines: 5 });
  const compiled = compileMapping(mapping, createMappingEnvironment(resolver));
  if (!compiled.synchronous) throw new Error('The benchmark mapping should compile to plain functions');
  const expression = jsonata(mappingToJsonata(mapping, (name) => mappingFunction(name)?.jsonataName));
  const bindings = {
    ...jsonataBindings(),
    lookup: (table: string, key: unknown) => {
      const result = resolver.resolve(table, String(key));
      return result.found ? result.value : null;
    },
  };
  const best = async (run: () => Promise<void> | void): Promise<number> => {
    await run();
    let fastest = Number.POSITIVE_INFINITY;
    for (let round = 0; round < rounds; round++) {
      const started = performance.now();
      await run();
      fastest = Math.min(fastest, performance.now() - started);
    }
    return orderCount / (fastest / 1000);
  };
  const compiledRate = await best(() => {
    for (const order of orders) compiled.evaluate(order);
  });
  const jsonataRate = await best(async () => {
    for (const order of orders) await expression.evaluate(order, { ...bindings, root: order });
  });
  return [
    { way: 'compiled', ordersPerSecond: compiledRate },
    { way: 'JSONata', ordersPerSecond: jsonataRate },
  ];
}
