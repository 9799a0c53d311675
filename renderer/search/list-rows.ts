// The rows of one tab's result list for the chosen intention: section headings and cards, in the ranking's order.
// The same rows feed the map's markers and the keyboard's next / previous card, so list and map never disagree.
import type { CptsCard, PractitionerCard, SearchResults, SosSiteCard } from '../../shared/ranking/results';
import type { StructureCard } from '../../shared/ranking/structure-cards';
import { fr } from '../i18n/fr';
import type { TabView } from './tab-view';

export type ResultCard = PractitionerCard | CptsCard | SosSiteCard | StructureCard;

export type ListRow = { kind: 'heading'; key: string; text: string } | { kind: 'card'; key: string; card: ResultCard };

export interface ListModel {
  rows: ListRow[];
  /** Cards only, in list order. */
  cards: ResultCard[];
  /** Card key → row index, for scrolling to a card selected on the map. */
  rowOfKey: Map<string, number>;
  /** The focused CPTS ("Voir tous les professionnels de la CPTS"), when it is still in the results. */
  focusedCpts?: CptsCard;
}

export function buildListModel(results: SearchResults, view: TabView): ListModel {
  const rows: ListRow[] = [];
  const heading = (key: string, text: string) => rows.push({ kind: 'heading', key: `h:${key}`, text });
  const card = (c: ResultCard) => rows.push({ kind: 'card', key: c.key, card: c });

  const focusedCpts = view.cptsFocus
    ? results.secondIntention.cpts.find((c) => c.cpts.finess === view.cptsFocus)
    : undefined;
  if (focusedCpts) {
    card(focusedCpts);
    for (const member of focusedCpts.members) card(member);
  } else if (view.intention === 'first' && results.ordering === 'distance') {
    // Around an address, SOS Médecins sites take their place by distance among the practitioners.
    for (const c of results.firstIntentionWithSos) card(c);
  } else if (view.intention === 'first') {
    for (const c of results.firstIntention) card(c);
    if (results.sosSites.length > 0) {
      heading('sos', fr.results.sosHeading);
      for (const c of results.sosSites) card(c);
    }
  } else {
    if (results.secondIntention.cpts.length > 0) {
      heading('cpts', fr.results.cptsHeading);
      for (const c of results.secondIntention.cpts) card(c);
    }
    if (results.secondIntention.practitioners.length > 0) {
      heading('ps', fr.results.practitionersHeading);
      for (const c of results.secondIntention.practitioners) card(c);
    }
    if (results.secondIntention.structures.length > 0) {
      heading('structures', fr.results.structuresHeading);
      for (const c of results.secondIntention.structures) card(c);
    }
  }

  const cards: ResultCard[] = [];
  const rowOfKey = new Map<string, number>();
  rows.forEach((row, index) => {
    if (row.kind !== 'card' || rowOfKey.has(row.key)) return;
    cards.push(row.card);
    rowOfKey.set(row.key, index);
  });
  return { rows, cards, rowOfKey, ...(focusedCpts ? { focusedCpts } : {}) };
}

/** How many cards each intention shows (for the intention switch). */
export function intentionCounts(results: SearchResults): { first: number; second: number } {
  return {
    first: results.firstIntention.length + results.sosSites.length,
    second:
      results.secondIntention.cpts.length +
      results.secondIntention.practitioners.length +
      results.secondIntention.structures.length,
  };
}

/** The card after (`step` 1) or before (`step` -1) the selected one; the first card when none is selected. */
export function stepCard(
  cards: readonly ResultCard[],
  selectedKey: string | undefined,
  step: 1 | -1,
): ResultCard | undefined {
  if (cards.length === 0) return undefined;
  const index = selectedKey === undefined ? -1 : cards.findIndex((c) => c.key === selectedKey);
  if (index === -1) return step === 1 ? cards[0] : cards[cards.length - 1];
  return cards[Math.min(cards.length - 1, Math.max(0, index + step))];
}
