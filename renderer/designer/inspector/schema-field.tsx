import { useEffect, useState } from 'react';
import type { JsonValue } from '../../../engine/contract/flow-document.ts';
import { CodeEditor } from '../../editor/code-editor.tsx';
import {
  type FieldKind,
  fieldKind,
  formatParameterPath,
  humanise,
  type JsonSchema,
  withoutIndices,
} from './json-schema.ts';

/** What every field of the generated form needs from the inspector. */
export interface FormContext {
  root: JsonSchema;
  expressionParameters: readonly string[];
  /** Problems by formatted parameter path (`url`, `headers[0].name`). */
  problems: ReadonlyMap<string, string>;
  change: (path: (string | number)[], value: JsonValue | undefined) => void;
  /** Parameter to scroll to and focus (from the problems panel). */
  focus: string | undefined;
}

interface FieldProps {
  name: string;
  schema: JsonSchema;
  value: JsonValue | undefined;
  path: (string | number)[];
  required: boolean;
  context: FormContext;
}

/** One parameter, edited by the control its schema calls for, with its problem under it. */
export function SchemaField({ name, schema, value, path, required, context }: FieldProps) {
  const kind = fieldKind(schema, context.root, context.expressionParameters.includes(withoutIndices(path)));
  const key = formatParameterPath(path);
  const problem = context.problems.get(key);
  const id = `field-${key}`;
  const label = (
    <label htmlFor={id} className="field-label">
      {humanise(name)}
      {required ? <span className="required-marker"> *</span> : null}
      {kind.kind === 'expression' ? <span className="field-hint"> JSONata</span> : null}
    </label>
  );
  return (
    <div className={`field field-${kind.kind}${problem ? ' field-invalid' : ''}`} data-field={key}>
      {kind.kind === 'boolean' ? null : label}
      <FieldControl
        id={id}
        kind={kind}
        value={value}
        path={path}
        context={context}
        name={name}
        schema={schema}
      />
      {problem ? (
        <div className="field-problem" role="alert">
          {problem}
        </div>
      ) : null}
    </div>
  );
}

function FieldControl({
  id,
  kind,
  value,
  path,
  context,
  name,
  schema,
}: { id: string; kind: FieldKind } & Omit<FieldProps, 'required'>) {
  const set = (next: JsonValue | undefined) => context.change(path, next);
  switch (kind.kind) {
    case 'text':
      return (
        <input
          id={id}
          type="text"
          value={typeof value === 'string' ? value : ''}
          onChange={(event) => set(event.target.value)}
        />
      );
    case 'expression':
      return (
        <CodeEditor
          ariaLabel={formatParameterPath(path)}
          value={typeof value === 'string' ? value : ''}
          onChange={set}
          height={48}
        />
      );
    case 'number':
      return <NumberInput id={id} value={value} integer={kind.integer} onChange={set} />;
    case 'boolean':
      return (
        <label className="field-checkbox">
          <input
            id={id}
            type="checkbox"
            checked={value === true}
            onChange={(event) => set(event.target.checked)}
          />
          {humanise(name)}
        </label>
      );
    case 'select':
      return (
        <select
          id={id}
          value={typeof value === 'string' ? value : ''}
          onChange={(event) => set(event.target.value)}
        >
          {typeof value === 'string' && kind.options.includes(value) ? null : <option value="">—</option>}
          {kind.options.map((option) => (
            <option key={option}>{option}</option>
          ))}
        </select>
      );
    case 'list':
      return <ListField item={kind.item} value={value} path={path} context={context} />;
    case 'object':
      return <ObjectFields schema={kind.schema} value={value} path={path} context={context} />;
    case 'variant':
      return <VariantField kind={kind} value={value} path={path} context={context} />;
    case 'json':
      return <JsonField id={id} value={value} onChange={set} fallback={schema.default} />;
  }
}

/** The properties of an object schema, in schema order. */
export function ObjectFields({
  schema,
  value,
  path,
  context,
}: {
  schema: JsonSchema;
  value: JsonValue | undefined;
  path: (string | number)[];
  context: FormContext;
}) {
  const record = typeof value === 'object' && value !== null && !Array.isArray(value) ? value : {};
  const required = new Set(schema.required ?? []);
  return (
    <div className="field-group">
      {Object.entries(schema.properties ?? {}).map(([name, property]) => (
        <SchemaField
          key={name}
          name={name}
          schema={property}
          value={record[name]}
          path={[...path, name]}
          required={required.has(name)}
          context={context}
        />
      ))}
    </div>
  );
}

