// Builds the calls half of the console API over any "invoke by name" transport, so preload (IPC) and the web
// harness client (HTTP) expose exactly the same functions.
import type { ConsoleCalls } from './console-api';

export type Invoke = (name: keyof ConsoleCalls, args: unknown[]) => Promise<unknown>;

export function makeConsoleCalls(invoke: Invoke): ConsoleCalls {
  // Each call is listed so the compiler checks names and argument shapes against ConsoleCalls.
  const call = <T>(name: keyof ConsoleCalls, ...args: unknown[]) => invoke(name, args) as Promise<T>;
  return {
    getEnvironment: () => call('getEnvironment'),
    getSession: () => call('getSession'),
    login: () => call('login'),
    cancelLogin: () => call('cancelLogin'),
    logout: () => call('logout'),
    takeLaunches: () => call('takeLaunches'),
    suggestLocations: (text) => call('suggestLocations', text),
    startSearch: (query) => call('startSearch', query),
    cancelSearch: (searchId) => call('cancelSearch', searchId),
    retrySources: (searchId, sourceIds) => call('retrySources', searchId, sourceIds),
    openBooking: (request) => call('openBooking', request),
    listAppointments: () => call('listAppointments'),
    recordContact: (contact) => call('recordContact', contact),
    listJournal: () => call('listJournal'),
    exportJournalCsv: () => call('exportJournalCsv'),
    getSettings: () => call('getSettings'),
    updateSettings: (patch) => call('updateSettings', patch),
  };
}
