import type { MappingSource } from '../../engine/contract/mapping-document.ts';
import { flowApi } from '../api/flow-api.ts';
import { reportError } from '../state/designer.store.ts';
import { ExpressionEditor } from './expression-editor.tsx';
import type { MappingEditorState } from './mapping-editor.store.ts';
import { ArgumentInput, FunctionForm } from './source-form.tsx';
import { KINDS, kindOf, switchKind } from './source-kinds.ts';

/** Props of {@link SourceEditor}. */
export interface SourceEditorProps {
  source: MappingSource;
  onChange: (source: MappingSource | undefined) => void;
  completions: MappingEditorState['completions'];
  /** The target field's type, so a typed constant becomes the value the target expects. */
  targetType: string | undefined;
}

/** A mapped field's source: its kind, and the small form (or Monaco) for that kind. */
export function SourceEditor(props: SourceEditorProps) {
  const { source, onChange, completions } = props;
  const constantType = props.targetType === 'date' ? 'string' : (props.targetType ?? 'any');
  return (
    <div className="source-editor">
      <KindPicker {...props} />
      {'path' in source && (
        <ArgumentInput label="Source field" type="any" source={source} onChange={onChange} />
      )}
      {'value' in source && (
        <ArgumentInput label="Constant" type={constantType} source={source} onChange={onChange} />
      )}
      {'fn' in source && (
        <FunctionForm source={source} functions={completions.functions} onChange={onChange} />
      )}
      {'lookup' in source && <LookupForm source={source} onChange={onChange} />}
      {'if' in source && <ConditionForm source={source} onChange={onChange} />}
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

function KindPicker({ source, onChange, completions }: SourceEditorProps) {
  const kind = kindOf(source);
  const firstFunction = completions.functions.find((entry) => entry.libraryName)?.libraryName ?? 'text.join';
  const toExpression = async () => {
    const result = await flowApi().sourceToExpression({ source });
    if (!result.ok) return reportError(result.error);
    onChange({ expression: result.value.expression });
  };
  return (
    <div className="source-kind">
      <select
        aria-label="Mapping kind"
        data-testid="mapping-kind"
        value={kind}
        onChange={(event) => {
          const entry = KINDS.find((candidate) => candidate.kind === event.target.value);
          if (entry?.kind === 'expression') void toExpression();
          else if (entry) onChange(switchKind(entry.kind, source, firstFunction));
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
  );
}

type LookupSource = Extract<MappingSource, { lookup: string }>;
type ConditionSource = Extract<MappingSource, { if: MappingSource }>;

function LookupForm({
  source,
  onChange,
}: {
  source: LookupSource;
  onChange: (source: MappingSource) => void;
}) {
  return (
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
  );
}

function ConditionForm({
  source,
  onChange,
}: {
  source: ConditionSource;
  onChange: (source: MappingSource) => void;
}) {
  return (
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
  );
}
