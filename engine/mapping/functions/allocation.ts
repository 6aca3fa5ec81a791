import { type Decimal, toUnits } from './decimal.ts';

/**
 * Splits `amount` across lines in proportion to `weights` so that the shares, in units of
 * `10^-places`, add up to the rounded amount exactly (largest-remainder method: every line gets
 * the floor of its exact share, the cents left over go one each to the largest remainders; ties
 * go to the larger weight, then to the earlier line).
 *
 * Weights of zero get nothing. When some weights are positive, negative ones (3dcart discount
 * lines, threedcart-api.md §3 OrderItem quirks) get nothing either: shipping or tax is not carried
 * by a discount. When no weight is positive (a credit with all lines negative) their sizes are used.
 * Null when the weights are all zero but the amount is not: there is nothing to be proportional to.
 */
export function allocateUnits(amount: Decimal, weights: readonly Decimal[], places: number): bigint[] | null {
  const total = toUnits(amount, places);
  const scale = Math.max(0, ...weights.map((weight) => weight.scale));
  const raw = weights.map((weight) => weight.units * 10n ** BigInt(scale - weight.scale));
  const anyPositive = raw.some((weight) => weight > 0n);
  const used = raw.map((weight) => (anyPositive ? (weight > 0n ? weight : 0n) : -weight));
  const weightSum = used.reduce((sum, weight) => sum + weight, 0n);
  if (weightSum === 0n) return total === 0n ? used.map(() => 0n) : null;

  const magnitude = total < 0n ? -total : total;
  const shares = used.map((weight) => (magnitude * weight) / weightSum);
  const remainders = used.map((weight) => (magnitude * weight) % weightSum);
  let leftover = magnitude - shares.reduce((sum, share) => sum + share, 0n);
  const order = used
    .map((_, index) => index)
    .sort(
      (a, b) =>
        compareDescending(remainders[a]!, remainders[b]!) || compareDescending(used[a]!, used[b]!) || a - b,
    );
  for (const index of order) {
    if (leftover === 0n) break;
    shares[index]! += 1n;
    leftover -= 1n;
  }
  return total < 0n ? shares.map((share) => -share) : shares;
}

function compareDescending(a: bigint, b: bigint): number {
  return a === b ? 0 : a > b ? -1 : 1;
}
