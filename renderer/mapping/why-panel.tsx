import type { JsonValue } from '../../engine/contract/flow-document.ts';
import type { ValueExplanation } from '../../engine/contract/mapping-editor-data.ts';
import { useMappingEditor } from './mapping-editor.store.ts';

const show = (value: JsonValue | undefined): string =>
  value === undefined ? '(nothing)' : JSON.stringify(value);

type Step = ValueExplanation['steps'][number];

function StepLine({ step }: { step: Step }) {
  switch (step.kind) {
    case 'path':
      return (
        <>
          read <code>{step.path}</code> = {show(step.value)}
        </>
      );
    case 'function':
      return (
        <>
          <code>{step.name}</code>({step.args.map(show).join(', ')}) → {show(step.value)}
        </>
      );
    case 'lookup':
      return (
        <>
          lookup <code>{step.table}</code>[{JSON.stringify(step.key)}] →{' '}
          {step.miss ? (
            <span className="status-error">miss: {step.miss}</span>
          ) : (
            `${show(step.value)} (${step.matchedBy})`
          )}
        </>
      );
    case 'expression':
      return (
        <>
          <code>{step.expression}</code> → {show(step.value)}
        </>
      );
  }
}

/** "Why is this value here": the source paths, functions and intermediate values of a value. */
export function WhyPanel() {
  const explanation = useMappingEditor((state) => state.explanation);
  if (!explanation)
    return <p className="muted panel-empty">Click a preview value to see where it comes from.</p>;
  return (
    <div className="why-panel" data-testid="why-panel">
      <h4>
        {explanation.target} = {show(explanation.value)}
      </h4>
      {!explanation.mapped && <p className="muted">No mapping writes this field.</p>}
      {explanation.forEach.map((block) => (
        <p key={block.target} className="small muted">
          line {block.index + 1} of {block.target}
        </p>
      ))}
      {explanation.reads.length > 0 && (
        <>
          <h5>Source fields</h5>
          <ul>
            {explanation.reads.map((read) => (
              <li key={`${read.path}-${read.absolutePath ?? ''}`}>
                <code>{read.absolutePath ?? read.path}</code> = {show(read.value)}
              </li>
            ))}
          </ul>
        </>
      )}
      {explanation.steps.length > 0 && (
        <>
          <h5>Steps</h5>
          <ol>
            {explanation.steps.map((step, index) => (
              // Steps have no identity beyond their order.
              // biome-ignore lint/suspicious/noArrayIndexKey: the list is rebuilt whole on every explanation
              <li key={index}>
                <StepLine step={step} />
              </li>
            ))}
          </ol>
        </>
      )}
      {explanation.exceptions.map((reason) => (
        <p key={reason} className="status-error">
          {reason}
        </p>
      ))}
    </div>
  );
}
