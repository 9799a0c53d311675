// The shortcut list, one key away ("?"). A modal <dialog>: focus stays inside, Échap closes it.
import { useEffect, useRef } from 'react';
import { fr } from '../i18n/fr';
import { SHORTCUTS } from './keyboard';

export function ShortcutHelp({ open, onClose }: { open: boolean; onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) element.showModal();
    if (!open && element.open) element.close();
  }, [open]);
  return (
    <dialog ref={dialog} className="shortcut-help" aria-labelledby="raccourcis-titre" onClose={onClose}>
      <h2 id="raccourcis-titre">{fr.shortcuts.title}</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">{fr.shortcuts.keyHeader}</th>
            <th scope="col">{fr.shortcuts.actionHeader}</th>
          </tr>
        </thead>
        <tbody>
          {SHORTCUTS.map((s) => (
            <tr key={s.command}>
              <td>
                <kbd>{s.label}</kbd>
              </td>
              <td>{s.description}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" className="btn btn-primary" onClick={onClose} autoFocus>
        {fr.shortcuts.close}
      </button>
    </dialog>
  );
}
