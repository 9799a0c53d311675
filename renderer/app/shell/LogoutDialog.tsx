// Logout while searches are open: the regulator confirms, then the tabs are dropped with the session (the next
// regulator must not find the previous one's patients' searches). A modal <dialog>: Échap cancels.
import { useEffect, useRef } from 'react';
import { fr } from '../../i18n/fr';

interface LogoutDialogProps {
  openTabs: number;
  open: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

export function LogoutDialog({ openTabs, open, onConfirm, onCancel }: LogoutDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) element.showModal();
    if (!open && element.open) element.close();
  }, [open]);
  return (
    <dialog
      ref={dialog}
      className="logout-dialog"
      aria-labelledby="deconnexion-titre"
      aria-describedby="deconnexion-texte"
      onClose={onCancel}
      data-testid="logout-dialog"
    >
      <h2 id="deconnexion-titre">{fr.shiftChange.confirmTitle}</h2>
      <p id="deconnexion-texte">{fr.shiftChange.confirmBody(openTabs)}</p>
      <div className="dialog-actions">
        <button type="button" className="btn btn-primary" onClick={onConfirm}>
          {fr.shiftChange.confirm}
        </button>
        <button type="button" className="btn" onClick={onCancel} autoFocus>
          {fr.shiftChange.keep}
        </button>
      </div>
    </dialog>
  );
}
