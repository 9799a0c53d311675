// Any result card, in its frame.
import { memo } from 'react';
import type { Slot } from '@shared/domain/slot';
import type { ResultCard } from '../list-rows';
import { CardFrame } from './CardFrame';
import { CptsCardBody } from './CptsCardView';
import { PractitionerCardBody } from './PractitionerCardView';
import { SosCardBody } from './SosCardView';
import { StructureCardBody } from './StructureCardView';

export interface CardActions {
  onSelect: (key: string) => void;
  onHover: (key: string | undefined) => void;
  onBook: (slot: Slot, card: ResultCard) => void;
  onContact: (card: ResultCard, phone: string | undefined) => void;
  onShowMembers: (finess: string) => void;
}

interface Props {
  card: ResultCard;
  now: number;
  selected: boolean;
  hovered: boolean;
  focusable: boolean;
  /** The CPTS whose members are listed: its card hides "Voir tous les professionnels". */
  cptsFocused: boolean;
  actions: CardActions;
}

export const ResultCardView = memo(function ResultCardView({
  card,
  now,
  selected,
  hovered,
  focusable,
  cptsFocused,
  actions,
}: Props) {
  const titleId = `titre-${card.key.replace(/[^A-Za-z0-9_-]/gu, '_')}`;
  const onBook = (slot: Slot) => actions.onBook(slot, card);
  const onContact = (phone: string | undefined) => actions.onContact(card, phone);
  const className =
    card.kind === 'practitioner'
      ? card.isGp
        ? 'card-ps card-gp'
        : 'card-ps'
      : card.kind === 'cpts'
        ? 'card-cpts'
        : card.kind === 'structure'
          ? 'card-structure'
          : 'card-sos';
  return (
    <CardFrame
      cardKey={card.key}
      className={className}
      titleId={titleId}
      selected={selected}
      hovered={hovered}
      focusable={focusable}
      onSelect={actions.onSelect}
      onHover={actions.onHover}
    >
      {card.kind === 'practitioner' && (
        <PractitionerCardBody card={card} now={now} onBook={onBook} onContact={onContact} titleId={titleId} />
      )}
      {card.kind === 'cpts' && (
        <CptsCardBody
          card={card}
          now={now}
          focused={cptsFocused}
          onBook={onBook}
          onContact={onContact}
          onShowMembers={actions.onShowMembers}
          titleId={titleId}
        />
      )}
      {card.kind === 'sos' && <SosCardBody card={card} now={now} onBook={onBook} titleId={titleId} />}
      {card.kind === 'structure' && <StructureCardBody card={card} titleId={titleId} />}
    </CardFrame>
  );
});
