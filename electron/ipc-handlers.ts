import type { Result } from '../engine/contract/errors.ts';
import { FLOW_API_CHANNEL } from '../engine/contract/flow-api.ts';
import type { FlowHost } from '../engine/host/flow-host.ts';
import { isAppUrl } from './app-protocol.ts';

/** The part of Electron's `IpcMainInvokeEvent` the handler reads. */
export interface InvokeEventLike {
  readonly senderFrame: { readonly url: string } | null;
}

/** What {@link createFlowApiHandler} needs; `getHost` because opening a workspace swaps the host. */
export interface FlowApiHandlerDependencies {
  getHost(): FlowHost;
  /** Which pages may call; defaults to the designer's own `bridgeflow://app/` pages. */
  isAllowedSender?: (url: string) => boolean;
}

/**
 * The FlowApi over IPC: `(event, method, input)` from `ipcRenderer.invoke`. A page that is not the
 * designer (a frame that navigated away, an injected iframe) is refused before anything runs; the
 * host parses `method` and `input` with the contract's schemas, so nothing unparsed reaches a handler.
 */
export function createFlowApiHandler(
  dependencies: FlowApiHandlerDependencies,
): (event: InvokeEventLike, method: unknown, input: unknown) => Promise<Result<unknown>> {
  const isAllowedSender = dependencies.isAllowedSender ?? isAppUrl;
  return async (event, method, input) => {
    const url = event.senderFrame?.url;
    if (url === undefined || !isAllowedSender(url)) {
      return {
        ok: false,
        error: { code: 'INPUT_INVALID', message: 'sender not allowed', retryable: false },
      };
    }
    return dependencies.getHost().call(method, input);
  };
}

/** The part of Electron's `ipcMain` used here. */
export interface IpcMainLike {
  handle(
    channel: string,
    listener: (event: InvokeEventLike, method: unknown, input: unknown) => Promise<Result<unknown>>,
  ): void;
  removeHandler(channel: string): void;
}

/** Registers the FlowApi handler; answers a function that unregisters it. */
export function registerFlowApiHandler(ipcMain: IpcMainLike, dependencies: FlowApiHandlerDependencies) {
  ipcMain.handle(FLOW_API_CHANNEL, createFlowApiHandler(dependencies));
  return () => ipcMain.removeHandler(FLOW_API_CHANNEL);
}
