import { useEffect } from 'react';
import type { FieldMapping, Mapping, MappingSource } from '../../engine/contract/mapping-document.ts';
import type { TargetTreeField } from '../../engine/contract/mapping-editor-data.ts';
import { commitMapping, loadCompletions, useMappingEditor } from './mapping-editor.store.ts';
import { findField, removeField, setSource } from './mapping-edits.ts';
import { SourceEditor } from './source-editor.tsx';
import { KINDS, type SourceKind, switchKind } from './source-kinds.ts';

// Selectors must answer the same object while nothing changed, or React re-renders forever.
const NO_ERRORS: readonly { target: string; message: string }[] = [];

/** The selected target field: what it requires, and its mapping as a small form or an expression. */
export function FieldEditor({ mapping }: { mapping: Mapping }) {
  const target = useMappingEditor((state) => state.selectedTarget);
  const row = useMappingEditor((state) => state.trees?.target.find((candidate) => candidate.path === target));
  const completions = useMappingEditor((state) => state.completions);
  const forEachPath = useLineCompletions(mapping, target);
  if (!target)
    return <p className="muted panel-empty">Select a target field, or drag a source field onto one.</p>;
  const field = findField(mapping, target);
  const commit = (source: MappingSource | undefined) => {
    // Edits of one field made while typing coalesce into one undo step.
    if (source) commitMapping(setSource(mapping, target, source, forEachPath), `mapping:${target}`);
  };
  const firstFunction = completions.functions.find((entry) => entry.libraryName)?.libraryName ?? 'text.join';
  return (
    <div className="field-editor" data-testid="field-editor">
      <h4>{target}</h4>
      {row && <TargetRequirements row={row} />}
      {field && 'forEach' in field && <LineBlock block={field} />}
      {field && 'source' in field && (
        <SourceEditor
          source={field.source}
          onChange={commit}
          completions={completions}
          targetType={row?.type}
        />
      )}
      {!field && (
        <StartMapping
          onStart={(kind) =>
            commit(kind === 'expression' ? { expression: '""' } : switchKind(kind, undefined, firstFunction))
          }
        />
      )}
      <FieldError target={target} />
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

/**
 * The list a line field's "for each" block reads (`OrderItemList`), and autocomplete for its place:
 * line-relative paths inside the block, root paths elsewhere.
 */
function useLineCompletions(mapping: Mapping, target: string | undefined): string | undefined {
  const list = target?.includes('[].') ? target.slice(0, target.indexOf('[].')) : undefined;
  const block = list ? mapping.fields.find((field) => field.target === list) : undefined;
  const forEachPath = block && 'forEach' in block && 'path' in block.forEach ? block.forEach.path : undefined;
  useEffect(() => {
    void loadCompletions(forEachPath?.split('.').join('[].'));
  }, [forEachPath]);
  return forEachPath;
}

function LineBlock({ block }: { block: Extract<FieldMapping, { forEach: unknown }> }) {
  return (
    <p>
      For each element of <code>{'path' in block.forEach ? block.forEach.path : 'an expression'}</code>, one{' '}
      {block.target} line ({block.fields.length} fields mapped).
    </p>
  );
}

/** Why the field does not compile (a half-typed expression, an unknown function), if it does not. */
function FieldError({ target }: { target: string }) {
  const errors = useMappingEditor((state) => state.preview?.fieldErrors ?? NO_ERRORS);
  const error = errors.find((entry) => entry.target === target);
  if (!error) return null;
  return (
    <p className="status-error small" data-testid="field-error">
      {error.message}
    </p>
  );
}

function TargetRequirements({ row }: { row: TargetTreeField }) {
  const condition = row.requiredWhen;
  return (
    <p className="small muted">
      {row.required
        ? 'Required. '
        : condition
          ? `Required when ${condition.field} is ${condition.equals.join(' or ')}. `
          : ''}
      {row.maxLength !== undefined ? `At most ${row.maxLength} characters. ` : ''}
      {row.allowed ? `One of ${row.allowed.join(', ')}. ` : ''}
      {row.description}
    </p>
  );
}

/** An unmapped field: start with a constant, a function, a lookup, a condition or an expression. */
function StartMapping({ onStart }: { onStart: (kind: SourceKind) => void }) {
  return (
    <div className="field-empty">
      <p className="muted small">Not mapped. Drag a source field here, or start with:</p>
      {KINDS.filter((entry) => entry.kind !== 'path').map((entry) => (
        <button
          type="button"
          key={entry.kind}
          data-testid={`start-${entry.kind}`}
          onClick={() => onStart(entry.kind)}
        >
          {entry.label}
        </button>
      ))}
    </div>
  );
}
