// Minimal stand-in for the `electron` module in unit tests. Tests that need behaviour install it with vi.mock.
export const app = {};
export const contextBridge = {};
export const ipcRenderer = {};
export const ipcMain = {};
export default { app, contextBridge, ipcRenderer, ipcMain };
