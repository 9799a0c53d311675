// Every migration of the backend's schema, oldest first. Add new ones at the end with the next version number;
// never edit one that has shipped (databases already applied it).
import { migration001Initial } from './001-initial';
import { migration030V1PushState } from './030-v1-push-state';
import type { Migration } from './migration';

export type { Migration } from './migration';

export const MIGRATIONS: readonly Migration[] = [migration001Initial, migration030V1PushState];