function ListField({
  item,
  value,
  path,
  context,
}: {
  item: JsonSchema;
  value: JsonValue | undefined;
  path: (string | number)[];
  context: FormContext;
}) {
  const rows = Array.isArray(value) ? value : [];
  const blank = Object.fromEntries(
    Object.entries(item.properties ?? {}).map(([name, property]) => [name, defaultFor(property)]),
  );
  return (
    <div className="field-list">
      {rows.map((row, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity beyond their position
        <div className="field-list-row" key={index}>
          <ObjectFields schema={item} value={row} path={[...path, index]} context={context} />
          <button
            type="button"
            className="icon-button"
            aria-label="Remove row"
            onClick={() => context.change([...path, index], undefined)}
          >
            ✕
          </button>
        </div>
      ))}
      <button
        type="button"
        className="link-button"
        onClick={() => context.change([...path, rows.length], blank)}
      >
        + Add
      </button>
    </div>
  );
}

function VariantField({
  kind,
  value,
  path,
  context,
}: {
  kind: Extract<FieldKind, { kind: 'variant' }>;
  value: JsonValue | undefined;
  path: (string | number)[];
  context: FormContext;
}) {
  const record = typeof value === 'object' && value !== null && !Array.isArray(value) ? value : {};
  const current =
    kind.variants.find((variant) => variant.value === record[kind.discriminator]) ?? kind.variants[0];
  const rest = { ...current?.schema, properties: { ...current?.schema.properties } };
  delete rest.properties[kind.discriminator];
  return (
    <div className="field-group">
      <select
        aria-label={humanise(kind.discriminator)}
        value={current?.value}
        onChange={(event) => context.change(path, { [kind.discriminator]: event.target.value })}
      >
        {kind.variants.map((variant) => (
          <option key={variant.value}>{variant.value}</option>
        ))}
      </select>
      <ObjectFields schema={rest} value={record} path={path} context={context} />
    </div>
  );
}

function NumberInput({
  id,
  value,
  integer,
  onChange,
}: {
  id: string;
  value: JsonValue | undefined;
  integer: boolean;
  onChange: (value: JsonValue | undefined) => void;
}) {
  return (
    <input
      id={id}
      type="number"
      step={integer ? 1 : 'any'}
      value={typeof value === 'number' ? value : ''}
      onChange={(event) => onChange(event.target.value === '' ? undefined : Number(event.target.value))}
    />
  );
}

/** Any other value as JSON text; kept as typed until it parses. */
function JsonField({
  id,
  value,
  onChange,
  fallback,
}: {
  id: string;
  value: JsonValue | undefined;
  onChange: (value: JsonValue) => void;
  fallback: unknown;
}) {
  const [text, setText] = useState(() => JSON.stringify(value ?? fallback ?? null, null, 2));
  const [error, setError] = useState<string | undefined>();
  // Follow outside changes (undo, another field) but not the user's own typing: reformatting the
  // text they are writing would move the cursor.
  useEffect(
    () =>
      setText((current) =>
        sameJson(current, value ?? null) ? current : JSON.stringify(value ?? null, null, 2),
      ),
    [value],
  );
  return (
    <>
      <textarea
        id={id}
        className="json-field"
        rows={Math.min(12, text.split('\n').length + 1)}
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          try {
            onChange(JSON.parse(event.target.value));
            setError(undefined);
          } catch (thrown) {
            setError(thrown instanceof Error ? thrown.message : String(thrown));
          }
        }}
      />
      {error ? <div className="field-problem">Not JSON yet: {error}</div> : null}
    </>
  );
}

function defaultFor(schema: JsonSchema): JsonValue {
  if (schema.default !== undefined) return JSON.parse(JSON.stringify(schema.default));
  if (schema.type === 'boolean') return false;
  if (schema.type === 'number' || schema.type === 'integer') return 0;
  return '';
}

function sameJson(text: string, value: JsonValue): boolean {
  try {
    return JSON.stringify(JSON.parse(text)) === JSON.stringify(value);
  } catch {
    return false;
  }
}
