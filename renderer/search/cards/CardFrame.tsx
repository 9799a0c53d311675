// What every result card shares: selection (list ⇄ map), hover, keyboard focus, its accessible name.
import { memo, type ReactNode } from 'react';

interface CardFrameProps {
  cardKey: string;
  className: string;
  titleId: string;
  selected: boolean;
  hovered: boolean;
  focusable: boolean;
  onSelect: (key: string) => void;
  onHover: (key: string | undefined) => void;
  children: ReactNode;
}

export const CardFrame = memo(function CardFrame(props: CardFrameProps) {
  const { cardKey, className, titleId, selected, hovered, focusable, onSelect, onHover, children } = props;
  return (
    <article
      className={`card ${className}${selected ? ' card-selected' : ''}${hovered ? ' card-hovered' : ''}`}
      aria-labelledby={titleId}
      aria-current={selected ? 'true' : undefined}
      data-card-key={cardKey}
      tabIndex={focusable ? 0 : -1}
      onClick={(event) => {
        // Buttons and links inside the card do their own thing; a click elsewhere selects the card.
        if ((event.target as HTMLElement).closest('button, a')) return;
        onSelect(cardKey);
      }}
      onFocus={(event) => {
        if (event.target === event.currentTarget) onSelect(cardKey);
      }}
      onMouseEnter={() => onHover(cardKey)}
      onMouseLeave={() => onHover(undefined)}
    >
      {children}
    </article>
  );
});
