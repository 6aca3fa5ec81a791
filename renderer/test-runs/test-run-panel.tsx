import { useEffect, useState } from 'react';
import type { SampleRef } from '../../engine/contract/flow-api-test-runs.ts';
import { CodeEditor } from '../editor/code-editor.tsx';
import { type DesignerState, useDesignerStore } from '../state/designer.store.ts';
import { NodeDetail } from './node-detail.tsx';
import { RunSummary } from './run-summary.tsx';
import { nodeTraceOf, sampleKey, setTitle } from './test-run-view.ts';
import {
  captureSample,
  deleteSelected,
  duplicateSelected,
  editSampleText,
  isSelected,
  newSample,
  refreshSamples,
  runSamples,
  saveSelectedSample,
  selectSample,
  type TestRunsState,
  useTestRunsStore,
} from './test-runs.store.ts';
import './test-runs.css';

const selectPath = (state: DesignerState) => state.path;
const selectSelectedNode = (state: DesignerState) => state.selection.nodeIds[0];
const selectSets = (state: TestRunsState) => state.sets;

/** The "Test runs" tab: samples, the sample editor, the run's progress and summary, the node detail. */
export function TestRunPanel() {
  const path = useDesignerStore(selectPath);
  // biome-ignore lint/correctness/useExhaustiveDependencies: reload when another flow is opened
  useEffect(() => {
    void refreshSamples();
  }, [path]);
  return (
    <div className="test-run-panel">
      <SampleList />
      <SampleEditor />
      <RunResults />
    </div>
  );
}

function SampleList() {
  const sets = useTestRunsStore(selectSets);
  const state = useTestRunsStore();
  const [name, setName] = useState('');
  return (
    <nav className="sample-list" aria-label="Samples">
      {sets.length === 0 ? <p className="muted small">No samples yet. Add one below.</p> : null}
      {sets.map((each) => {
        const refs: SampleRef[] = each.samples.map((sample) => ({
          location: each.location,
          set: each.set,
          name: sample.name,
        }));
        return (
          <section key={`${each.location}:${each.set}`}>
            <h4>
              {setTitle(each)}{' '}
              <button type="button" className="link-button" onClick={() => void runSamples(refs)}>
                Run set ({refs.length})
              </button>
            </h4>
            <ul>
              {refs.map((ref) => (
                <li key={sampleKey(ref)}>
                  <button
                    type="button"
                    className={`sample-item${isSelected(state, ref) ? ' selected' : ''}`}
                    data-testid={`sample-${ref.name}`}
                    onClick={() => void selectSample(ref)}
                  >
                    {ref.name}
                  </button>
                </li>
              ))}
            </ul>
          </section>
        );
      })}
      <CaptureForm />
      <form
        className="new-sample"
        onSubmit={(event) => {
          event.preventDefault();
          if (name.trim() !== '') void newSample(name.trim()).then(() => setName(''));
        }}
      >
        <input
          aria-label="New sample name"
          placeholder="new sample name"
          value={name}
          onChange={(event) => setName(event.target.value)}
        />
        <button type="submit">Add</button>
      </form>
    </nav>
  );
}

/** "Fetch order 20931 as a sample" from the environment's store, anonymised by default. */
function CaptureForm() {
  const [ids, setIds] = useState('');
  const [anonymise, setAnonymise] = useState(true);
  const orderIds = ids
    .split(/[\s,]+/)
    .filter((part) => /^\d+$/.test(part))
    .map(Number);
  return (
    <form
      className="capture-sample"
      onSubmit={(event) => {
        event.preventDefault();
        if (orderIds.length > 0) void captureSample(orderIds, anonymise).then(() => setIds(''));
      }}
    >
      <input
        aria-label="Order ids to capture"
        placeholder="order id(s)"
        value={ids}
        onChange={(event) => setIds(event.target.value)}
      />
      <button type="submit" disabled={orderIds.length === 0}>
        Capture
      </button>
      <label className="small">
        <input type="checkbox" checked={anonymise} onChange={(event) => setAnonymise(event.target.checked)} />{' '}
        anonymise
      </label>
    </form>
  );
}

function SampleEditor() {
  const { selected, sampleText, sampleDirty, sampleProblems } = useTestRunsStore();
  if (!selected)
    return <div className="sample-editor muted small">Choose a sample to view, edit or run it.</div>;
  return (
    <div className="sample-editor">
      <div className="sample-actions">
        <strong>{selected.name}</strong>
        <button type="button" onClick={() => void runSamples([selected])}>
          Run sample
        </button>
        <button type="button" disabled={!sampleDirty} onClick={() => void saveSelectedSample()}>
          Save
        </button>
        <button type="button" onClick={() => void duplicateSelected()}>
          Duplicate
        </button>
        <button
          type="button"
          onClick={() => {
            if (window.confirm(`Delete the sample ${selected.name}?`)) void deleteSelected();
          }}
        >
          Delete
        </button>
      </div>
      <CodeEditor
        value={sampleText}
        onChange={editSampleText}
        language="json"
        height="100%"
        ariaLabel="Sample JSON"
      />
      {sampleProblems.length > 0 ? (
        <ul className="sample-problems" aria-label="Sample problems">
          {sampleProblems.slice(0, 20).map((problem) => (
            <li key={`${problem.path}:${problem.message}`}>
              {problem.path ? <code>{problem.path}</code> : null} {problem.message}
            </li>
          ))}
          {sampleProblems.length > 20 ? <li className="muted">… {sampleProblems.length - 20} more</li> : null}
        </ul>
      ) : null}
    </div>
  );
}

function RunResults() {
  const { testRun, run, message } = useTestRunsStore();
  const nodeId = useDesignerStore(selectSelectedNode);
  const node = nodeId ? nodeTraceOf(run?.trace, nodeId) : undefined;
  return (
    <section className="run-results" aria-label="Run results">
      {message ? (
        <p className={message.kind === 'error' ? 'run-message error' : 'run-message'}>{message.text}</p>
      ) : null}
      {testRun ? (
        <RunSummary state={testRun} />
      ) : (
        <p className="muted small">Run a sample or a set to see each node's result.</p>
      )}
      {node ? (
        <NodeDetail node={node} />
      ) : run ? (
        <p className="muted small">Select a node on the canvas to see its items.</p>
      ) : null}
    </section>
  );
}
