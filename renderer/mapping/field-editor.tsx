import { useEffect } from 'react';
import type { Mapping, MappingSource } from '../../engine/contract/mapping-document.ts';
import { flowApi } from '../api/flow-api.ts';
import { reportError } from '../state/designer.store.ts';
import { ExpressionEditor } from './expression-editor.tsx';
import { commitMapping, loadCompletions, useMappingEditor } from './mapping-editor.store.ts';
import { findField, removeField, setSource } from './mapping-edits.ts';
import { ArgumentInput, FunctionForm } from './source-form.tsx';
import { kindOf, type SourceKind, switchKind } from './source-kinds.ts';

const KINDS: readonly { kind: SourceKind; label: string }[] = [
  { kind: 'path', label: 'Source field' },
  { kind: 'value', label: 'Constant' },
  { kind: 'fn', label: 'Function' },
  { kind: 'lookup', label: 'Lookup table' },
  { kind: 'if', label: 'Condition' },
  { kind: 'expression', label: 'Expression' },
];

// Selectors must answer the same object while nothing changed, or React re-renders forever.
const NO_ERRORS: readonly { target: string; message: string }[] = [];

/** The selected target field: what it requires, and its mapping as a small form or an expression. */
export function FieldEditor({ mapping }: { mapping: Mapping }) {
  const target = useMappingEditor((state) => state.selectedTarget);
  const row = useMappingEditor((state) => state.trees?.target.find((candidate) => candidate.path === target));
  const completions = useMappingEditor((state) => state.completions);
  const errors = useMappingEditor((state) => state.preview?.fieldErrors ?? NO_ERRORS);
  const list = target?.includes('[].') ? target.slice(0, target.indexOf('[].')) : undefined;
  const block = list ? mapping.fields.find((field) => field.target === list) : undefined;
  const forEachPath = block && 'forEach' in block && 'path' in block.forEach ? block.forEach.path : undefined;
  useEffect(() => {
    void loadCompletions(forEachPath?.split('.').join('[].'));
  }, [forEachPath]);
  if (!target)
    return <p className="muted panel-empty">Select a target field, or drag a source field onto one.</p>;
  const field = findField(mapping, target);
  const commit = (source: MappingSource | undefined) => {
    // Edits of one field made while typing coalesce into one undo step.
    if (source) commitMapping(setSource(mapping, target, source, forEachPath), `mapping:${target}`);
  };
  const error = errors.find((entry) => entry.target === target);
  return (
    <div className="field-editor" data-testid="field-editor">
      <h4>{target}</h4>
      {row && (
        <p className="small muted">
          {row.required
            ? 'Required. '
            : row.requiredWhen
              ? `Required when ${row.requiredWhen.field} is ${row.requiredWhen.equals.join(' or ')}. `
              : ''}
          {row.maxLength !== undefined ? `At most ${row.maxLength} characters. ` : ''}
          {row.allowed ? `One of ${row.allowed.join(', ')}. ` : ''}
          {row.description}
        </p>
      )}
      {field && 'forEach' in field && (
        <p>
          For each element of <code>{'path' in field.forEach ? field.forEach.path : 'an expression'}</code>,
          one {field.target} line ({field.fields.length} fields mapped).
        </p>
      )}
      {field && 'source' in field && (
        <SourceEditor
          source={field.source}
          onChange={commit}
          completions={completions}
          targetType={row?.type}
        />
      )}
      {!field && (
        <div className="field-empty">
          <p className="muted small">Not mapped. Drag a source field here, or start with:</p>
          {KINDS.filter((entry) => entry.kind !== 'path').map((entry) => (
            <button
              type="button"
              key={entry.kind}
              data-testid={`start-${entry.kind}`}
              onClick={() =>
                commit(
                  entry.kind === 'expression'
                    ? { expression: '""' }
                    : switchKind(
                        entry.kind,
                        undefined,
                        completions.functions.find((f) => f.libraryName)?.libraryName ?? 'text.join',
                      ),
                )
              }
            >
              {entry.label}
            </button>
          ))}
        </div>
      )}
      {error && (
        <p className="status-error small" data-testid="field-error">
          {error.message}
        </p>
      )}
      {field && (
        <button
          type="button"
          className="danger-button"
          onClick={() => commitMapping(removeField(mapping, target))}
          data-testid="remove-mapping"
        >
          Remove mapping
        </button>
      )}
    </div>
  );
}

