import type { RefObject } from 'react';
import { fr } from '../i18n/fr';

/** The head of a follow-up panel: its title (focused when the panel opens) and the close button (Échap). */
export function PanelHead({
  title,
  headingId,
  headingRef,
  onClose,
}: {
  title: string;
  headingId: string;
  headingRef: RefObject<HTMLHeadingElement | null>;
  onClose: () => void;
}) {
  return (
    <header className="followup-head">
      <h2 id={headingId} ref={headingRef} tabIndex={-1}>
        {title}
      </h2>
      <button type="button" className="btn" onClick={onClose}>
        {fr.orientations.close}
        <kbd aria-hidden="true">Échap</kbd>
      </button>
    </header>
  );
}
