import type { MappingSource } from '../../engine/contract/mapping-document.ts';
import type { FunctionCompletion } from '../../engine/contract/mapping-editor-data.ts';
import { constantOf } from './source-kinds.ts';

function textOf(source: MappingSource | undefined): string {
  if (!source) return '';
  if ('path' in source) return source.path;
  if ('value' in source)
    return typeof source.value === 'string' ? source.value : JSON.stringify(source.value);
  return '';
}

/** One argument: a source path or a constant, as a kind switch and a text box. */
export function ArgumentInput(props: {
  label: string;
  type: string;
  source: MappingSource | undefined;
  onChange: (source: MappingSource | undefined) => void;
}) {
  const isPath = props.source !== undefined && 'path' in props.source;
  const text = textOf(props.source);
  const emit = (path: boolean, value: string) => {
    if (path) props.onChange(value.trim() === '' ? undefined : { path: value.trim() });
    else props.onChange({ value: constantOf(value, props.type) });
  };
  return (
    <div className="argument">
      <span className="small">{props.label}</span>
      <select
        aria-label={`${props.label} kind`}
        value={isPath ? 'path' : 'value'}
        onChange={(event) => emit(event.target.value === 'path', text)}
      >
        <option value="path">field</option>
        <option value="value">constant</option>
      </select>
      <input
        aria-label={props.label}
        value={text}
        placeholder={isPath ? 'BillingEmail' : 'value'}
        onChange={(event) => emit(isPath, event.target.value)}
      />
    </div>
  );
}

/** Library function and its arguments, each a field or a constant. */
export function FunctionForm(props: {
  source: { fn: string; args: MappingSource[] };
  functions: readonly FunctionCompletion[];
  onChange: (source: MappingSource) => void;
}) {
  const library = props.functions.filter((entry) => entry.libraryName);
  const chosen = library.find((entry) => entry.libraryName === props.source.fn);
  const categories = [...new Set(library.map((entry) => entry.category))];
  return (
    <div className="function-form" data-testid="function-form">
      <select
        aria-label="Function"
        value={props.source.fn}
        onChange={(event) => props.onChange({ fn: event.target.value, args: props.source.args.slice(0, 1) })}
      >
        {categories.map((category) => (
          <optgroup key={category} label={category}>
            {library
              .filter((entry) => entry.category === category)
              .map((entry) => (
                <option key={entry.libraryName} value={entry.libraryName}>
                  {entry.libraryName}
                </option>
              ))}
          </optgroup>
        ))}
      </select>
      {chosen && <p className="small muted">{chosen.description.split('\n')[0]}</p>}
      {chosen?.example && <p className="small muted">e.g. {chosen.example}</p>}
      {chosen?.parameters.map((parameter, index) => (
        <ArgumentInput
          key={parameter.name}
          label={`${parameter.name}${parameter.optional ? ' (optional)' : ''}`}
          type={parameter.type}
          source={props.source.args[index]}
          onChange={(argument) => {
            const args = [...props.source.args];
            if (argument) {
              // Arguments are positional: earlier ones left empty become empty constants.
              while (args.length < index) args.push({ value: '' });
              args[index] = argument;
            } else {
              // Clearing an argument clears those after it, which would shift position otherwise.
              args.splice(index);
            }
            props.onChange({ fn: props.source.fn, args });
          }}
        />
      ))}
    </div>
  );
}
