// One entry of « Mes orientations »: practitioner and status, when, the call it came from, the place, its short
// reference, the LRM transmission state, the status history (folded), what can be done with it, the search tab.
import { useEffect, useRef, type KeyboardEvent } from 'react';
import { fr } from '../i18n/fr';
import type { AppointmentRow } from './appointment-rows';
import type { AppointmentActions } from './use-appointment-actions';

interface Props {
  row: AppointmentRow;
  changed: boolean;
  actions: AppointmentActions;
  onGoToTab: (tabId: string) => void;
}

export function AppointmentItem({ row, changed, actions, onGoToTab }: Props) {
  const t = fr.orientationActions;
  return (
    <li
      className={`orientation${changed ? ' orientation-changed' : ''}${row.twin ? ' orientation-twin' : ''}`}
      data-testid="orientation"
      data-status={row.status}
      data-appointment-id={row.id}
      data-publisher={row.publisherId}
    >
      <div className="orientation-head">
        <strong className="orientation-practitioner">{row.practitioner}</strong>
        {/* Keyed by status: a new status re-mounts the badge, which replays its highlight. */}
        <span key={row.status} className={`status-badge status-${row.status}`} data-testid="orientation-status">
          {row.statusLabel}
        </span>
      </div>
      <p className="orientation-when">{row.when}</p>
      <p
        className={`orientation-call${row.callKnown ? '' : ' muted'}`}
        data-testid="orientation-call"
        aria-label={`${t.callLabel} : ${row.call}`}
      >
        {row.call}
      </p>
      <p className="orientation-place" data-testid="orientation-place">
        {row.place ? t.place(row.place) : <span className="muted">{t.placeUnknown}</span>}
      </p>
      <p className="orientation-ref" data-testid="orientation-ref">
        <span className="orientation-ref-id">{t.reference(row.reference)}</span>
        {row.created && ` · ${row.created}`}
      </p>
      {row.notInitiated && (
        <p
          className="orientation-not-initiated"
          data-testid="orientation-not-initiated"
          title={fr.orientations.notInitiatedHint}
        >
          {fr.orientations.notInitiated}
        </p>
      )}
      <p className="orientation-meta">
        {fr.orientations.publisher(row.publisher)}
        {row.updated && (
          <>
            {' · '}
            <span data-testid="orientation-updated">{row.updated}</span>
          </>
        )}
      </p>
      {row.lrm && (
        <p className={`lrm-state lrm-${row.lrm.state}`} data-testid="orientation-lrm" data-lrm-state={row.lrm.state}>
          {row.lrm.text}
        </p>
      )}
      {row.history.length > 0 && (
        <details className="orientation-history" data-testid="orientation-history">
          <summary>{t.history(row.history.length)}</summary>
          <ol aria-label={t.historyLabel}>
            {row.history.map((line, i) => (
              <li key={`${line.at}-${i}`}>{line.text}</li>
            ))}
          </ol>
        </details>
      )}
      <RowActions row={row} actions={actions} />
      <p className="orientation-link">
        {row.link.kind === 'open' && (
          <button
            type="button"
            className="btn-link"
            onClick={() => row.link.kind === 'open' && onGoToTab(row.link.tabId)}
          >
            {fr.orientations.goToTab} — {row.link.title}
          </button>
        )}
        {row.link.kind === 'closed' && <span className="muted">{fr.orientations.tabClosed}</span>}
        {row.link.kind === 'none' && <span className="muted">{fr.orientations.noTab}</span>}
      </p>
    </li>
  );
}

function RowActions({ row, actions }: { row: AppointmentRow; actions: AppointmentActions }) {
  const t = fr.orientationActions;
  const state = actions.stateOf(row.id);
  const { action } = row;
  const confirmButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (state.step === 'confirm-cancel') confirmButton.current?.focus();
  }, [state.step]);

  // Échap in the question keeps the appointment (and leaves the panel open).
  const onQuestionKey = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    event.stopPropagation();
    actions.keep(row.id);
  };

  return (
    <div className="orientation-actions" data-testid="orientation-actions">
      {action.kind === 'cancel-agenda' && state.step === 'confirm-cancel' && (
        <div className="orientation-question" role="group" aria-label={t.cancel} onKeyDown={onQuestionKey}>
          <p>{t.cancelQuestion}</p>
          <button ref={confirmButton} type="button" className="btn btn-danger" onClick={() => actions.cancel(row.id)}>
            {t.cancelConfirm}
          </button>
          <button type="button" className="btn" onClick={() => actions.keep(row.id)}>
            {t.cancelKeep}
          </button>
        </div>
      )}
      {action.kind === 'cancel-agenda' && state.step !== 'confirm-cancel' && state.step !== 'done' && (
        <button
          type="button"
          className="btn"
          aria-disabled={state.step === 'busy'}
          onClick={() => state.step !== 'busy' && actions.askCancel(row.id)}
        >
          {state.step === 'busy' ? t.cancelling : t.cancel}
        </button>
      )}
      {action.kind === 'reopen' && (
        <button
          type="button"
          className="btn"
          title={t.openAtPublisherHint}
          aria-disabled={state.step === 'busy'}
          onClick={() => state.step !== 'busy' && actions.reopen(row.id, action.request)}
        >
          {state.step === 'busy' ? t.opening : t.openAtPublisher}
        </button>
      )}
      {action.kind === 'no-page' && (
        <p className="muted orientation-no-page" data-testid="orientation-no-page">
          {t.noBookingPage}
        </p>
      )}
      <p className="orientation-action-result" role="status">
        {(state.step === 'failed' || state.step === 'done') && (
          <span className={state.step === 'failed' ? 'notice-error-text' : ''}>{state.message}</span>
        )}
      </p>
    </div>
  );
}
