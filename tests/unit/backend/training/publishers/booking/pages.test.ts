// The booking pages' HTML: French, FORMATION, the publisher's name, no script, no inline style, everything escaped,
// and the stable hooks the end-to-end tests use.
import { describe, expect, it } from 'vitest';
import type { BookedAppointment } from '@backend/training/publishers/booking/bookings';
import {
  agendaPage,
  appointmentPage,
  messagePage,
  ordinaryLoginPage,
} from '@backend/training/publishers/booking/pages';

const HOSTILE = '<img src=x onerror=alert(1)> & "Cie"';
const SLOT = { start: '2026-03-11T09:30:00+01:00', end: '2026-03-11T10:00:00+01:00' };

function agenda(overrides: Partial<Parameters<typeof agendaPage>[0]> = {}) {
  return agendaPage({
    publisherName: 'Agenda Santé',
    regulator: { displayName: 'Alice Martin', idpConnect: 'psc-ecps' },
    practitionerName: 'Dr Jeanne Dupont',
    place: { line: '12 rue de la Paix', postalCode: '75002', city: 'Paris' },
    chosen: { slotId: 's2', ...SLOT, modes: ['cabinet', 'teleconsultation'], confirmAction: '/rdv/s2/confirm' },
    slots: [
      { href: '/rdv/s1/agenda', start: '2026-03-11T09:00:00+01:00', end: SLOT.start, current: false },
      { href: '/rdv/s2/agenda', ...SLOT, current: true },
      { href: '/rdv/s3/agenda', start: '2026-03-12T14:00:00+01:00', end: '2026-03-12T14:30:00+01:00', current: false },
    ],
    csrfToken: 'csrf-token-value',
    ...overrides,
  });
}

const appointment = (status: BookedAppointment['status'], report?: BookedAppointment['report']): BookedAppointment => ({
  id: 'RDV-0123456789AB',
  slotId: 's2',
  practitionerId: '810001234567',
  practitionerName: 'Dr Jeanne Dupont',
  ...SLOT,
  operatorId: '810002673899',
  status,
  patient: { familyName: 'Lefèvre', givenName: 'Zoé', birthDate: '1984-05-17', phone: '0612345678' },
  createdAt: '2026-03-10T08:00:00.000Z',
  updatedAt: '2026-03-10T08:00:00.000Z',
  knownToPlatform: report?.state === 'sent',
  ...(report ? { report } : {}),
});

function expectFrame(html: string, publisherName = 'Agenda Santé') {
  expect(html.startsWith('<!DOCTYPE html><html lang="fr">')).toBe(true);
  expect(html).toContain('FORMATION — éditeur simulé, aucune donnée réelle');
  expect(html).toContain(`<h1 id="publisher-name">${publisherName}</h1>`);
  expect(html).toContain('<link rel="stylesheet" href="/rdv/style.css">');
  expect(html).not.toMatch(/<script|\sstyle=|<style|\son[a-z]+=/iu);
}

