import type { JsonValue } from '../../contract/flow-document.ts';
import { MAPPING_FUNCTIONS } from '../functions/index.ts';
import type { MappingFunction } from '../mapping-function.ts';
import type { SourceTreeField } from './editor-tree.ts';

/** A function the expression editor offers after `$`. */
export interface FunctionCompletion {
  /** Name in JSONata without `$`: `dateToM3`. */
  name: string;
  /** Dotted name in declarative mappings (`date.toM3`); absent for JSONata's own functions. */
  libraryName?: string;
  category: MappingFunction['category'] | 'jsonata';
  /** `$dateToM3(value, timeZone?)`. */
  signature: string;
  /** One line, then one line per parameter. */
  description: string;
  parameters: { name: string; type: string; optional: boolean; description: string }[];
  /** `$dateToM3("2025-03-04T16:05:43") → "20250304"`, when the library gives an example. */
  example?: string;
}

/** A source path the expression editor offers. */
export interface PathCompletion {
  /** As typed in the expression: relative to the line inside "for each", `$root.` outside it. */
  path: string;
  type: string;
  /** Example values from the samples, for the completion's detail line. */
  detail: string;
  description?: string;
}

// JSONata's own functions worth offering while mapping (jsonata.org "Function library").
// `$lookup` is left out: mapping expressions bind it to lookup tables instead (mapping-compiler).
const JSONATA_FUNCTIONS: readonly [string, string, string][] = [
  ['string', 'arg, prettify?', 'Casts a value to text'],
  ['number', 'arg', 'Casts a value to a number'],
  ['length', 'str', 'Number of characters in the text'],
  ['substring', 'str, start, length?', 'Part of the text from start (0-based), optionally of a length'],
  ['substringBefore', 'str, chars', 'Text before the first occurrence of chars'],
  ['substringAfter', 'str, chars', 'Text after the first occurrence of chars'],
  ['uppercase', 'str', 'Text in upper case'],
  ['lowercase', 'str', 'Text in lower case'],
  ['trim', 'str', 'Text with surrounding and repeated whitespace removed'],
  ['pad', 'str, width, char?', 'Text padded to width (negative pads on the left)'],
  ['contains', 'str, pattern', 'Whether the text contains the pattern'],
  ['split', 'str, separator, limit?', 'Text split into a list'],
  ['join', 'array, separator?', 'List of texts joined into one'],
  ['replace', 'str, pattern, replacement, limit?', 'Text with the pattern replaced'],
  ['round', 'number, precision?', "Rounded half to even (banker's rounding)"],
  ['floor', 'number', 'Rounded down'],
  ['ceil', 'number', 'Rounded up'],
  ['abs', 'number', 'Absolute value'],
  ['sum', 'array', 'Sum of the numbers'],
  ['max', 'array', 'Largest number'],
  ['min', 'array', 'Smallest number'],
  ['count', 'array', 'Number of entries'],
  ['exists', 'arg', 'Whether the value exists'],
  ['boolean', 'arg', "JSONata's truthiness of the value"],
  ['not', 'arg', 'Logical not'],
  ['now', '', 'Current time as ISO 8601'],
  ['map', 'array, function', 'Applies a function to every entry'],
  ['filter', 'array, function', 'Entries for which the function is true'],
];

function libraryCompletion(definition: MappingFunction): FunctionCompletion {
  const parameters = definition.parameters.map((parameter) => ({
    name: parameter.name,
    type: parameter.type,
    optional: parameter.optional === true,
    description: parameter.description,
  }));
  const list = parameters.map((parameter) => `${parameter.name}${parameter.optional ? '?' : ''}`).join(', ');
  const lines = parameters.map((parameter) => `${parameter.name}: ${parameter.description}`);
  const args = definition.example.args.map((arg) => JSON.stringify(arg)).join(', ');
  return {
    name: definition.jsonataName,
    libraryName: definition.name,
    category: definition.category,
    signature: `$${definition.jsonataName}(${list})`,
    description: [definition.summary, ...lines].join('\n'),
    parameters,
    example: `$${definition.jsonataName}(${args}) → ${JSON.stringify(definition.example.result)}`,
  };
}

/** Every function an expression can call: the mapping library, `$lookup(table, key)`, JSONata's own. */
export function functionCompletions(): FunctionCompletion[] {
  const lookup: FunctionCompletion = {
    name: 'lookup',
    category: 'lookup',
    signature: '$lookup(table, key)',
    description:
      "The value of a lookup table's row for the key, or null when no row (and no default) covers it",
    parameters: [
      { name: 'table', type: 'string', optional: false, description: 'Lookup table name' },
      { name: 'key', type: 'string', optional: false, description: 'Value to look up' },
    ],
  };
  const builtins = JSONATA_FUNCTIONS.map(
    ([name, parameters, description]): FunctionCompletion => ({
      name,
      category: 'jsonata',
      signature: `$${name}(${parameters})`,
      description,
      parameters:
        parameters === ''
          ? []
          : parameters.split(', ').map((parameter) => ({
              name: parameter.replace('?', ''),
              type: 'any',
              optional: parameter.endsWith('?'),
              description: '',
            })),
    }),
  );
  return [...MAPPING_FUNCTIONS.map(libraryCompletion), lookup, ...builtins];
}

/**
 * Source paths for autocomplete, as an expression at this place reads them: inside a "for each"
 * over `forEachPath` the line's fields relative to the line and the rest under `$root.`;
 * elsewhere every path from the item root. Lists themselves are offered too (for `$count`).
 */
export function pathCompletions(tree: readonly SourceTreeField[], forEachPath?: string): PathCompletion[] {
  const prefix = forEachPath ? `${forEachPath}[].` : undefined;
  return tree.map((field) => {
    const inLine = prefix !== undefined && field.path.startsWith(prefix);
    const relative = inLine ? field.path.slice(prefix.length).replaceAll('[]', '') : field.mappingPath;
    const path = prefix === undefined || inLine ? relative : `$root.${relative}`;
    const completion: PathCompletion = {
      path,
      type: field.isArray ? 'list' : field.type,
      detail: detail(field.examples),
    };
    if (field.description !== undefined) completion.description = field.description;
    return completion;
  });
}

function detail(examples: readonly JsonValue[]): string {
  return examples.map((example) => JSON.stringify(example)).join(', ');
}
