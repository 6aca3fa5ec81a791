import type { HostContext } from './host-context.ts';
import { createRunHostState } from './run-host-state.ts';
import { createRunSampleHandlers } from './run-sample-handlers.ts';
import { createRunTestHandlers } from './run-test-handlers.ts';

/** Every test-run method of the FlowApi (TEST_RUN_METHODS), sharing one sandbox and transport. */
export function createRunHandlers(context: HostContext) {
  const state = createRunHostState(context);
  context.onDispose(() => state.close());
  return { ...createRunSampleHandlers(context, state), ...createRunTestHandlers(context, state) };
}
