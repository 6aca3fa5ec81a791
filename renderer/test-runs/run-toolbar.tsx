import { useEffect } from 'react';
import { showBottomTab } from '../state/ui.store.ts';
import { chooseEnvironment, loadEnvironments, runSamples, useTestRunsStore } from './test-runs.store.ts';

/** Toolbar: the environment runs go to, and Run (the selected sample). */
export function RunToolbar() {
  const { environments, environment, selected, testRun } = useTestRunsStore();
  useEffect(() => {
    void loadEnvironments();
  }, []);
  const running = testRun !== undefined && !testRun.done;
  return (
    <div className="run-toolbar">
      <select
        aria-label="Environment"
        value={environment}
        onChange={(event) => chooseEnvironment(event.target.value)}
      >
        {(environments.length > 0 ? environments : [{ name: 'dry-run', description: '' }]).map((each) => (
          <option key={each.name} value={each.name} title={each.description}>
            {each.name}
          </option>
        ))}
      </select>
      <button
        type="button"
        className="toolbar-button"
        disabled={!selected || running}
        title="Run the selected sample"
        onClick={() => {
          showBottomTab('test-runs');
          if (selected) void runSamples([selected]);
        }}
      >
        {running ? 'Running…' : '▶ Run'}
      </button>
    </div>
  );
}
