// The training environment fills its SAS agenda through the same API as a structure manager would: one manager of
// every structure, whose token the environment makes (or is given) and shows to the trainer. Never in production.
import { sha256Hex, type AgendaManagerConfig } from '../agenda/managers';

export function trainingAgendaManager(token: string): AgendaManagerConfig {
  return { name: 'gestionnaire de structure (formation)', tokenSha256: sha256Hex(token), allStructures: true };
}
