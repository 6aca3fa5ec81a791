import type { Result } from '../../engine/contract/errors.ts';
import {
  type DesignerCommand,
  FLOW_API_HTTP_PREFIX,
  FLOW_API_METHODS,
  type FlowApi,
  type FlowApiMethodName,
  type FlowApiOutput,
} from '../../engine/contract/flow-api.ts';

/** Carries one FlowApi call to the host: Electron's preload bridge or the web host's HTTP. */
export type FlowApiTransport = (method: string, input: unknown) => Promise<unknown>;

/** What Electron's preload exposes as `window.bridgeflow` (electron/preload.ts). */
interface PreloadBridge {
  call(method: string, input: unknown): Promise<unknown>;
  /** Native menu commands; answers a function that stops listening. */
  onCommand?(listener: (command: DesignerCommand) => void): () => void;
}

declare global {
  interface Window {
    bridgeflow?: PreloadBridge;
  }
}

/** Picks the transport once at start-up: the preload bridge inside Electron, HTTP in a browser. */
export function chooseTransport(): FlowApiTransport {
  const bridge = window.bridgeflow;
  if (bridge) return (method, input) => bridge.call(method, input);
  return async (method, input) => {
    const response = await fetch(`${FLOW_API_HTTP_PREFIX}${encodeURIComponent(method)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(input ?? {}),
    });
    if (!response.ok) throw new Error(`${method}: HTTP ${response.status} ${await response.text()}`);
    return response.json();
  };
}

/**
 * A typed FlowApi over a transport. Answers are checked against the contract's output schema,
 * so a host and renderer from different builds fail loudly instead of drawing garbage.
 */
export function createFlowApiClient(transport: FlowApiTransport): FlowApi {
  const entries = Object.keys(FLOW_API_METHODS).map((method) => [
    method,
    (input: unknown) => callChecked(transport, method as FlowApiMethodName, input),
  ]);
  // Built from the same method table the FlowApi type is derived from.
  return Object.fromEntries(entries) as FlowApi;
}

async function callChecked<M extends FlowApiMethodName>(
  transport: FlowApiTransport,
  method: M,
  input: unknown,
): Promise<Result<FlowApiOutput<M>>> {
  let answer: unknown;
  try {
    answer = await transport(method, input);
  } catch (thrown) {
    const message = thrown instanceof Error ? thrown.message : String(thrown);
    return {
      ok: false,
      error: { code: 'INTERNAL', message: `Cannot reach the host: ${message}`, retryable: true },
    };
  }
  if (isFailure(answer)) return answer;
  const value = typeof answer === 'object' && answer !== null && 'value' in answer ? answer.value : undefined;
  const parsed = FLOW_API_METHODS[method].output.safeParse(value);
  if (!parsed.success) {
    return {
      ok: false,
      error: {
        code: 'INTERNAL',
        message: `${method}: the host's answer does not match the contract`,
        retryable: false,
      },
    };
  }
  return { ok: true, value: parsed.data as FlowApiOutput<M> };
}

function isFailure(answer: unknown): answer is Extract<Result<never>, { ok: false }> {
  return (
    typeof answer === 'object' &&
    answer !== null &&
    'ok' in answer &&
    answer.ok === false &&
    'error' in answer
  );
}
