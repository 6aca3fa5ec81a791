import { useEffect, useRef } from 'react';
import type { ErrorData } from '../../engine/contract/errors.ts';
import type { ConnectionTestState } from './credentials.store.ts';

/** "Testing…", then a green "Connected" line or a red box with the system's own reason. */
export function ConnectionTestView({ test }: { test: ConnectionTestState }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // A long form scrolls; the answer must be seen without hunting for it.
    if (test.state !== 'idle') box.current?.scrollIntoView({ block: 'nearest' });
  }, [test]);
  return (
    <div ref={box} className="connection-test-slot">
      {test.state === 'idle' ? null : <TestState test={test} />}
    </div>
  );
}

function TestState({ test }: { test: Exclude<ConnectionTestState, { state: 'idle' }> }) {
  if (test.state === 'running') {
    return (
      <div className="connection-test running" role="status">
        <span className="spinner" aria-hidden="true" /> Testing…
      </div>
    );
  }
  if (test.state === 'refused') return <ConnectionFailure error={test.error} />;
  const { result } = test;
  if (!result.ok) return <ConnectionFailure error={result.error} durationMs={result.durationMs} />;
  return (
    <div className="connection-test ok" role="status" data-testid="connection-test">
      Connected: {result.message} ({Math.round(result.durationMs)} ms)
    </div>
  );
}

function ConnectionFailure({ error, durationMs }: { error: ErrorData; durationMs?: number }) {
  const remote = error.remote;
  const remoteParts = [
    remote?.status !== undefined ? `HTTP ${remote.status}` : undefined,
    remote?.code,
    remote?.message,
  ].filter((part) => part !== undefined && part !== '');
  return (
    <div className="connection-test failed" role="alert" data-testid="connection-test">
      <div>
        <strong>{error.code}</strong>
        {durationMs !== undefined ? <span className="small"> ({Math.round(durationMs)} ms)</span> : null}
      </div>
      <div>{error.message}</div>
      {remoteParts.length > 0 ? (
        <div className="connection-test-remote">
          <span className="muted">The system said: </span>
          {remote?.field ? `${remote.field}: ` : ''}
          {remoteParts.join(' · ')}
        </div>
      ) : null}
    </div>
  );
}