describe('booking pages', () => {
  it('ordinary login: a labelled username/password form marked booking-login-form', () => {
    const html = ordinaryLoginPage('Agenda Santé', 'Identifiant ou mot de passe incorrect.');
    expectFrame(html);
    expect(html).toContain('data-testid="booking-login-form"');
    expect(html).toContain('<label for="login-username">Identifiant</label><input id="login-username" name="username"');
    expect(html).toContain(
      '<label for="login-password">Mot de passe</label><input id="login-password" name="password" type="password"',
    );
    expect(html).toContain('<p class="error" role="alert" id="login-error">Identifiant ou mot de passe incorrect.</p>');
    expect(html).not.toContain('booking-regulator');
  });

  it('agenda: the regulator, the days and slots with the chosen one current, a labelled patient form with CSRF', () => {
    const html = agenda();
    expectFrame(html);
    expect(html).toContain(
      'data-testid="booking-regulator">Connecté en tant que <strong>Alice Martin</strong>, via la plateforme SAS',
    );
    expect(html).toContain('(Pro Santé Connect, e-CPS)');
    expect(html).not.toContain('booking-login-form');
    expect(html).toContain('<h4>mercredi 11 mars</h4>');
    expect(html).toContain('<h4>jeudi 12 mars</h4>');
    expect(html).toContain(
      '<a href="/rdv/s2/agenda" aria-current="true" data-testid="booking-selected-slot">09:30</a>',
    );
    expect(html).toContain('<a href="/rdv/s1/agenda">09:00</a>');
    expect(html).toContain(
      '<strong>mercredi 11 mars à 09:30</strong> – 10:00 avec Dr Jeanne Dupont, au cabinet ou en téléconsultation',
    );
    expect(html).toContain('12 rue de la Paix, 75002 Paris');
    expect(html).toContain('<form method="post" action="/rdv/s2/confirm"');
    expect(html).toContain('<input type="hidden" name="csrf" value="csrf-token-value">');
    for (const [id, label] of [
      ['patientFamilyName', 'Nom'],
      ['patientGivenName', 'Prénom'],
      ['patientBirthDate', 'Date de naissance'],
      ['patientPhone', 'Téléphone'],
    ])
      expect(html).toContain(`<label for="${id}">${label}</label><input id="${id}" name="${id}"`);
    expect(html).toContain('type="date"');
    expect(html).toContain('type="tel"');
    expect(html).not.toContain('aria-invalid');
  });

  it('agenda with errors: each wrong field flagged and described, values kept, escaped', () => {
    const html = agenda({
      errors: { phone: 'Téléphone invalide.' },
      values: { phone: '"><b>x', familyName: 'Lefèvre' },
    });
    expect(html).toContain(
      'value="&quot;&gt;&lt;b&gt;x" autocomplete="off" maxlength="20" aria-invalid="true" aria-describedby="patientPhone-error">',
    );
    expect(html).toContain('<p class="error" id="patientPhone-error">Téléphone invalide.</p>');
    expect(html).toContain('Vérifiez les champs signalés.');
    expect(html.match(/aria-invalid/gu)).toHaveLength(1);
  });

  it('escapes every name it shows', () => {
    const pages = [
      ordinaryLoginPage(HOSTILE, HOSTILE),
      messagePage({
        publisherName: HOSTILE,
        title: HOSTILE,
        message: HOSTILE,
        detail: HOSTILE,
        link: { href: '/x"y', text: HOSTILE },
      }),
      agenda({
        publisherName: HOSTILE,
        regulator: { displayName: HOSTILE, idpConnect: HOSTILE },
        practitionerName: HOSTILE,
        notice: HOSTILE,
      }),
      appointmentPage({
        publisherName: HOSTILE,
        regulator: { displayName: HOSTILE },
        appointment: { ...appointment('booked'), practitionerName: HOSTILE },
        csrfToken: '"t',
      }),
    ];
    for (const html of pages) {
      expect(html).not.toContain('<img');
      expect(html).toContain('&lt;img src=x onerror=alert(1)&gt; &amp; &quot;Cie&quot;');
      // Real tags only (text is escaped, so every `<` left opens one of ours), attribute values blanked.
      const tags = html.replace(/"[^"]*"/gu, '""').match(/<[^>]+>/gu) ?? [];
      expect(tags.filter((tag) => /^<script|\son[a-z]+=/iu.test(tag))).toEqual([]);
    }
  });

  it('confirmed appointment: title, state, the three action buttons with their exact labels', () => {
    const html = appointmentPage({
      publisherName: 'Agenda Santé',
      regulator: { displayName: 'Alice Martin' },
      appointment: appointment('booked', { state: 'sent', at: 'x', httpStatus: 201 }),
      csrfToken: 'tok',
    });
    expectFrame(html);
    expect(html).toContain('<h2>Rendez-vous confirmé</h2>');
    expect(html).toContain('data-testid="booking-status" role="status">État : <strong>Confirmé</strong>');
    expect(html).toContain(
      '<form method="post" action="/rdv/appointment/RDV-0123456789AB/cancel"><input type="hidden" name="csrf" value="tok"><button type="submit" data-action="cancel">Annuler le rendez-vous</button></form>',
    );
    expect(html).toContain('>Marquer honoré</button>');
    expect(html).toContain('>Marquer non honoré</button>');
    expect(html).toContain('Compte rendu transmis à la plateforme SAS.');
    expect(html).not.toContain('Renvoyer');
  });

  it.each([
    ['cancelled', 'Rendez-vous annulé', 'Annulé', []],
    ['fulfilled', 'Rendez-vous honoré', 'Honoré', ['Marquer non honoré']],
    ['noshow', 'Rendez-vous non honoré', 'Non honoré', ['Marquer honoré']],
  ] as const)('%s appointment: « %s », only the actions still possible', (status, title, label, buttons) => {
    const html = appointmentPage({
      publisherName: 'P',
      regulator: { displayName: 'A' },
      appointment: appointment(status),
      csrfToken: 't',
    });
    expect(html).toContain(`<h2>${title}</h2>`);
    expect(html).toContain(`État : <strong>${label}</strong>`);
    expect([...html.matchAll(/<button type="submit" data-action="\w+">([^<]+)<\/button>/gu)].map((m) => m[1])).toEqual(
      buttons,
    );
  });

  it('a failed report is shown plainly, with the retry button', () => {
    const html = appointmentPage({
      publisherName: 'Agenda Santé',
      regulator: { displayName: 'Alice Martin' },
      appointment: appointment('booked', {
        state: 'failed',
        at: 'x',
        message: 'La plateforme SAS est injoignable (3 tentatives).',
      }),
      csrfToken: 'tok',
    });
    expect(html).toContain('<p class="error" role="alert">La plateforme SAS est injoignable (3 tentatives).</p>');
    expect(html).toContain('action="/rdv/appointment/RDV-0123456789AB/retry"');
    expect(html).toContain('>Renvoyer à la plateforme SAS</button>');
  });
});
