import { contextBridge, type IpcRendererEvent, ipcRenderer } from 'electron';
import type { Result } from '../engine/contract/errors.ts';
import {
  DESIGNER_COMMAND_CHANNEL,
  type DesignerCommand,
  FLOW_API_CHANNEL,
  isDesignerCommand,
  isFlowApiMethod,
} from '../engine/contract/flow-api.ts';

/**
 * The whole surface the designer's page gets: `window.bridgeflow`, one object with two functions.
 * No `ipcRenderer`, no channel names, no Electron event objects cross into the page, so a script
 * running there can call FlowApi methods and hear menu commands, and nothing else.
 */
const bridge = {
  /** One FlowApi call; anything that is not a FlowApi method name never reaches the main process. */
  call(method: unknown, input: unknown): Promise<unknown> {
    if (!isFlowApiMethod(method)) {
      const refused: Result<never> = {
        ok: false,
        error: {
          code: 'INPUT_INVALID',
          message: `Unknown FlowApi method "${String(method)}"`,
          retryable: false,
        },
      };
      return Promise.resolve(refused);
    }
    return ipcRenderer.invoke(FLOW_API_CHANNEL, method, input);
  },
  /** Calls `listener` with each menu command; answers a function that stops listening. */
  onCommand(listener: (command: DesignerCommand) => void): () => void {
    const onMessage = (_event: IpcRendererEvent, command: unknown) => {
      if (isDesignerCommand(command)) listener(command);
    };
    ipcRenderer.on(DESIGNER_COMMAND_CHANNEL, onMessage);
    return () => {
      ipcRenderer.removeListener(DESIGNER_COMMAND_CHANNEL, onMessage);
    };
  },
};

contextBridge.exposeInMainWorld('bridgeflow', bridge);
