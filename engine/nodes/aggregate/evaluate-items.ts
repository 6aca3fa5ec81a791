import { BridgeflowError } from '../../errors/bridgeflow-error.ts';
import { compileExpression } from '../../expressions/expression.ts';
import type { InputItem } from '../node-type.ts';

/**
 * Evaluates a JSONata expression on every item of a batch, in order; awaits only when JSONata
 * is asynchronous. A failure names the item it failed on: batch nodes get no item index from
 * the executor, and "which order broke the aggregate" is the first thing a user asks.
 */
export async function evaluateItems(source: string, items: readonly InputItem[]): Promise<unknown[]> {
  const expression = compileExpression(source);
  const results: unknown[] = [];
  for (const item of items) {
    try {
      const result = expression.evaluate(item.json);
      results.push(result instanceof Promise ? await result : result);
    } catch (thrown) {
      throw atItem(thrown, item.index);
    }
  }
  return results;
}

function atItem(thrown: unknown, itemIndex: number): unknown {
  if (!(thrown instanceof BridgeflowError) || thrown.details.itemIndex !== undefined) return thrown;
  return new BridgeflowError(thrown.code, thrown.message, {
    ...thrown.details,
    retryable: thrown.retryable,
    itemIndex,
    cause: thrown,
  });
}
