// The booking pages' HTML (French, no script). Element ids, roles and data-testid attributes are part of the
// contract with the end-to-end tests: a heading with the publisher's name, `booking-login-form` on the ordinary
// login form only, `booking-regulator` with the regulator's name, the action buttons' exact labels.
import type { Place } from '@shared/domain/care-offer';
import type { ConsultationMode } from '@shared/domain/slot';
import { type BookedAppointment, type StatusAction, allowedActions } from './bookings';
import { STATUS_LABEL, frenchDateTime, frenchDay, frenchTime } from './format';
import { escapeHtml as e, renderLayout } from './html';
import { PATIENT_FIELDS, type PatientField } from './patient-form';

const ACTION_LABEL: Record<StatusAction | 'retry', string> = {
  cancel: 'Annuler le rendez-vous',
  fulfil: 'Marquer honoré',
  noshow: 'Marquer non honoré',
  retry: 'Renvoyer à la plateforme SAS',
};

const MODE_LABEL: Record<ConsultationMode, string> = {
  cabinet: 'au cabinet',
  teleconsultation: 'en téléconsultation',
  domicile: 'à domicile',
};

export interface RegulatorView {
  displayName: string;
  idpConnect?: string;
}

function idpLabel(idp: string): string {
  if (idp === 'psc-cps') return 'carte CPS';
  if (idp === 'psc-ecps') return 'e-CPS';
  return idp;
}

function regulatorBlock(regulator: RegulatorView): string {
  const how = regulator.idpConnect
    ? ` <span class="muted">(Pro Santé Connect, ${e(idpLabel(regulator.idpConnect))})</span>`
    : '';
  return (
    `<p class="regulator" data-testid="booking-regulator">Connecté en tant que <strong>${e(regulator.displayName)}</strong>, ` +
    `via la plateforme SAS${how}</p>`
  );
}

function placeText(place: Place | undefined): string | undefined {
  if (!place) return undefined;
  const parts = [place.organizationName, place.line, [place.postalCode, place.city].filter(Boolean).join(' ')].filter(
    (p) => p && p.trim() !== '',
  );
  return parts.length > 0 ? parts.join(', ') : undefined;
}

/** The publisher's ordinary login page: what anyone gets without the SAS origin. It is deliberately not SSO. */
export function ordinaryLoginPage(publisherName: string, error?: string): string {
  const errorHtml = error ? `<p class="error" role="alert" id="login-error">${e(error)}</p>` : '';
  const described = error ? ' aria-describedby="login-error"' : '';
  const body =
    `<p>Espace professionnel : connectez-vous avec votre identifiant et votre mot de passe ${e(publisherName)}.</p>` +
    errorHtml +
    `<form method="post" action="/rdv/login" data-testid="booking-login-form" aria-label="Connexion à ${e(publisherName)}">` +
    `<label for="login-username">Identifiant</label>` +
    `<input id="login-username" name="username" type="text" autocomplete="username" required maxlength="100"${described}>` +
    `<label for="login-password">Mot de passe</label>` +
    `<input id="login-password" name="password" type="password" autocomplete="current-password" required maxlength="200"${described}>` +
    `<div><button type="submit">Se connecter</button></div></form>` +
    `<p class="muted">Vous venez de la plateforme SAS ? Rouvrez le créneau depuis la console : la connexion y est automatique.</p>`;
  return renderLayout({ publisherName, title: 'Connexion', body });
}

export interface MessagePageInput {
  publisherName: string;
  title: string;
  message: string;
  detail?: string;
  link?: { href: string; text: string };
}

export function messagePage({ publisherName, title, message, detail, link }: MessagePageInput): string {
  const body =
    `<p role="alert" class="error">${e(message)}</p>` +
    (detail ? `<p class="muted">${e(detail)}</p>` : '') +
    (link ? `<p><a href="${e(link.href)}">${e(link.text)}</a></p>` : '');
  return renderLayout({ publisherName, title, body });
}

export interface AgendaSlotView {
  href: string;
  start: string;
  end: string;
  current: boolean;
}

export interface AgendaPageInput {
  publisherName: string;
  regulator: RegulatorView;
  practitionerName: string;
  place?: Place;
  chosen: { slotId: string; start: string; end: string; modes: readonly ConsultationMode[]; confirmAction: string };
  /** The practitioner's free slots of the coming days, the chosen one included. */
  slots: readonly AgendaSlotView[];
  csrfToken: string;
  errors?: Partial<Record<PatientField, string>>;
  values?: Partial<Record<PatientField, string>>;
  notice?: string;
}

function patientInput(field: PatientField, label: string, type: string, input: AgendaPageInput, extra = ''): string {
  const name = PATIENT_FIELDS[field];
  const error = input.errors?.[field];
  const value = input.values?.[field] ?? '';
  const errorId = `${name}-error`;
  return (
    `<label for="${name}">${e(label)}</label>` +
    `<input id="${name}" name="${name}" type="${type}" required value="${e(value)}"${extra}` +
    (error ? ` aria-invalid="true" aria-describedby="${errorId}">` : '>') +
    (error ? `<p class="error" id="${errorId}">${e(error)}</p>` : '')
  );
}

