// The "Journal de garde": what was done during the shift (contacts beyond slots, bookings opened, confirmed,
// changed), newest first, and its export as a CSV file for the shift's report.
import { useMemo, useState, type RefObject } from 'react';
import { consoleErrorPayload } from '../../shared/api/errors';
import { getConsoleApi } from '../api/console-client';
import { fr } from '../i18n/fr';
import { downloadText } from './download';
import { journalFileName, journalRows } from './journal-rows';
import type { Orientations } from './use-orientations';
import { PanelHead } from './PanelHead';
import { workstationTimeZone, zoneLabel } from '../search/format';

interface Props {
  orientations: Orientations;
  headingRef: RefObject<HTMLHeadingElement | null>;
  headingId: string;
}

type ExportState =
  { kind: 'idle' } | { kind: 'busy' } | { kind: 'done'; fileName: string } | { kind: 'failed'; message: string };

export function JournalPanel({ orientations, headingRef, headingId }: Props) {
  const { journal, close } = orientations;
  const rows = useMemo(() => journalRows(journal.entries), [journal.entries]);
  const unsaved = rows.filter((row) => row.unsaved).length;
  const zone = workstationTimeZone();
  const [exported, setExported] = useState<ExportState>({ kind: 'idle' });

  const exportCsv = () => {
    setExported({ kind: 'busy' });
    getConsoleApi()
      .exportJournalCsv()
      .then(
        (csv) => {
          const fileName = journalFileName(Date.now());
          downloadText(csv, fileName);
          setExported({ kind: 'done', fileName });
        },
        (error: unknown) =>
          setExported({ kind: 'failed', message: consoleErrorPayload(error).message || fr.journal.exportFailed }),
      );
  };

  return (
    <>
      <PanelHead title={fr.journal.title} headingId={headingId} headingRef={headingRef} onClose={close} />
      <p className="followup-intro">{fr.journal.intro}</p>
      <p className="followup-intro" data-testid="journal-zone">
        {fr.journalShift.zone(zoneLabel(zone, Date.now()))}
      </p>
      {unsaved > 0 && (
        <p className="alert alert-error" role="alert" data-testid="journal-unsaved">
          {fr.journalShift.unsaved(unsaved)}
        </p>
      )}
      <div className="journal-export">
        <button
          type="button"
          className="btn btn-primary"
          onClick={exportCsv}
          disabled={exported.kind === 'busy' || rows.length === 0}
        >
          {exported.kind === 'busy' ? fr.journal.exporting : fr.journal.export}
        </button>
        <span role="status" className={exported.kind === 'failed' ? 'journal-export-failed' : 'journal-export-done'}>
          {exported.kind === 'done' && fr.journal.exported(exported.fileName)}
          {exported.kind === 'failed' && exported.message}
        </span>
      </div>
      {journal.failed && (
        <p className="followup-empty" role="alert">
          {fr.journal.loadFailed}
        </p>
      )}
      {journal.loaded && !journal.failed && rows.length === 0 && <p className="followup-empty">{fr.journal.empty}</p>}
      {rows.length > 0 && (
        <table className="journal-table" aria-label={fr.journal.tableLabel} data-testid="journal-table">
          <thead>
            <tr>
              <th scope="col">{fr.journal.headers.time}</th>
              <th scope="col">{fr.journalShift.regulator}</th>
              <th scope="col">{fr.journal.headers.action}</th>
              <th scope="col">{fr.journal.headers.target}</th>
              <th scope="col">{fr.journal.headers.detail}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr
                key={row.id}
                data-kind={row.kind}
                data-testid="journal-row"
                className={row.unsaved ? 'journal-unsaved' : undefined}
              >
                <td>
                  <time dateTime={row.iso} title={row.at}>
                    {row.time}
                  </time>
                </td>
                <td>{row.regulator}</td>
                <td>
                  {row.action}
                  {row.unsaved && <strong className="journal-unsaved-mark"> — {fr.journalShift.notSaved}</strong>}
                </td>
                <td>{row.target}</td>
                <td>{row.detail}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
