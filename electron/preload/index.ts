/**
 * Exposes one function per contract channel to the sandboxed renderer, and nothing else:
 * never the raw IPC object, no events, no Node.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { API_GLOBAL, CHANNELS } from '../../shared/api/contract';

const api = Object.fromEntries(CHANNELS.map((channel) => [channel, (input: unknown) => ipcRenderer.invoke(channel, input)]));

contextBridge.exposeInMainWorld(API_GLOBAL, Object.freeze(api));
