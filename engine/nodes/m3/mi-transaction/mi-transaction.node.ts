import { z } from 'zod';
import type { JsonValue } from '../../../contract/flow-document.ts';
import { defineNodeType, emit } from '../../node-type.ts';
import {
  apiVersionParameter,
  M3_CREDENTIALS,
  m3ClientOf,
  outputFieldParameter,
  placeOutput,
  renderText,
  templateProblems,
} from '../m3-node-support.ts';

const DOCS = [
  'Runs any M3 MI transaction once per item, e.g. `CRS610MI` / `GetBasicData`, and outputs what M3 answers.',
  '',
  '- **Fields** are the transaction’s input fields (`CUNO`, `ITNO`, …); each value is a template: `{{ expression }}` parts are JSONata evaluated on the item. Empty values are not sent.',
  '- **Max records** is `maxrecs` (0 = all); **Return columns** limits the output fields (`returncols`).',
  '- The item is `{ program, transaction, records }`; with **One item per record** each record is its own item (none when M3 returns none).',
  '- M3 refusals — also those M3 sends inside HTTP 200 — fail the item with `CONNECTOR_VALIDATION` (or `CONNECTOR_NOT_FOUND` for an unknown transaction) carrying M3’s message id, field and text.',
  '- Every MI call is a GET, so **Write** decides what dry-run intercepts. *auto*: transactions named Get…, Lst…, List…, Sel…, Select…, Search… read; every other name (Add, Chg, Del, Upd, Confirm, …) writes.',
  '',
  'Example: `OIS100MI` / `LstLine`, field `ORNO` = `{{ orderNumber }}`, max records 0, one item per record.',
].join('\n');

const FieldSchema = z.object({
  name: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9]{1,8}$/, 'An M3 field name, e.g. CUNO'),
  value: z.string().default(''),
});

const parameters = z.object({
  program: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9]{3,10}$/, 'An MI program, e.g. CRS610MI'),
  transaction: z
    .string()
    .trim()
    .regex(/^[A-Za-z][A-Za-z0-9]{1,31}$/, 'An MI transaction, e.g. GetBasicData'),
  fields: z.array(FieldSchema).default([]),
  maxRecords: z.number().int().min(0).max(100_000).default(100),
  returnColumns: z.array(z.string().trim().toUpperCase().min(1)).default([]),
  write: z.enum(['auto', 'read', 'write']).default('auto'),
  split: z.boolean().default(false),
  apiVersion: apiVersionParameter,
  outputField: outputFieldParameter,
});

/** Runs one MI transaction per item. */
export const miTransactionNode = defineNodeType({
  kind: 'item',
  description: {
    type: 'm3.miTransaction',
    version: 1,
    label: 'M3 MI transaction',
    category: 'connector',
    icon: 'database',
    summary: 'Run any Infor M3 MI transaction for each item',
    docs: DOCS,
    trigger: false,
    inputs: [{ name: 'main', label: 'Items' }],
    outputs: [{ name: 'main', label: 'Results' }],
    credentials: M3_CREDENTIALS,
    expressionParameters: ['fields.value'],
    summaryParameters: ['program', 'transaction'],
  },
  parameters,
  validate: (parameters) =>
    templateProblems(
      Object.fromEntries(parameters.fields.map((field, index) => [`fields.${index}.value`, field.value])),
    ),
  async executeItem(json, context) {
    const { parameters } = context;
    const input: Record<string, string> = {};
    for (const field of parameters.fields) input[field.name] = await renderText(field.value, json);
    const client = await m3ClientOf(context);
    const result = await client.execute({
      program: parameters.program,
      transaction: parameters.transaction,
      input,
      maxRecords: parameters.maxRecords,
      returnColumns: parameters.returnColumns,
      ...(parameters.write === 'auto' ? {} : { write: parameters.write === 'write' }),
    });
    if (parameters.split) {
      return result.records.map((record) => emit(placeOutput(json, record, parameters.outputField)));
    }
    const output: { [key: string]: JsonValue } = {
      program: result.program,
      transaction: result.transaction,
      records: result.records,
    };
    if (result.dryRun) output.dryRun = true;
    return emit(placeOutput(json, output, parameters.outputField));
  },
});
