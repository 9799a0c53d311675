// The status strip: "14 éditeurs sur 16 ont répondu — Maiia : délai dépassé", and "Relancer la recherche" for
// the sources that failed only. Nothing is hidden: the detail per publisher is one click (or Tab) away.
import { fr } from '../i18n/fr';
import { plainMessage } from './plain-text';
import type { StripSummary } from './source-strip';

interface StatusStripProps {
  summary: StripSummary;
  done: boolean;
  durationMs?: number;
  retrying: boolean;
  onRetry: () => void;
}

const seconds = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 });

export function StatusStrip({ summary, done, durationMs, retrying, onRetry }: StatusStripProps) {
  const problem = summary.problems.length > 0;
  return (
    <section
      className={`status-strip${problem ? ' status-strip-problem' : ''}`}
      aria-label={fr.sources.label}
      data-testid="status-strip"
    >
      <div className="status-main">
        <span className="status-headline" role="status">
          {summary.headline}
          {done && durationMs !== undefined && durationMs > 0 && summary.waiting === 0 && (
            <span className="status-done"> · {fr.sources.done(seconds.format(durationMs / 1000))}</span>
          )}
          {!done && summary.waiting > 0 && <span className="spinner" aria-hidden="true" />}
        </span>
        {summary.problems.map((line) => (
          <span
            key={line.source.id}
            className={`source-problem source-${line.state}`}
            data-source-id={line.source.id}
            data-state={line.state}
          >
            {line.source.name} : {plainMessage(line.text).text}
          </span>
        ))}
        {summary.failed.length > 0 && (
          <button
            type="button"
            className="btn btn-retry"
            onClick={onRetry}
            disabled={retrying}
            title={fr.sources.retryHint(summary.failed.map((s) => s.name).join(', '))}
          >
            {retrying ? fr.sources.retrying : fr.sources.retry}
            <kbd aria-hidden="true">r</kbd>
          </button>
        )}
        {retrying && summary.failed.length === 0 && <span className="status-retrying">{fr.sources.retrying}</span>}
      </div>
      {summary.total > 0 && (
        <details className="status-details">
          <summary>{fr.sources.details}</summary>
          <ul>
            {summary.lines.map((line) => (
              <li key={line.source.id} className={`source-${line.state}`}>
                <strong>{line.source.name}</strong> — {plainMessage(line.text).text}
                {line.reason && line.reason !== line.text && <small> ({plainMessage(line.reason).text})</small>}
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
