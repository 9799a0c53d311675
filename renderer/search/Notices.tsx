// What the regulator must know before reading the cards: where the search looks (and how precisely), whether the
// médecin traitant was found, launch warnings, and errors. Plain sentences, above the results.
import { useState, type ReactNode } from 'react';
import type { LaunchIssue } from '../../shared/domain/launch';
import { LOW_ADDRESS_SCORE, type CareOffer, type GpLookup, type ResolvedLocation } from '../../shared/domain/search';
import { fr } from '../i18n/fr';
import { formatDistance } from './format';
import { formatGpReference } from './gp-field';
import { PlainText } from './PlainText';
import type { SearchError } from './search-stream';

/**
 * An information line: one line (the full text in its tooltip and to screen readers), dismissable so it gives its
 * room back to the results once read.
 */
function InfoNotice({
  children,
  testId,
  tone = 'info',
  status,
}: {
  children: ReactNode;
  testId?: string;
  tone?: 'info' | 'warning';
  status?: boolean;
}) {
  const [hidden, setHidden] = useState(false);
  if (hidden) return null;
  return (
    <div className={`notice notice-${tone} notice-line`} data-testid={testId} {...(status ? { role: 'status' } : {})}>
      <p className="notice-text" title={typeof children === 'string' ? children : undefined}>
        {children}
      </p>
      <button
        type="button"
        className="notice-dismiss"
        aria-label={fr.layout.dismissNotice}
        onClick={() => setHidden(true)}
      >
        ×
      </button>
    </div>
  );
}

export function LocationLine({ location }: { location: ResolvedLocation }) {
  return (
    <p className="location-line">
      {fr.results.location(location.label, formatDistance(location.radiusKm) ?? `${location.radiusKm} km`)}
      {location.enlargements > 0 && <span> ({fr.results.enlarged(location.enlargements)})</span>}
      {location.precision !== 'street' && !location.notice && !/approximati/iu.test(location.label) && (
        <span className="badge badge-approx">{fr.results.locationApprox}</span>
      )}
    </p>
  );
}

/**
 * What the regulator should know about the position, in plain words (information, not errors): a fallback to the
 * commune centre, a street recognised with a low score, a location outside the training data.
 */
export function LocationNotices({ location }: { location: ResolvedLocation }) {
  const score = location.addressScore;
  const lowScore = location.precision === 'street' && score !== undefined && score < LOW_ADDRESS_SCORE;
  return (
    <>
      {location.outsideCoverage && (
        <InfoNotice testId="coverage-notice" status>
          {fr.results.outsideCoverage(location.outsideCoverage.departments.map((d) => d.name))}
        </InfoNotice>
      )}
      {location.notice && (
        <InfoNotice testId="location-notice">
          <PlainText message={location.notice} />
        </InfoNotice>
      )}
      {lowScore && (
        <InfoNotice testId="address-score-notice">
          {fr.results.lowAddressScore(location.label, score.toLocaleString('fr-FR', { maximumFractionDigits: 2 }))}
        </InfoNotice>
      )}
    </>
  );
}

/** `fromLrm`: only a launch can say the LRM left the GP out; a manual search has nothing to report. */
export function GpNotice({ gp, fromLrm }: { gp: GpLookup | undefined; fromLrm: boolean }) {
  if (!gp) return null;
  if (gp.state === 'not-provided')
    return fromLrm ? <InfoNotice testId="gp-notice">{fr.gp.notProvided}</InfoNotice> : null;
  if (gp.state === 'not-found')
    return (
      <InfoNotice testId="gp-notice" tone="warning" status>
        {fr.gp.notFound(formatGpReference(gp.reference))}
      </InfoNotice>
    );
  // Found: the card itself says it (pinned first, "MÉDECIN TRAITANT").
  return null;
}

// Said plainly, not folded into the integrator's remarks: the regulator must know the GP is not being looked for.
const REGULATOR_WARNINGS = new Set(['missing-origin', 'practitioner-not-identified', 'rpps-check-digit']);

export function LaunchWarnings({ warnings }: { warnings: readonly LaunchIssue[] }) {
  // "Médecin traitant non renseigné" is said by GpNotice; technical warnings are for the LRM's integrator.
  const shown = warnings.filter((w) => w.code !== 'missing-practitioner');
  if (shown.length === 0) return null;
  const important = shown.filter((w) => REGULATOR_WARNINGS.has(w.code));
  const technical = shown.filter((w) => !REGULATOR_WARNINGS.has(w.code));
  return (
    <div className="launch-warnings">
      {important.map((w, i) => (
        <InfoNotice key={`${w.code}-${i}`}>{w.message}</InfoNotice>
      ))}
      {technical.length > 0 && (
        <details className="notice notice-info">
          <summary>{fr.results.launchRemarks(technical.length)}</summary>
          <ul>
            {technical.map((w, i) => (
              <li key={`${w.code}-${i}`}>{w.message}</li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}

export function ErrorNotice({
  title,
  error,
  onDismiss,
  onRetry,
}: {
  title?: string;
  error: SearchError;
  onDismiss?: () => void;
  /** « Réessayer »: the same search again (the backend was unreachable, the session had ended…). */
  onRetry?: () => void;
}) {
  return (
    <div className="alert alert-error" role="alert" data-code={error.code}>
      {title && <h2>{title}</h2>}
      <span>
        <PlainText message={error.message} />
      </span>
      {onRetry && (
        <button type="button" className="btn btn-primary" onClick={onRetry}>
          {fr.incidents.retry}
        </button>
      )}
      {onDismiss && (
        <button type="button" className="btn" onClick={onDismiss}>
          {fr.results.dismiss}
        </button>
      )}
    </div>
  );
}

/**
 * The offer holds the nearest practitioners of a larger radius: say how many of how many the list shows, while
 * the next ones load, or why they did not (with « Réessayer »).
 */
export function OfferPageNotice({
  offer,
  paging,
}: {
  offer: CareOffer | undefined;
  paging?: { loading: boolean; failure?: string; retry: () => void };
}) {
  const total = offer?.practitionerTotal;
  if (!offer || total === undefined || (total <= offer.practitioners.length && !paging?.loading)) return null;
  return (
    <div className="notice notice-info notice-line" role="status" data-testid="offer-page-notice">
      <p className="notice-text">
        {fr.offerPage.more(offer.practitioners.length, total)}
        {paging?.loading && <span data-testid="offer-page-loading"> · {fr.offerPage.loading}</span>}
      </p>
      {paging?.failure !== undefined && (
        <span className="notice-text" data-testid="offer-page-failure">
          <PlainText message={paging.failure} />
          <button type="button" className="btn" onClick={paging.retry}>
            {fr.incidents.retry}
          </button>
        </span>
      )}
    </div>
  );
}
