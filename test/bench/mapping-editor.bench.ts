import { readFileSync } from 'node:fs';
import type { JsonValue } from '../../engine/contract/flow-document.ts';
import type { EditorLookupTable } from '../../engine/mapping/editor/editor-inputs.ts';
import { previewMapping } from '../../engine/mapping/editor/preview-mapping.ts';
import { buildSourceTree } from '../../engine/mapping/editor/source-tree.ts';
import { suggestMappings } from '../../engine/mapping/editor/suggest-mappings.ts';
import { type Mapping, MappingSchema } from '../../engine/mapping/mapping-model.ts';
import { mappingSchema } from '../../engine/mapping/schemas/mapping-schemas.ts';
import { generateOrders } from '../../engine/mapping/testing/generate-orders.ts';
import { createSampleLookups } from '../../engine/mapping/testing/sample-lookups.ts';
import { measureSuggestionPrecision } from '../../engine/mapping/testing/suggestion-precision.ts';

export interface EditorTiming {
  what: string;
  medianMs: number;
  p95Ms: number;
}

function sageMapping(): Mapping {
  const url = new URL('../../flows/mappings/threedcart-order-to-sage300-order.mapping.json', import.meta.url);
  return MappingSchema.parse(JSON.parse(readFileSync(url, 'utf8')));
}

function sampleTables(): EditorLookupTable[] {
  const { repository } = createSampleLookups(7);
  const names = ['sku-to-sage-item', 'email-to-sage-customer', 'shipping-method-to-ship-via'];
  return names.flatMap((name) => repository.getTable(name) ?? []);
}

async function timings(
  rounds: number,
  run: (round: number) => unknown,
): Promise<{ medianMs: number; p95Ms: number }> {
  await run(-1);
  const times: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const started = performance.now();
    await run(round);
    times.push(performance.now() - started);
  }
  times.sort((left, right) => left - right);
  const at = (share: number) => times[Math.min(times.length - 1, Math.floor(share * times.length))] ?? 0;
  return { medianMs: at(0.5), p95Ms: at(0.95) };
}

/**
 * Live preview after an edit: compile the edited mapping, map 20 samples (1–8 lines each) and
 * validate every record, as `previewMapping` does on each keystroke. Each round changes the
 * mapping, so nothing is served from a compile cache: a constant edit, and a JSONata field
 * whose text changes every round as it would while typing in Monaco.
 */
export async function measurePreview(rounds = 50): Promise<EditorTiming[]> {
  const base = sageMapping();
  const samples = generateOrders(3, 20, { maxLines: 8 });
  const lookups = sampleTables();
  const edited = (round: number, expression: boolean): Mapping => ({
    ...base,
    fields: [
      ...base.fields,
      expression
        ? {
            target: 'OrderComment',
            source: { expression: `$substring(BillingEmail & " #${round}", 0, 250)` },
          }
        : { target: 'OrderComment', source: { value: `Edit ${round}` } },
    ],
  });
  const declarative = await timings(rounds, (round) =>
    previewMapping({ mapping: edited(round, false), samples, lookups }),
  );
  const withExpression = await timings(rounds, (round) =>
    previewMapping({ mapping: edited(round, true), samples, lookups }),
  );
  return [
    { what: 'preview after an edit, 20 samples (declarative)', ...declarative },
    { what: 'preview after typing in an expression, 20 samples', ...withExpression },
  ];
}

/** Source tree of 1,200 fields over 20 samples, and suggestions for a Sage order from 3dcart orders. */
export async function measureTreesAndSuggestions(rounds = 20): Promise<EditorTiming[]> {
  const wide: JsonValue[] = Array.from({ length: 20 }, (_, sample) => {
    const record: { [key: string]: JsonValue } = {};
    for (let index = 0; index < 1_000; index++) record[`CustomField${index}`] = `value ${sample}-${index}`;
    record.Lines = Array.from({ length: 5 }, (_, line) => {
      const fields: { [key: string]: JsonValue } = {};
      for (let index = 0; index < 200; index++) fields[`LineField${index}`] = line * index;
      return fields;
    });
    return record;
  });
  const tree = await timings(rounds, () => buildSourceTree(mappingSchema('threedcart.Order'), wide));
  const orders = generateOrders(3, 20);
  const mapping: Mapping = { sourceSchema: 'threedcart.Order', targetSchema: 'sage300.OEOrder', fields: [] };
  const suggestions = await timings(rounds, () => suggestMappings({ mapping, samples: orders }));
  const fieldCount = buildSourceTree(mappingSchema('threedcart.Order'), wide).length;
  return [
    { what: `source tree, ${fieldCount.toLocaleString('en-US')} fields × 20 samples`, ...tree },
    { what: 'suggestions, 3dcart order → Sage 300 order, 20 samples', ...suggestions },
  ];
}

export { measureSuggestionPrecision };