function SourceEditor(props: {
  source: MappingSource;
  onChange: (source: MappingSource | undefined) => void;
  completions: ReturnType<typeof useMappingEditor.getState>['completions'];
  /** The target field's type, so a typed constant becomes the value the target expects. */
  targetType: string | undefined;
}) {
  const { source, onChange, completions } = props;
  const constantType = props.targetType === 'date' ? 'string' : (props.targetType ?? 'any');
  const kind = kindOf(source);
  const toExpression = async () => {
    const result = await flowApi().sourceToExpression({ source });
    if (!result.ok) return reportError(result.error);
    onChange({ expression: result.value.expression });
  };
  return (
    <div className="source-editor">
      <div className="source-kind">
        <select
          aria-label="Mapping kind"
          data-testid="mapping-kind"
          value={kind}
          onChange={(event) => {
            const next = event.target.value;
            const entry = KINDS.find((candidate) => candidate.kind === next);
            if (!entry) return;
            if (entry.kind === 'expression') void toExpression();
            else
              onChange(
                switchKind(
                  entry.kind,
                  source,
                  completions.functions.find((f) => f.libraryName)?.libraryName ?? 'text.join',
                ),
              );
          }}
        >
          {KINDS.map((entry) => (
            <option key={entry.kind} value={entry.kind}>
              {entry.label}
            </option>
          ))}
        </select>
        {kind !== 'expression' && (
          <button type="button" onClick={() => void toExpression()} data-testid="switch-to-expression">
            Edit as expression
          </button>
        )}
      </div>
      {'path' in source && (
        <ArgumentInput label="Source field" type="any" source={source} onChange={onChange} />
      )}
      {'value' in source && (
        <ArgumentInput label="Constant" type={constantType} source={source} onChange={onChange} />
      )}
      {'fn' in source && (
        <FunctionForm source={source} functions={completions.functions} onChange={onChange} />
      )}
      {'lookup' in source && (
        <div className="lookup-form">
          <label className="small">
            Table
            <input
              aria-label="Lookup table"
              value={source.lookup}
              onChange={(event) => event.target.value && onChange({ ...source, lookup: event.target.value })}
            />
          </label>
          <ArgumentInput
            label="Key"
            type="string"
            source={source.key}
            onChange={(key) => key && onChange({ ...source, key })}
          />
          <label className="field-checkbox small">
            <input
              type="checkbox"
              checked={source.onMiss === 'null'}
              onChange={(event) =>
                onChange({
                  lookup: source.lookup,
                  key: source.key,
                  ...(event.target.checked ? { onMiss: 'null' as const } : {}),
                })
              }
            />
            Leave empty on a miss (instead of the exception port)
          </label>
        </div>
      )}
      {'if' in source && (
        <div className="condition-form">
          <ArgumentInput
            label="If"
            type="any"
            source={source.if}
            onChange={(part) => part && onChange({ ...source, if: part })}
          />
          <ArgumentInput
            label="Then"
            type="any"
            source={source.ifTrue}
            onChange={(part) => part && onChange({ ...source, ifTrue: part })}
          />
          <ArgumentInput
            label="Otherwise"
            type="any"
            source={source.ifFalse}
            onChange={(part) =>
              onChange(part ? { ...source, ifFalse: part } : { if: source.if, ifTrue: source.ifTrue })
            }
          />
        </div>
      )}
      {'expression' in source && (
        <ExpressionEditor
          value={source.expression}
          onChange={(expression) => expression.trim() !== '' && onChange({ expression })}
          functions={completions.functions}
          paths={completions.paths}
        />
      )}
    </div>
  );
}
