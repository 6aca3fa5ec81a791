import { z } from 'zod';
import type { JsonValue } from '../../contract/flow-document.ts';
import { checkExpressionSyntax } from '../../expressions/expression.ts';
import { type CompiledMapping, compileMapping } from '../../mapping/mapping-compiler.ts';
import { createMappingEnvironment } from '../../mapping/mapping-environment.ts';
import type { LookupResolver } from '../../mapping/mapping-function.ts';
import { type FieldMapping, FieldMappingSchema, type MappingSource } from '../../mapping/mapping-model.ts';
import { mappingSchema } from '../../mapping/schemas/mapping-schemas.ts';
import { validateRecord } from '../../mapping/schemas/validate-record.ts';
import { defineNodeType, emit, type ParameterProblem } from '../node-type.ts';

const parameters = z.object({
  /** Target schema id (`sage300.OEOrder`): mapped records are checked against it before they go on. */
  targetSchema: z.string().default(''),
  /** Source schema id (`threedcart.Order`), for the editor's source tree. */
  sourceSchema: z.string().default(''),
  fields: z.array(FieldMappingSchema).default([]),
  /** Check every mapped record against the target schema; failures go to `exception`. */
  validateTarget: z.boolean().default(true),
});

type MappingParameters = z.output<typeof parameters>;

// Compiling once per mapping (and lookup source) is what makes a mapping node cost a few
// microseconds per item; parameters objects are parsed once per flow, so they key the cache.
const compiledCache = new WeakMap<MappingParameters, Map<LookupResolver | undefined, CompiledMapping>>();

function compiledFor(parameters: MappingParameters, lookups: LookupResolver | undefined): CompiledMapping {
  let byLookups = compiledCache.get(parameters);
  if (!byLookups) {
    byLookups = new Map();
    compiledCache.set(parameters, byLookups);
  }
  let compiled = byLookups.get(lookups);
  if (!compiled) {
    compiled = compileMapping({ fields: parameters.fields }, createMappingEnvironment(lookups));
    byLookups.set(lookups, compiled);
  }
  return compiled;
}

/** One reason an item went to the exception port. */
interface ExceptionReason {
  target: string;
  code: string;
  message: string;
}

/** Maps each item onto the target record; unknown lookups and invalid records leave on `exception`. */
export const mappingNode = defineNodeType({
  kind: 'item',
  description: {
    type: 'core.mapping',
    version: 1,
    label: 'Map fields',
    category: 'transform',
    icon: 'arrow-right-left',
    summary: 'Map each item onto a target record (Sage 300 order, M3 customer, ...)',
    docs: [
      'Builds the target record field by field: `target` ← a source path, a constant, a library function (dates, addresses, money, status), a lookup table, a condition, or any JSONata expression; `forEach` blocks make one target line per source line.',
      '',
      'With a **target schema** each record is checked (required fields, widths, allowed values, formats) before it goes on. A record that fails, or a lookup that finds nothing (an SKU the ERP does not know), goes to the **exception** port with every reason, so nothing wrong reaches the ERP.',
    ].join('\n'),
    trigger: false,
    inputs: [{ name: 'main', label: 'Items' }],
    outputs: [
      { name: 'main', label: 'Records' },
      { name: 'exception', label: 'Exception', showLabel: true, role: 'exception' },
    ],
    expressionParameters: ['fields'],
    summaryParameters: ['targetSchema'],
  },
  parameters,
  validate(parameters) {
    const problems: ParameterProblem[] = [];
    if (parameters.targetSchema && !mappingSchema(parameters.targetSchema)) {
      problems.push({
        parameter: 'targetSchema',
        message: `Unknown target schema "${parameters.targetSchema}"`,
      });
    }
    parameters.fields.forEach((field, index) => {
      problems.push(...fieldProblems(field, `fields.${index}`));
    });
    if (problems.length === 0) {
      try {
        compileMapping({ fields: parameters.fields }, createMappingEnvironment());
      } catch (thrown) {
        problems.push({
          parameter: 'fields',
          message: thrown instanceof Error ? thrown.message : String(thrown),
        });
      }
    }
    return problems;
  },
  executeItem(json, context) {
    const parameters = context.parameters;
    const outcome = compiledFor(parameters, context.lookups).evaluate(json);
    const finish = ({
      record,
      misses,
    }: {
      record: { [key: string]: JsonValue };
      misses: { target: string; reason: string }[];
    }) => {
      const reasons: ExceptionReason[] = misses.map((miss) => ({
        target: miss.target,
        code: 'lookupMiss',
        message: miss.reason,
      }));
      const schema =
        parameters.validateTarget && parameters.targetSchema
          ? mappingSchema(parameters.targetSchema)
          : undefined;
      if (schema) {
        for (const problem of validateRecord(schema, record)) {
          reasons.push({ target: problem.path, code: problem.code, message: problem.message });
        }
      }
      if (reasons.length === 0) return emit(record);
      return emit({ reasons: reasons.map((reason) => ({ ...reason })), input: json, record }, 'exception');
    };
    return outcome instanceof Promise ? outcome.then(finish) : finish(outcome);
  },
});

function fieldProblems(field: FieldMapping, parameter: string): ParameterProblem[] {
  if ('source' in field) return sourceProblems(field.source, `${parameter}.source`);
  return [
    ...sourceProblems(field.forEach, `${parameter}.forEach`),
    ...field.fields.flatMap((child, index) => fieldProblems(child, `${parameter}.fields.${index}`)),
  ];
}

function sourceProblems(source: MappingSource, parameter: string): ParameterProblem[] {
  if ('expression' in source) {
    const syntax = checkExpressionSyntax(source.expression);
    return syntax ? [{ parameter: `${parameter}.expression`, message: syntax }] : [];
  }
  if ('fn' in source)
    return source.args.flatMap((argument, index) => sourceProblems(argument, `${parameter}.args.${index}`));
  if ('lookup' in source) return sourceProblems(source.key, `${parameter}.key`);
  if ('if' in source) {
    return [
      ...sourceProblems(source.if, `${parameter}.if`),
      ...sourceProblems(source.ifTrue, `${parameter}.ifTrue`),
      ...(source.ifFalse ? sourceProblems(source.ifFalse, `${parameter}.ifFalse`) : []),
    ];
  }
  return [];
}
