import type { JsonValue } from '../../contract/flow-document.ts';
import { toJsonValue } from '../../nodes/json-path.ts';
import { catalogPeople } from '../../simulators/common/seed-catalog.ts';
import { SeededRandom } from '../../simulators/common/seeded-random.ts';
import { seedCustomer } from '../../simulators/threedcart/seed-customers.ts';
import { suggestMappings } from '../editor/suggest-mappings.ts';
import { generateOrders } from './generate-orders.ts';
import { HELD_OUT_FIELD_PAIRS } from './held-out-field-pairs.ts';

/** One held-out pair and what the top suggestion was. */
export interface PrecisionCase {
  targetSchema: string;
  target: string;
  expected: readonly string[];
  top: string | undefined;
  confidence: number | undefined;
  right: boolean;
}

/** Precision@1 over the held-out pairs, with every case for a report. */
export interface SuggestionPrecision {
  precisionAtOne: number;
  right: number;
  total: number;
  cases: PrecisionCase[];
}

/** 3dcart samples for a source schema: generated orders, or the sandbox's seed customers. */
function samplesFor(sourceSchema: string, count: number): JsonValue[] {
  if (sourceSchema === 'threedcart.Order') return generateOrders(11, count);
  const random = new SeededRandom(11);
  return catalogPeople(11, count).map((person, index) =>
    toJsonValue(seedCustomer(random, person, index + 1)),
  );
}

/**
 * How often the top suggestion for a held-out target is a right source field, with an empty
 * mapping (every target unmapped) and 20 samples per direction.
 */
export function measureSuggestionPrecision(sampleCount = 20): SuggestionPrecision {
  const cases: PrecisionCase[] = [];
  for (const heldOut of HELD_OUT_FIELD_PAIRS) {
    const suggestions = suggestMappings({
      mapping: { sourceSchema: heldOut.sourceSchema, targetSchema: heldOut.targetSchema, fields: [] },
      samples: samplesFor(heldOut.sourceSchema, sampleCount),
      limit: 1,
      minConfidence: 0,
    });
    for (const { target, source } of heldOut.pairs) {
      const top = suggestions.find((entry) => entry.target === target)?.candidates[0];
      cases.push({
        targetSchema: heldOut.targetSchema,
        target,
        expected: source,
        top: top?.source,
        confidence: top?.confidence,
        right: top !== undefined && source.includes(top.source),
      });
    }
  }
  const right = cases.filter((entry) => entry.right).length;
  return { precisionAtOne: right / cases.length, right, total: cases.length, cases };
}