export function agendaPage(input: AgendaPageInput): string {
  const days = new Map<string, AgendaSlotView[]>();
  for (const slot of input.slots) {
    const day = frenchDay(slot.start);
    days.set(day, [...(days.get(day) ?? []), slot]);
  }
  const agenda =
    `<section aria-labelledby="agenda-title"><h3 id="agenda-title">Agenda de ${e(input.practitionerName)}</h3>` +
    (days.size === 0
      ? '<p>Aucun autre créneau libre dans les prochains jours.</p>'
      : `<ul class="days">${[...days]
          .map(
            ([day, slots]) =>
              `<li><h4>${e(day)}</h4><ul class="slots">${slots
                .map(
                  (s) =>
                    `<li><a href="${e(s.href)}"${s.current ? ' aria-current="true" data-testid="booking-selected-slot"' : ''}>` +
                    `${e(frenchTime(s.start))}</a></li>`,
                )
                .join('')}</ul></li>`,
          )
          .join('')}</ul>`) +
    '</section>';
  const where = placeText(input.place);
  const modes = input.chosen.modes.map((m) => MODE_LABEL[m]).join(' ou ');
  const hasErrors = input.errors && Object.keys(input.errors).length > 0;
  const body =
    regulatorBlock(input.regulator) +
    (input.notice ? `<p class="error" role="alert">${e(input.notice)}</p>` : '') +
    `<section aria-labelledby="chosen-title"><h3 id="chosen-title">Créneau choisi</h3>` +
    `<p data-testid="booking-chosen-slot"><strong>${e(frenchDateTime(input.chosen.start))}</strong> – ${e(frenchTime(input.chosen.end))}` +
    ` avec ${e(input.practitionerName)}${modes ? `, ${e(modes)}` : ''}</p>` +
    (where ? `<p class="muted">${e(where)}</p>` : '') +
    '</section>' +
    agenda +
    `<form method="post" action="${e(input.chosen.confirmAction)}" aria-labelledby="patient-title" novalidate>` +
    `<fieldset><legend id="patient-title">Patient</legend>` +
    (hasErrors ? '<p class="error" role="alert">Vérifiez les champs signalés.</p>' : '') +
    patientInput('familyName', 'Nom', 'text', input, ' autocomplete="off" maxlength="100"') +
    patientInput('givenName', 'Prénom', 'text', input, ' autocomplete="off" maxlength="100"') +
    patientInput('birthDate', 'Date de naissance', 'date', input, ' autocomplete="off"') +
    patientInput('phone', 'Téléphone', 'tel', input, ' autocomplete="off" maxlength="20"') +
    `<p class="muted">Formation : ces informations restent chez ${e(input.publisherName)} le temps de la session et ne sont jamais transmises à la plateforme SAS.</p>` +
    `</fieldset><input type="hidden" name="csrf" value="${e(input.csrfToken)}">` +
    `<button type="submit">Confirmer le rendez-vous</button></form>`;
  return renderLayout({ publisherName: input.publisherName, title: 'Prendre rendez-vous', body });
}

export interface AppointmentPageInput {
  publisherName: string;
  regulator: RegulatorView;
  appointment: BookedAppointment;
  csrfToken: string;
}

const TITLE: Record<BookedAppointment['status'], string> = {
  booked: 'Rendez-vous confirmé',
  cancelled: 'Rendez-vous annulé',
  fulfilled: 'Rendez-vous honoré',
  noshow: 'Rendez-vous non honoré',
};

function actionForm(appointmentId: string, action: StatusAction | 'retry', csrfToken: string): string {
  return (
    `<form method="post" action="/rdv/appointment/${e(appointmentId)}/${action}">` +
    `<input type="hidden" name="csrf" value="${e(csrfToken)}">` +
    `<button type="submit" data-action="${action}">${e(ACTION_LABEL[action])}</button></form>`
  );
}

export function appointmentPage({ publisherName, regulator, appointment: a, csrfToken }: AppointmentPageInput): string {
  const report = a.report;
  const reportHtml =
    report === undefined
      ? ''
      : report.state === 'sent'
        ? `<p class="ok" data-testid="booking-report">Compte rendu transmis à la plateforme SAS.</p>`
        : `<div data-testid="booking-report"><p class="error" role="alert">${e(report.message)}</p>` +
          `<p>Le rendez-vous reste enregistré chez ${e(publisherName)} ; seul le compte rendu à la plateforme SAS est en attente.</p>` +
          actionForm(a.id, 'retry', csrfToken) +
          '</div>';
  const actions = allowedActions(a.status);
  const body =
    regulatorBlock(regulator) +
    `<p data-testid="booking-status" role="status">État : <strong>${e(STATUS_LABEL[a.status])}</strong></p>` +
    '<dl>' +
    `<dt>Référence</dt><dd data-testid="booking-appointment-id">${e(a.id)}</dd>` +
    `<dt>Date</dt><dd>${e(frenchDateTime(a.start))} – ${e(frenchTime(a.end))}</dd>` +
    `<dt>Praticien</dt><dd>${e(a.practitionerName)}</dd>` +
    `<dt>Patient</dt><dd>${e(`${a.patient.givenName} ${a.patient.familyName}`)}</dd>` +
    '</dl>' +
    reportHtml +
    (actions.length > 0
      ? `<div class="actions" role="group" aria-label="Suivi du rendez-vous">${actions.map((action) => actionForm(a.id, action, csrfToken)).join('')}</div>`
      : '');
  return renderLayout({ publisherName, title: TITLE[a.status], body });
}
