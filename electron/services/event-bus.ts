// Typed publish/subscribe between the console's services and whichever transport (IPC or the web harness's
// event stream) carries events to the renderer. A transport that throws (a closed window, a dropped stream) does
// not stop the others; what it threw goes to `onListenerError` (the logger).
import type { ConsoleEvents } from '../../shared/api/console-api';
import { TypedEmitter } from '@shared/util/typed-emitter';

export class ConsoleEventBus extends TypedEmitter<ConsoleEvents> {}
