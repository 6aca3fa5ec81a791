import { beforeAll, describe, expect, it, vi } from 'vitest';
import { DESIGNER_COMMAND_CHANNEL, FLOW_API_CHANNEL } from '../engine/contract/flow-api.ts';

const electron = vi.hoisted(() => ({
  contextBridge: { exposeInMainWorld: vi.fn() },
  ipcRenderer: { invoke: vi.fn(), on: vi.fn(), removeListener: vi.fn() },
}));
vi.mock('electron', () => electron);

interface ExposedBridge {
  call(method: unknown, input: unknown): Promise<unknown>;
  onCommand(listener: (command: string) => void): () => void;
}

let exposed: ExposedBridge;

beforeAll(async () => {
  await import('./preload.ts');
  expect(electron.contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1);
  const [name, value] = electron.contextBridge.exposeInMainWorld.mock.calls[0] ?? [];
  expect(name).toBe('bridgeflow');
  exposed = value;
});

describe('preload bridge', () => {
  it('exposes exactly one object, window.bridgeflow, holding only call and onCommand', () => {
    expect(Object.keys(exposed).sort()).toEqual(['call', 'onCommand']);
    expect(typeof exposed.call).toBe('function');
    expect(typeof exposed.onCommand).toBe('function');
  });

  it('forwards a FlowApi call on the FlowApi channel', async () => {
    electron.ipcRenderer.invoke.mockResolvedValueOnce({ ok: true, value: { templates: [] } });
    const answer = await exposed.call('listTemplates', {});
    expect(electron.ipcRenderer.invoke).toHaveBeenLastCalledWith(FLOW_API_CHANNEL, 'listTemplates', {});
    expect(answer).toEqual({ ok: true, value: { templates: [] } });
  });

  it.each(['deleteEverything', 'constructor', '__proto__', 42])(
    'answers INPUT_INVALID for %s without sending anything',
    async (method) => {
      electron.ipcRenderer.invoke.mockClear();
      const answer = await exposed.call(method, {});
      expect(answer).toMatchObject({ ok: false, error: { code: 'INPUT_INVALID' } });
      expect(electron.ipcRenderer.invoke).not.toHaveBeenCalled();
    },
  );

  it('hands menu commands to the listener, without the Electron event, and stops on unsubscribe', () => {
    const listener = vi.fn();
    const stop = exposed.onCommand(listener);
    const [channel, onMessage] = electron.ipcRenderer.on.mock.calls.at(-1) ?? [];
    expect(channel).toBe(DESIGNER_COMMAND_CHANNEL);
    onMessage({ sender: 'event object' }, 'save');
    onMessage({ sender: 'event object' }, 'runShellCommand');
    expect(listener.mock.calls).toEqual([['save']]);
    stop();
    expect(electron.ipcRenderer.removeListener).toHaveBeenCalledWith(DESIGNER_COMMAND_CHANNEL, onMessage);
  });
});
