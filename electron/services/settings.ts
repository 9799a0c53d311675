// Console settings: what the workstation keeps between shifts. Never patient data (docs/design.md §9).
import type { ConsoleSettings, ConsoleSettingsPatch } from '../../shared/api/console-api';
import { settingsPatchSchema } from '../../shared/api/console-api-schemas';
import { consoleSettingsSchema } from '../../shared/api/console-settings';
import { ConsoleError } from '../../shared/api/errors';

/** Where settings live: electron-store in the app, a JSON file or memory elsewhere. */
export interface SettingsStore {
  read(): unknown;
  write(settings: ConsoleSettings): void;
}

export const DEFAULT_SETTINGS: ConsoleSettings = {
  backendUrl: '',
  environmentLabel: '',
  bookingOrigin: 'sas',
  ui: { density: 'comfortable', showMap: true },
};

export interface SettingsLoad {
  settings: ConsoleSettings;
  /** French description of what was wrong with the stored file, when defaults had to be used. */
  problem?: string;
  /**
   * The stored backend address could not be read (unreadable file, not an object, invalid value). The default ''
   * means training: the caller must not take it for a choice, the console is misconfigured.
   */
  backendUrlDamaged?: true;
}

/** Reads the stored settings; a corrupt or foreign file falls back to defaults field by field and says why. */
export function loadSettings(store: SettingsStore): SettingsLoad {
  let raw: unknown;
  try {
    raw = store.read();
  } catch (error) {
    return {
      settings: DEFAULT_SETTINGS,
      problem: `Paramètres illisibles (${describe(error)}) : valeurs par défaut utilisées.`,
      backendUrlDamaged: true,
    };
  }
  if (raw === undefined || raw === null) return { settings: DEFAULT_SETTINGS };
  const parsed = consoleSettingsSchema.safeParse(raw);
  if (parsed.success) return { settings: parsed.data };
  const merged = mergeValidFields(raw);
  const fields = parsed.error.issues.map((issue) => issue.path.join('.') || '(racine)');
  const load: SettingsLoad = {
    settings: merged,
    problem: `Paramètres invalides (${[...new Set(fields)].join(', ')}) : valeurs par défaut utilisées pour ces champs.`,
  };
  if (backendUrlDamaged(raw)) load.backendUrlDamaged = true;
  return load;
}

/** A stored value that is not a settings object, or a `backendUrl` that is present and invalid. */
function backendUrlDamaged(raw: unknown): boolean {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return true;
  const record = raw as Record<string, unknown>;
  return 'backendUrl' in record && !consoleSettingsSchema.shape.backendUrl.safeParse(record.backendUrl).success;
}

function mergeValidFields(raw: unknown): ConsoleSettings {
  if (typeof raw !== 'object' || raw === null) return DEFAULT_SETTINGS;
  const record = raw as Record<string, unknown>;
  const pick = <K extends keyof ConsoleSettings>(key: K): ConsoleSettings[K] => {
    const field = consoleSettingsSchema.shape[key].safeParse(record[key]);
    return field.success ? (field.data as ConsoleSettings[K]) : DEFAULT_SETTINGS[key];
  };
  const ui = typeof record.ui === 'object' && record.ui !== null ? (record.ui as Record<string, unknown>) : {};
  const density = consoleSettingsSchema.shape.ui.shape.density.safeParse(ui.density);
  const showMap = consoleSettingsSchema.shape.ui.shape.showMap.safeParse(ui.showMap);
  return {
    backendUrl: pick('backendUrl'),
    environmentLabel: pick('environmentLabel'),
    bookingOrigin: pick('bookingOrigin'),
    ui: {
      density: density.success ? density.data : DEFAULT_SETTINGS.ui.density,
      showMap: showMap.success ? showMap.data : DEFAULT_SETTINGS.ui.showMap,
    },
  };
}

export class SettingsService {
  private current: ConsoleSettings;
  readonly loadProblem: string | undefined;
  /** The stored backend address was unreadable: the console is misconfigured, not in training. */
  readonly backendUrlDamaged: boolean;

  constructor(private readonly store: SettingsStore) {
    const load = loadSettings(store);
    this.current = load.settings;
    this.loadProblem = load.problem;
    this.backendUrlDamaged = load.backendUrlDamaged === true;
  }

  get(): ConsoleSettings {
    return structuredClone(this.current);
  }

  update(patch: ConsoleSettingsPatch): ConsoleSettings {
    const parsed = settingsPatchSchema.safeParse(patch);
    if (!parsed.success) throw invalid(parsed.error.issues);
    const valid = parsed.data;
    const next: ConsoleSettings = {
      ...this.current,
      ...stripUndefined({
        environmentLabel: valid.environmentLabel,
        bookingOrigin: valid.bookingOrigin,
      }),
      ui: { ...this.current.ui, ...stripUndefined(valid.ui ?? {}) },
    };
    // A patch is checked field by field; the merged result is checked whole before it is kept.
    const checked = consoleSettingsSchema.safeParse(next);
    if (!checked.success) throw invalid(checked.error.issues);
    this.store.write(next);
    this.current = next;
    return this.get();
  }
}

function invalid(issues: readonly { path: readonly PropertyKey[]; keys?: readonly string[] }[]): ConsoleError {
  // A field the page may not set (backendUrl) is an unrecognised key: named as such, not as "(paramètres)".
  const names = issues.flatMap((issue) =>
    issue.keys?.length ? [...issue.keys] : [issue.path.map(String).join('.') || '(paramètres)'],
  );
  const fields = [...new Set(names)].join(', ');
  return new ConsoleError('invalid-settings', `Paramètres refusés : valeur invalide pour ${fields}.`);
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Settings kept in memory only (tests, and the web harness). */
export class MemorySettingsStore implements SettingsStore {
  constructor(private value: unknown = undefined) {}
  read(): unknown {
    return this.value;
  }
  write(settings: ConsoleSettings): void {
    this.value = structuredClone(settings);
  }
}
