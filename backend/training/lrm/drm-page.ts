// « DRM à rattacher »: the page of the simulated LRM where a trainee sees, per SAMU, the orientations the platform
// sent back, as a regulator would before attaching each to the call's record. Server-rendered, every value escaped,
// no script; « Actualiser » reloads it (no automatic refresh: a page that changes under a reader's eyes is a barrier,
// WCAG 2.2.1).
import { escapeHtml } from '../../identity/html';
import type { Orientation } from './orientations';

const STATUS_LABELS: Readonly<Record<string, string>> = {
  booked: 'Confirmé',
  pending: 'En attente',
  fulfilled: 'Honoré',
  noshow: 'Non honoré',
  cancelled: 'Annulé',
};

const timeFormat = new Intl.DateTimeFormat('fr-FR', {
  dateStyle: 'short',
  timeStyle: 'short',
  timeZone: 'Europe/Paris',
});

const when = (value: string | number): string => {
  const epoch = typeof value === 'number' ? value : Date.parse(value);
  return Number.isNaN(epoch) ? escapeHtml(String(value)) : escapeHtml(timeFormat.format(epoch));
};
const statusLabel = (status: string) => escapeHtml(STATUS_LABELS[status] ?? status);

function historyList(orientation: Orientation): string {
  const items = orientation.history.map(
    (change) =>
      `<li>${when(change.receivedAt)} — ${change.method === 'POST' ? 'création' : 'mise à jour'} : ${statusLabel(change.status)}` +
      ` (RDV ${when(change.start)})</li>`,
  );
  return `<ol>${items.join('')}</ol>`;
}

function orientationRow(orientation: Orientation): string {
  const cells = [
    `<code>${escapeHtml(orientation.appointmentId)}</code>`,
    escapeHtml(orientation.practitioner ?? '—'),
    escapeHtml(orientation.structure ?? '—'),
    escapeHtml(orientation.category ?? '—'),
    when(orientation.start),
    when(orientation.created),
    statusLabel(orientation.status),
    historyList(orientation),
  ];
  return `<tr data-appointment-id="${escapeHtml(orientation.appointmentId)}">${cells.map((c) => `<td>${c}</td>`).join('')}</tr>`;
}

function samuSection(samu: string, orientations: readonly Orientation[]): string {
  const heading = `<h2>${escapeHtml(samu)}</h2>`;
  if (orientations.length === 0) return `<section>${heading}<p>Aucune orientation reçue.</p></section>`;
  const head = [
    'Rendez-vous (id SAS)',
    'Effecteur',
    'Structure',
    'Catégorie',
    'Heure du RDV',
    'Pris le',
    'Statut',
    'Historique',
  ]
    .map((h) => `<th scope="col">${h}</th>`)
    .join('');
  return (
    `<section data-samu="${escapeHtml(samu)}">${heading}<table><thead><tr>${head}</tr></thead>` +
    `<tbody>${orientations.map(orientationRow).join('')}</tbody></table></section>`
  );
}

const STYLE =
  'body{font-family:system-ui,sans-serif;margin:1.5rem;color:#161616}' +
  '.banner{background:#b34000;color:#fff;font-weight:700;padding:.4rem 1rem;letter-spacing:.1em}' +
  'table{border-collapse:collapse;width:100%}th,td{border:1px solid #ccc;padding:.3rem .5rem;vertical-align:top;text-align:left}' +
  'ol{margin:0;padding-left:1.2rem}.off{color:#ce0500;font-weight:700}';

export function renderDrmPage(options: {
  samus: readonly { samu: string; orientations: readonly Orientation[] }[];
  connected: boolean;
}): string {
  const link = options.connected
    ? '<p>Liaison avec le Hub (RabbitMQ) : active.</p>'
    : '<p class="off">Liaison avec le Hub (RabbitMQ) interrompue : les orientations ne sont plus reçues.</p>';
  return (
    '<!doctype html><html lang="fr"><head><meta charset="utf-8">' +
    `<title>DRM à rattacher — LRM simulé</title><style>${STYLE}</style></head><body>` +
    '<div class="banner">FORMATION — LRM SIMULÉ</div><h1>DRM à rattacher</h1>' +
    `<p>Orientations transmises par la plateforme SAS, à rattacher au dossier de régulation médicale.</p>${link}` +
    '<p><a href="/">Actualiser</a></p>' +
    options.samus.map(({ samu, orientations }) => samuSection(samu, orientations)).join('') +
    '</body></html>'
  );
}
