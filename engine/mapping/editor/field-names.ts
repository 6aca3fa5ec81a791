import {
  CONCEPT_PHRASES,
  IGNORED_WORDS,
  M3_CODE_WORDS,
  PARTY_CONCEPTS,
  WEAK_WORDS,
  WHOLE_NAME_CONCEPTS,
} from './field-synonyms.ts';

/** A field name read as concepts: `ShipToZipPostalCode` → shipping, postal. */
export interface NameConcepts {
  /** Concepts and leftover words with their weights (weak words count 0.3). */
  weights: ReadonlyMap<string, number>;
  /** `billing` or `shipping` when the name says whose address it is. */
  party?: 'billing' | 'shipping';
  total: number;
}

const WEAK_WEIGHT = 0.3;

/** Words of a name: camelCase and runs of capitals split, digits apart, lower case, plurals folded. */
export function nameWords(name: string): string[] {
  const code = M3_CODE_WORDS[name];
  const text = code ?? name;
  const words = text.match(/[A-Z]+(?![a-z])|[A-Z]?[a-z]+|\d+/g) ?? [];
  return words.map((word) => singular(word.toLowerCase()));
}

/** `comments` → `comment`, but `address`, `status` and short words stay as they are. */
function singular(word: string): string {
  if (word.length <= 3 || !word.endsWith('s') || word.endsWith('ss') || word.endsWith('us')) return word;
  return word.slice(0, -1);
}

interface Phrase {
  words: readonly string[];
  concept: string;
}

// Longest phrases first, so `zip postal code` wins over `zip` and `ship via` over `ship`.
const PHRASES: readonly Phrase[] = Object.entries(CONCEPT_PHRASES)
  .flatMap(([concept, phrases]) =>
    phrases.map((phrase) => ({ words: phrase.split(' ').map((word) => singular(word)), concept })),
  )
  .sort((left, right) => right.words.length - left.words.length);

function phraseAt(words: readonly string[], start: number): Phrase | undefined {
  return PHRASES.find((phrase) => phrase.words.every((word, offset) => words[start + offset] === word));
}

/** Reads a field name as weighted concepts (see {@link NameConcepts}). */
export function nameConcepts(name: string): NameConcepts {
  const words = nameWords(name);
  const whole = words.length === 1 ? WHOLE_NAME_CONCEPTS[words[0] ?? ''] : undefined;
  const concepts: string[] = [];
  if (whole) concepts.push(whole);
  for (let index = 0; !whole && index < words.length; ) {
    const phrase = phraseAt(words, index);
    if (phrase) {
      concepts.push(phrase.concept);
      index += phrase.words.length;
    } else {
      const word = words[index] ?? '';
      if (!IGNORED_WORDS.has(word)) concepts.push(word);
      index++;
    }
  }
  const weights = new Map<string, number>();
  let party: NameConcepts['party'];
  for (const concept of concepts) {
    if (concept === 'billing' || concept === 'shipping') party ??= concept;
    if (PARTY_CONCEPTS.has(concept)) continue;
    weights.set(concept, WEAK_WORDS.has(concept) || /^\d+$/.test(concept) ? WEAK_WEIGHT : 1);
  }
  let total = 0;
  for (const weight of weights.values()) total += weight;
  return party ? { weights, party, total } : { weights, total };
}

/**
 * How alike two names are, in [0, 1]: a weighted Dice coefficient over their concepts, lowered
 * when they name different parties (a bill-to field from a shipment field). The concepts both
 * share are returned for the suggestion's reason.
 */
export function nameSimilarity(
  target: NameConcepts,
  source: NameConcepts,
): { score: number; shared: string[] } {
  let common = 0;
  const shared: string[] = [];
  for (const [concept, weight] of target.weights) {
    const other = source.weights.get(concept);
    if (other === undefined) continue;
    common += Math.min(weight, other);
    shared.push(concept);
  }
  if (common === 0) return { score: 0, shared };
  let score = (2 * common) / (target.total + source.total);
  // Sharing only `Order`, `Type` or a digit says little, unless that is the whole name on both sides.
  const onlyWeak = shared.every((concept) => (target.weights.get(concept) ?? 0) < 1);
  if (onlyWeak && score < 1) score *= 0.5;
  if (target.party && source.party && target.party !== source.party) score *= 0.6;
  else if (target.party && !source.party) score *= 0.9;
  else if (!target.party && source.party === 'shipping') score *= 0.93;
  else if (!target.party && source.party === 'billing') score *= 0.97;
  return { score, shared };
}
