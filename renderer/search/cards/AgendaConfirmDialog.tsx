// The short confirmation of a SAS-agenda slot: practitioner, place, time, consultation mode and the number to call
// for the hand-over, then « Confirmer le rendez-vous ». A modal <dialog>: the rest of the console is inert, Tab stays
// inside, Échap cancels, Entrée confirms. A refusal is said in the dialog; the search behind it stays as it was.
import { useEffect, useRef, type KeyboardEvent, type SyntheticEvent } from 'react';
import { fr } from '../../i18n/fr';
import { contactLabel } from './agenda-confirmation';
import { canConfirm, wrappedFocusIndex } from './agenda-booking';
import { Phone } from './Phone';
import type { AgendaDialogState } from './use-agenda-booking';

interface Props {
  state: AgendaDialogState;
  /** The patient's zone when it is not the workstation's (times are read there, like the chips). */
  foreignZone?: string | undefined;
  onConfirm: () => void;
  onClose: () => void;
}

const FOCUSABLE = 'button:not([disabled]), a[href]';

export function AgendaConfirmDialog({ state, foreignZone, onConfirm, onClose }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const confirmButton = useRef<HTMLButtonElement>(null);
  const { confirmation: c, phase } = state;
  const t = fr.agendaBooking;

  useEffect(() => {
    const element = dialog.current;
    // The chip that opened it: the focus goes back there (the dialog is removed, not closed, so the browser won't).
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (element && !element.open) element.showModal();
    // The dialog would focus its first link (the phone): the decision is the button, Entrée confirms from there.
    confirmButton.current?.focus();
    return () => {
      if (!opener?.isConnected) return;
      // A chip now out of reach (taken) cannot hold the focus: its card does.
      const target = opener.matches(':disabled') ? opener.closest<HTMLElement>('[tabindex]') : opener;
      target?.focus();
    };
  }, []);

  const onKeyDown = (event: KeyboardEvent<HTMLDialogElement>) => {
    if (event.key === 'Tab') {
      const items = [...(dialog.current?.querySelectorAll<HTMLElement>(FOCUSABLE) ?? [])];
      const index = items.indexOf(document.activeElement as HTMLElement);
      const next = wrappedFocusIndex(items.length, index, event.shiftKey);
      if (next !== undefined) {
        event.preventDefault();
        items[next]?.focus();
      }
      return;
    }
    if (event.key !== 'Enter' || event.ctrlKey || event.altKey || event.metaKey) return;
    // Enter on another button or link (Annuler, the phone) does what that element says.
    const target = event.target instanceof Element ? event.target : null;
    if (target?.closest('button, a') && !target.closest('[data-agenda-confirm]')) return;
    event.preventDefault();
    if (canConfirm(phase)) onConfirm();
    else if (phase.kind === 'taken') onClose();
  };

  // Échap: the dialog's own cancel event; while the booking is being recorded it stays open to show the answer.
  const onCancel = (event: SyntheticEvent<HTMLDialogElement>) => {
    event.preventDefault();
    onClose();
  };

  const sending = phase.kind === 'sending';
  return (
    <dialog
      ref={dialog}
      className="agenda-dialog"
      aria-labelledby="agenda-confirmation-titre"
      aria-describedby="agenda-confirmation-texte"
      onKeyDown={onKeyDown}
      onCancel={onCancel}
      data-testid="agenda-dialog"
      data-phase={phase.kind}
    >
      <h2 id="agenda-confirmation-titre">{t.title}</h2>
      <p id="agenda-confirmation-texte" className="agenda-dialog-intro">
        {t.intro}
      </p>
      <dl className="agenda-details">
        <dt>{t.practitioner}</dt>
        <dd data-testid="agenda-practitioner">{c.practitioner}</dd>
        <dt>{t.place}</dt>
        <dd data-testid="agenda-place">{c.place ?? t.noPlace}</dd>
        <dt>{t.time}</dt>
        <dd data-testid="agenda-time">
          {c.when}
          {foreignZone && <span className="agenda-zone"> ({t.zone(foreignZone)})</span>}
        </dd>
        <dt>{t.mode}</dt>
        <dd>{c.modes.length > 0 ? c.modes.join(', ') : t.noMode}</dd>
        <dt>{t.phone}</dt>
        <dd data-testid="agenda-phone" data-contact={c.contact}>
          {c.phone ? <Phone phone={c.phone} className="phone-strong" /> : t.noPhone}{' '}
          <span className="agenda-phone-owner">{contactLabel(c)}</span>
        </dd>
      </dl>
      <div className="agenda-dialog-message" role="status" aria-live="polite" data-testid="agenda-message">
        {sending && <p>{t.sending}</p>}
        {phase.kind === 'taken' && <p className="notice notice-warning">{phase.message}</p>}
        {phase.kind === 'failed' && <p className="notice notice-error">{phase.message}</p>}
      </div>
      <div className="dialog-actions">
        {phase.kind === 'taken' ? (
          <button type="button" className="btn btn-primary" onClick={onClose} autoFocus>
            {t.close}
          </button>
        ) : (
          <>
            <button
              ref={confirmButton}
              type="button"
              className="btn btn-primary"
              data-agenda-confirm
              onClick={onConfirm}
              // Not `disabled`: a disabled button loses the focus, which would fall out of the dialog.
              aria-disabled={sending}
            >
              {phase.kind === 'failed' ? t.retry : t.confirm}
            </button>
            <button type="button" className="btn" onClick={onClose} aria-disabled={sending}>
              {t.cancel}
            </button>
          </>
        )}
      </div>
      <p className="agenda-dialog-keys" aria-hidden="true">
        {t.keys}
      </p>
    </dialog>
  );
}
