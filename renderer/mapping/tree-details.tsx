import type { JsonValue } from '../../engine/contract/flow-document.ts';
import type {
  SamplePreview,
  SourceTreeField,
  TargetTreeField,
} from '../../engine/contract/mapping-editor-data.ts';

const shown = (value: JsonValue): string => {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
};

/** Type, "samples only" flag and example values of a source field. */
export function SourceDetail({ row }: { row: SourceTreeField }) {
  return (
    <span className="mapping-row-detail">
      <span className="mapping-type">{row.isArray ? 'list' : row.type}</span>
      {row.origin === 'samples' && (
        <span className="mapping-flag" title="In the samples but not in the object model">
          samples only
        </span>
      )}
      {row.origin === 'schema' && <span className="mapping-flag-quiet">not in samples</span>}
      {row.examples.length > 0 && (
        <span className="mapping-examples muted" title={row.examples.map(shown).join('\n')}>
          {row.examples.map(shown).join(' · ')}
        </span>
      )}
    </span>
  );
}

/** What the preview says about one target field on the current sample (or over the whole set). */
export interface FieldPreview {
  /** Values with their paths (`OrderDetails[1].Item`), in line order. */
  values: { path: string; value: JsonValue }[];
  marks: { path: string; message: string }[];
  exceptions: { path: string; message: string }[];
}

/** Collects, per target field, the values, marks and exceptions of the chosen samples. */
export function previewByField(samples: readonly SamplePreview[]): Map<string, FieldPreview> {
  const byField = new Map<string, FieldPreview>();
  const entry = (field: string): FieldPreview => {
    let found = byField.get(field);
    if (!found) {
      found = { values: [], marks: [], exceptions: [] };
      byField.set(field, found);
    }
    return found;
  };
  for (const sample of samples) {
    for (const value of sample.values)
      entry(value.field).values.push({ path: value.path, value: value.value });
    for (const mark of sample.marks) entry(mark.field).marks.push({ path: mark.path, message: mark.message });
    for (const miss of sample.exceptions)
      entry(miss.field).exceptions.push({ path: miss.path, message: miss.message });
  }
  return byField;
}

/** Required marker, width, allowed values, preview value and validation marks of a target field. */
export function TargetDetail(props: {
  row: TargetTreeField;
  mapped: boolean;
  preview: FieldPreview | undefined;
  wholeSet: boolean;
  onExplain: (path: string) => void;
}) {
  const { row, preview } = props;
  const problems = [...(preview?.marks ?? []), ...(preview?.exceptions ?? [])];
  const first = preview?.values[0];
  return (
    <span className="mapping-row-detail">
      {(row.required || row.requiredWhen) && (
        <span
          className="required-marker"
          title={
            row.requiredWhen
              ? `Required when ${row.requiredWhen.field} is ${row.requiredWhen.equals.join(' or ')}`
              : 'Required'
          }
        >
          {row.required ? '*' : '(*)'}
        </span>
      )}
      <span className="mapping-type">{row.isArray ? 'list' : row.type}</span>
      {row.maxLength !== undefined && <span className="mapping-width muted">≤{row.maxLength}</span>}
      {row.allowed && (
        <span className="mapping-allowed muted" title={row.allowed.join(', ')}>
          {row.allowed.join('|')}
        </span>
      )}
      {props.mapped && (
        <span className="mapping-mapped" title="Mapped">
          ●
        </span>
      )}
      {first && !props.wholeSet && (
        <button
          type="button"
          className="mapping-value link-button"
          data-testid={`preview-value-${row.path}`}
          title="Why is this value here?"
          onClick={(event) => {
            event.stopPropagation();
            props.onExplain(first.path);
          }}
        >
          {shown(first.value)}
          {preview && preview.values.length > 1 ? ` +${preview.values.length - 1}` : ''}
        </button>
      )}
      {props.wholeSet && preview && preview.values.length > 0 && (
        <span className="mapping-value muted">{preview.values.length} values</span>
      )}
      {problems.length > 0 && (
        <span
          className={`mapping-mark ${preview?.marks.length ? 'mark-error' : 'mark-warning'}`}
          data-testid={`preview-mark-${row.path}`}
          title={problems.map((problem) => problem.message).join('\n')}
        >
          ⚠ {problems[0]?.message}
          {problems.length > 1 ? ` (+${problems.length - 1})` : ''}
        </span>
      )}
    </span>
  );
}
