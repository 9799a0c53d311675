// Where LRM launches enter main: the first process's argv, a second instance's argv (the single-instance lock
// hands it over), and macOS `open-url`. Launch URLs that arrive before the console's services exist (cold start,
// `open-url` before `ready`) wait here; then each goes to the LaunchQueue, which keeps valid launches until login
// and shows bad ones at once. No Electron import: `app` is passed in.
import type { App } from 'electron';

export interface LaunchIntakeDeps {
  /** The launch URL in an argv (shared/launch `findLaunchUrl`): Windows puts Chromium flags before it. */
  findLaunchUrl: (argv: readonly string[]) => string | undefined;
  /** Shows and focuses the console window, when there is one yet. */
  reveal: () => void;
}

/** At most this many launch URLs wait for the services: an LRM stuck in a loop must not grow memory. */
const MAX_EARLY = 20;

export class LaunchIntake {
  private early: string[] = [];
  private sink: ((url: string) => void) | undefined;

  constructor(private readonly deps: LaunchIntakeDeps) {}

  /** Connects the LaunchQueue (its `receive`) and hands it the URLs that came before, in arrival order. */
  deliverTo(receive: (url: string) => void): void {
    this.sink = receive;
    const early = this.early;
    this.early = [];
    for (const url of early) receive(url);
  }

  /** Launch URLs received and not yet delivered (before `deliverTo`). */
  waiting(): number {
    return this.early.length;
  }

  /**
   * A process argv. A plain start (no launch URL: a desktop shortcut, a restart) is not a launch and must not
   * show an error; it returns false and delivers nothing.
   */
  fromArgv(argv: readonly string[]): boolean {
    const url = Array.isArray(argv) ? this.deps.findLaunchUrl(argv) : undefined;
    if (url === undefined) return false;
    this.accept(url);
    return true;
  }

  /** One URL, as macOS's `open-url` gives it. Anything but a non-blank string is ignored. */
  fromUrl(url: unknown): boolean {
    if (typeof url !== 'string' || url.trim() === '') return false;
    this.accept(url.trim());
    return true;
  }

  /**
   * Listens to the app's launch events. Call before `ready`: macOS emits `open-url` for a cold start before the
   * app is ready, and a listener added later misses it.
   */
  listen(app: Pick<App, 'on'>): void {
    app.on('second-instance', (_event, argv) => {
      this.fromArgv(argv);
      // The regulator acted in the LRM or on a shortcut: even a plain second start brings the console to the front.
      this.deps.reveal();
    });
    app.on('open-url', (event, url) => {
      // Handled here: without preventDefault macOS would treat the URL as unhandled.
      event.preventDefault();
      if (this.fromUrl(url)) this.deps.reveal();
    });
  }

  private accept(url: string): void {
    if (this.sink) {
      this.sink(url);
      return;
    }
    this.early.push(url);
    if (this.early.length > MAX_EARLY) this.early.shift();
  }
}
