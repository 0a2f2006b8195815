import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { IPC_CALL_CHANNEL, IPC_PUSH_CHANNEL } from '../api/ipc-transport';

/**
 * The whole surface the page gets: two named functions. No ipcRenderer, no Node, no generic
 * send — every call is validated again in the main process.
 */
contextBridge.exposeInMainWorld('station', {
  call: (name: string, input: unknown): Promise<unknown> =>
    ipcRenderer.invoke(IPC_CALL_CHANNEL, name, input),
  on: (event: string, callback: (payload: unknown) => void): (() => void) => {
    const listener = (_e: IpcRendererEvent, name: unknown, payload: unknown) => {
      if (name === event) callback(payload);
    };
    ipcRenderer.on(IPC_PUSH_CHANNEL, listener);
    return () => {
      ipcRenderer.removeListener(IPC_PUSH_CHANNEL, listener);
    };
  },
});
