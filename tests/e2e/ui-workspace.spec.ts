// The search workspace against a scripted console: the built renderer, served by the real web harness, with
// `window.sasConsole` replaced by a console that plays a prepared search stream. Why a scripted console here:
// these tests check what only the UI decides (1,000 cards, keyboard, retry of failed sources only, booking
// refusals, tabs) with exact, repeatable data; search.spec.ts covers the same screens on the real training backend.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import type { LaunchEvent, OpenBookingRequest } from '../../shared/api/console-api';
import type { Cpts, Practitioner, SosSite } from '../../shared/domain/care-offer';
import type { SearchEvent, SourceInfo } from '../../shared/domain/search';
import type { ConsultationMode, Slot, SlotType } from '../../shared/domain/slot';
import { agenPractitioner, AGEN, R38, seededRandom, SYNTHETIC_SOURCES } from '../support/synthetic-offer';
import { expect, screenshot, test } from './fixtures';

interface TimedEvent {
  afterMs: number;
  event: SearchEvent;
}

interface Scenario {
  launch: LaunchEvent;
  events: TimedEvent[];
  /** Events played after `retrySources`, per source id. */
  retry: Record<string, TimedEvent[]>;
  booking: { ok: true } | { ok: false; code: string; message: string };
}

function buildScenario(options: { practitioners: number; hangingSource: boolean }): Scenario {
  const rnd = seededRandom(42);
  const now = Date.now();
  const sources: SourceInfo[] = [...SYNTHETIC_SOURCES];
  const cpts: Cpts[] = [
    {
      finess: '470000011',
      name: 'CPTS du Pays de l’Agenais',
      phone: '+33553000011',
      description: 'Coordination joignable de 8 h à 20 h : la CPTS trouve un médecin pour le patient dans la journée.',
      place: { line: '2 place du Pin', postalCode: '47000', city: 'Agen', point: { lat: 44.205, lon: 0.62 } },
      memberIds: [],
    },
    {
      finess: '470000029',
      name: 'CPTS Garonne Sud',
      phone: '+33553000029',
      description: 'Coordination par téléphone, réponse sous 30 minutes.',
      place: { line: '5 rue des Docks', postalCode: '47520', city: 'Le Passage', point: { lat: 44.19, lon: 0.6 } },
      memberIds: [],
    },
  ];
  const practitioners: Practitioner[] = [];
  for (let i = 0; i < options.practitioners; i += 1) {
    const viaCpts = i % 4 === 1 ? cpts[0] : i % 4 === 2 ? cpts[1] : undefined;
    const nationalId = `8100000${String(i).padStart(5, '0')}`;
    const point = { lat: AGEN.lat + (rnd() - 0.5) * 0.12, lon: AGEN.lon + (rnd() - 0.5) * 0.16 };
    practitioners.push(
      agenPractitioner(i, nationalId, point, sources[i % sources.length]?.id ?? 'sas-agenda', viaCpts),
    );
  }
  const sos: SosSite = {
    id: '470000037',
    associationName: 'SOS Médecins Agen',
    name: 'Centre de consultation Agen Sud',
    phone: '+33553000037',
    place: { line: '10 avenue Jean Jaurès', postalCode: '47000', city: 'Agen', point: { lat: 44.198, lon: 0.625 } },
    agendaSource: 'editeur-a',
  };
  const slotsOf = (p: Practitioner, sourceId: string, index: number): Slot[] => {
    // One practitioner in five has nothing published: it must still appear in second intention if it accepts.
    if (index % 5 === 4) return [];
    const count = 1 + Math.floor(rnd() * 5);
    const slots: Slot[] = [];
    for (let k = 0; k < count; k += 1) {
      const start = Math.ceil((now + (1 + rnd() * 60) * 3_600_000) / 900_000) * 900_000;
      const types: SlotType[] = rnd() < 0.5 ? ['SNP'] : rnd() < 0.8 ? ['PUBLIC'] : ['PRO'];
      const modes: ConsultationMode[] = rnd() < 0.7 ? ['cabinet'] : rnd() < 0.6 ? ['teleconsultation'] : ['domicile'];
      slots.push({
        id: `${sourceId}/${p.nationalId}-${k}`,
        start: new Date(start).toISOString(),
        end: new Date(start + 900_000).toISOString(),
        types,
        modes,
        withAppointment: true,
        bookingUrl: `https://editeur.invalid/rdv/${p.nationalId}/${k}`,
        sourceId,
        specialties: [{ system: R38, code: 'SM54' }],
        practitionerId: p.nationalId,
      });
    }
    return slots;
  };
  const bySource = new Map<string, Slot[]>();
  practitioners.forEach((p, index) => {
    const sourceId = p.agendaSource ?? 'sas-agenda';
    bySource.set(sourceId, [...(bySource.get(sourceId) ?? []), ...slotsOf(p, sourceId, index)]);
  });
  bySource.get('editeur-a')?.push({
    id: 'editeur-a/sos-1',
    start: new Date(now + 2 * 3_600_000).toISOString(),
    end: new Date(now + 2.25 * 3_600_000).toISOString(),
    types: ['PUBLIC'],
    modes: ['cabinet'],
    withAppointment: false,
    bookingUrl: 'https://editeur.invalid/sos/1',
    sourceId: 'editeur-a',
    specialties: [],
    sosSiteId: sos.id,
  });
  const gp = practitioners[3];
  const offer: SearchEvent = {
    type: 'offer',
    offer: {
      practitioners: practitioners.map((p, i) => ({ practitioner: p, distanceKm: 0.3 + i * 0.05, isGp: p === gp })),
      cpts: cpts.map((c, i) => ({ cpts: c, distanceKm: 0.8 + i })),
      sosSites: [{ site: sos, distanceKm: 1.1 }],
      sources,
    },
    gp: gp ? { state: 'found', nationalId: gp.nationalId } : { state: 'not-provided' },
  };
  const location: SearchEvent = {
    type: 'location',
    location: {
      point: AGEN,
      precision: 'street',
      label: '12 Rue Paul Vidal, 47000 Agen',
      inseeCode: '47001',
      department: '47',
      radiusKm: 8,
      enlargements: 0,
    },
  };
  const answered = (source: SourceInfo, afterMs: number): TimedEvent[] => {
    const slots = bySource.get(source.id) ?? [];
    return [
      ...(slots.length > 0 ? [{ afterMs, event: { type: 'slots', sourceId: source.id, slots } as SearchEvent }] : []),
      {
        afterMs,
        event: {
          type: 'source-status',
          status: { source, state: 'answered', durationMs: afterMs, slotCount: slots.length },
        },
      },
    ];
  };
  const [a, b, c, agenda] = sources as [SourceInfo, SourceInfo, SourceInfo, SourceInfo];
  const events: TimedEvent[] = [
    { afterMs: 30, event: location },
    { afterMs: 60, event: offer },
    ...answered(agenda, 150),
    ...answered(a, 300),
    {
      afterMs: 500,
      event: { type: 'source-status', status: { source: b, state: 'error', reason: 'HTTP 503', durationMs: 500 } },
    },
  ];
  if (!options.hangingSource) {
    events.push(...answered(c, 700), { afterMs: 750, event: { type: 'done', durationMs: 750 } });
  }
  return {
    launch: {
      id: 'lancement-1',
      receivedAt: new Date(now).toISOString(),
      result: {
        ok: true,
        request: {
          via: 'console-scheme',
          origin: 'TEST-SAMU000',
          specialty: { kind: 'coded', coding: { system: 'urn:oid:1.2.250.1.213.2.28', code: 'SM54' } },
          location: { inseeCode: '47001', city: 'Agen', streetName: 'Rue Paul Vidal', streetNumber: '12' },
          ...(gp ? { gp: { kind: 'national-id', nationalId: gp.nationalId } } : {}),
        },
        warnings: [],
      },
    },
    events,
    retry: {
      'editeur-b': [
        { afterMs: 20, event: location },
        { afterMs: 40, event: { ...offer, offer: { ...offer.offer, sources: [b] } } as SearchEvent },
        ...answered(b, 200),
        { afterMs: 220, event: { type: 'done', durationMs: 220 } },
      ],
    },
    booking: {
      ok: false,
      code: 'booking-url-refused',
      message: 'Cette page de réservation n’est pas autorisée par la console.',
    },
  };
}

/** Replaces the console API of the page by one that plays the scenario. Runs in the page, before the app. */
function installScriptedConsole(page: Page, scenario: Scenario) {
  return page.addInitScript((s: Scenario) => {
    type Listener = (payload: unknown) => void;
    const listeners = new Map<string, Set<Listener>>();
    const emit = (name: string, payload: unknown) => listeners.get(name)?.forEach((l) => l(payload));
    const calls: { name: string; args: unknown[] }[] = [];
    let launches = [s.launch];
    let searches = 0;
    const play = (searchId: string, events: TimedEvent[]) => {
      for (const { afterMs, event } of events) setTimeout(() => emit('search', { searchId, event }), afterMs);
    };
    const record = (name: string, ...args: unknown[]) => calls.push({ name, args });
    (window as unknown as { __calls: typeof calls }).__calls = calls;
    const scripted: Record<string, unknown> = {
      getEnvironment: async () => ({ mode: 'training', label: 'FORMATION', backendUrl: '', version: 'test' }),
      getSession: async () => ({
        status: 'logged-in',
        user: { nationalId: '899900000001', givenName: 'Camille', familyName: 'Régulatrice' },
        expiresAt: new Date(Date.now() + 4 * 3_600_000).toISOString(),
      }),
      login: async () => ({ status: 'logged-out' }),
      cancelLogin: async () => undefined,
      logout: async () => undefined,
      takeLaunches: async () => {
        const taken = launches;
        launches = [];
        return taken;
      },
      suggestLocations: async (text: string) => {
        record('suggestLocations', text);
        return text.toLowerCase().startsWith('ag')
          ? [{ label: 'Agen (47000)', inseeCode: '47001', city: 'Agen', postalCode: '47000', department: '47' }]
          : [];
      },
      startSearch: async (query: unknown) => {
        record('startSearch', query);
        searches += 1;
        const searchId = `recherche-${searches}`;
        play(searchId, s.events);
        return { searchId };
      },
      cancelSearch: async (searchId: string) => record('cancelSearch', searchId),
      retrySources: async (searchId: string, sourceIds: string[]) => {
        record('retrySources', searchId, sourceIds);
        for (const id of sourceIds) play(searchId, s.retry[id] ?? []);
      },
      openBooking: async (request: unknown) => {
        record('openBooking', request);
        // Already an outcome: the preload's shape (a refusal is a failed outcome).
        return s.booking.ok
          ? { ok: true, value: undefined }
          : { ok: false, error: { code: s.booking.code, message: s.booking.message } };
      },
      listAppointments: async () => [],
      recordContact: async (contact: unknown) => {
        record('recordContact', contact);
        return { id: 'j1', at: new Date().toISOString(), kind: 'contact', targetId: 'x', targetName: 'x' };
      },
      listJournal: async () => [],
      exportJournalCsv: async () => '',
      getSettings: async () => ({
        backendUrl: '',
        environmentLabel: 'FORMATION',
        bookingOrigin: 'SAS',
        ui: { density: 'comfortable', showMap: true },
      }),
      updateSettings: async () => undefined,
      on: (name: string, listener: Listener) => {
        const set = listeners.get(name) ?? new Set<Listener>();
        listeners.set(name, set);
        set.add(listener);
        return () => set.delete(listener);
      },
    };
    // The preload's shape: each call resolves with its outcome ({ ok, value } or { ok: false, error }).
    const asOutcome =
      (call: (...args: never[]) => Promise<unknown>) =>
      async (...args: never[]) => {
        const value = await call(...args);
        return typeof value === 'object' && value !== null && 'ok' in value ? value : { ok: true, value };
      };
    for (const [name, call] of Object.entries(scripted))
      if (name !== 'on') scripted[name] = asOutcome(call as (...args: never[]) => Promise<unknown>);
    (window as unknown as { sasConsole: unknown }).sasConsole = scripted;
  }, scenario);
}

async function callsOf(page: Page, name: string): Promise<unknown[][]> {
  return page.evaluate(
    (n) =>
      (window as unknown as { __calls: { name: string; args: unknown[] }[] }).__calls
        .filter((c) => c.name === n)
        .map((c) => c.args),
    name,
  );
}

async function seriousViolations(page: Page) {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

test.describe('search workspace (scripted console)', () => {
  test('a launch opens a tab: GP first, progressive cards, failed source retried alone, second intention, filters, map', async ({
    page,
    harness,
  }) => {
    const scenario = buildScenario({ practitioners: 24, hangingSource: true });
    await installScriptedConsole(page, scenario);
    await page.goto(harness.url);

    // The launch filled the bar and opened a tab labelled with its origin.
    await expect(page.getByRole('button', { name: /^(?!Fermer).*LRM TEST-SAMU000/u })).toBeVisible();
    await expect(page.getByRole('combobox', { name: 'Spécialité' })).toHaveValue('Médecine générale');
    await expect(page.getByRole('combobox', { name: 'Adresse ou commune du patient' })).toHaveValue(
      '12 Rue Paul Vidal, Agen (47001)',
    );
    await expect(page.getByLabel('Médecin traitant')).toHaveValue('RPPS 10000000003');

    // The GP is the first card, with the badge.
    const list = page.getByTestId('result-list');
    const firstCard = list.locator('article.card').first();
    await expect(firstCard.getByText('MÉDECIN TRAITANT')).toBeVisible();
    await expect(firstCard.getByRole('heading', { level: 3 })).toHaveText('Dr Paul Thomas');

    // A failing source and a silent one are named in the strip while cards are on screen; the silent one turns late.
    const strip = page.getByTestId('status-strip');
    await expect(strip).toContainText('2 éditeurs sur 4 ont répondu');
    await expect(strip).toContainText('RDV Bêta (simulé) : HTTP 503');
    await expect(strip.locator('[data-source-id="editeur-c"]')).toHaveAttribute('data-state', 'late', {
      timeout: 8_000,
    });
    expect(await list.locator('article.card').count()).toBeGreaterThan(3);
    await page.getByTestId('result-map').and(page.locator('[data-idle="true"]')).waitFor({ timeout: 20_000 });
    await screenshot(page, 'ui-01-progressive-late-source');

    // "Relancer la recherche" re-asks only the failed source.
    await page.getByRole('button', { name: /Relancer la recherche/ }).click();
    await expect(strip).toContainText('3 éditeurs sur 4 ont répondu');
    expect(await callsOf(page, 'retrySources')).toEqual([['recherche-1', ['editeur-b']]]);

    // The map shows a marker per placed card.
    const map = page.getByTestId('result-map');
    await expect(map).toHaveAttribute('data-markers', /^[1-9]\d*$/);
    await expect
      .poll(async () => Number(await map.getAttribute('data-rendered-markers')), { timeout: 20_000 })
      .toBeGreaterThan(0);

    // A filter changes the list and its count.
    const count = page.getByTestId('results-count');
    const before = await count.textContent();
    const teleconsultation = page.locator('[data-filter="mode-teleconsultation"]');
    const expected = Number(await teleconsultation.locator('.filter-count').textContent());
    await teleconsultation.click();
    await expect(teleconsultation).toHaveAttribute('aria-pressed', 'true');
    await expect(count).not.toHaveText(before ?? '');
    // The GP stays pinned even without a matching slot; the other practitioners all have a matching slot.
    const others = list.locator('article.card-ps:not(.card-gp)');
    expect(await others.count()).toBeGreaterThan(0);
    expect(await others.count()).toBeLessThanOrEqual(expected);
    for (const card of await others.all())
      await expect(card.locator('.slot-mode', { hasText: 'Téléconsultation' }).first()).toBeVisible();
    await screenshot(page, 'ui-02-filter-teleconsultation');
    await page.keyboard.press('x');
    await expect(teleconsultation).toHaveAttribute('aria-pressed', 'false');

    // Second intention: CPTS cards with their number, then practitioners accepting patients beyond slots.
    await page.keyboard.press('2');
    await expect(page.getByRole('button', { name: /Créneaux en sus des disponibilités/ })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    const cptsCard = list.locator('article.card-cpts').first();
    await expect(cptsCard.getByRole('heading')).toHaveText('CPTS du Pays de l’Agenais');
    await expect(cptsCard.getByRole('link', { name: 'Appeler le 05 53 00 00 11' })).toBeVisible();
    await screenshot(page, 'ui-03-second-intention');
    await cptsCard.getByRole('button', { name: /Voir tous les professionnels de la CPTS/ }).click();
    await expect(page.getByRole('heading', { name: 'Professionnels de la CPTS du Pays de l’Agenais' })).toBeVisible();
    await expect(list.locator('article.card-ps').first()).toContainText(
      'Participe au SAS via la CPTS du Pays de l’Agenais',
    );
    await page.keyboard.press('Escape');
    await expect(page.getByRole('heading', { name: 'Professionnels de la CPTS du Pays de l’Agenais' })).toHaveCount(0);

    expect(await seriousViolations(page)).toEqual([]);
  });

  test('keyboard: next card, open its first slot, booking refusal in French, shortcut list', async ({
    page,
    harness,
  }) => {
    await installScriptedConsole(page, buildScenario({ practitioners: 12, hangingSource: false }));
    await page.goto(harness.url);
    const list = page.getByTestId('result-list');
    await expect(list.locator('article.card').first()).toBeVisible();
    await expect(page.getByTestId('status-strip')).toContainText('3 éditeurs sur 4 ont répondu');

    await page.locator('body').click({ position: { x: 5, y: 300 } });
    await page.keyboard.press('j');
    await expect(list.locator('article.card').first()).toBeFocused();
    await page.keyboard.press('j');
    const second = list.locator('article.card').nth(1);
    await expect(second).toBeFocused();
    await expect(second).toHaveAttribute('aria-current', 'true');
    await page.keyboard.press('Enter');
    await expect(
      page.getByRole('alert').filter({ hasText: 'Cette page de réservation n’est pas autorisée par la console.' }),
    ).toBeVisible();
    const booked = (await callsOf(page, 'openBooking'))[0]?.[0] as OpenBookingRequest;
    expect(booked.searchId).toBe('recherche-1');
    expect(booked.bookingUrl).toMatch(/^https:\/\/editeur\.invalid\/rdv\//);

    await page.keyboard.press('?');
    const dialog = page.getByRole('dialog', { name: 'Raccourcis clavier' });
    await expect(dialog).toBeVisible();
    await screenshot(page, 'ui-04-shortcuts');
    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
  });

  test('closing a tab cancels its search; a manual search opens a new tab', async ({ page, harness }) => {
    await installScriptedConsole(page, buildScenario({ practitioners: 6, hangingSource: false }));
    await page.goto(harness.url);
    await expect(page.getByRole('button', { name: /^(?!Fermer).*LRM TEST-SAMU000/u })).toBeVisible();

    const location = page.getByRole('combobox', { name: 'Adresse ou commune du patient' });
    await location.fill('Ag');
    await page.getByRole('option', { name: /Agen \(47000\)/ }).click();
    await page.getByLabel('Médecin traitant').fill('urn:oid:9.9|123');
    await page.getByRole('button', { name: 'Rechercher' }).click();
    await expect(
      page.getByText('Le médecin traitant n’a pas pu être identifié', { exact: false }).first(),
    ).toBeVisible();
    await page.getByLabel('Médecin traitant').fill('');
    await page.getByRole('button', { name: 'Rechercher' }).click();
    await expect(page.getByRole('navigation', { name: 'Recherches ouvertes' }).getByRole('listitem')).toHaveCount(2);
    const query = (await callsOf(page, 'startSearch'))[1]?.[0] as { location: unknown; gp?: unknown };
    expect(query.location).toEqual({ inseeCode: '47001', city: 'Agen' });
    expect(query.gp).toBeUndefined();
    await screenshot(page, 'ui-05-two-tabs');

    await page.getByRole('button', { name: /Fermer l’onglet .*LRM TEST-SAMU000/ }).click();
    await expect(page.getByRole('navigation', { name: 'Recherches ouvertes' }).getByRole('listitem')).toHaveCount(1);
    expect(await callsOf(page, 'cancelSearch')).toEqual([['recherche-1']]);
  });

  test('a thousand cards stay a short DOM and reach their last card', async ({ page, harness }) => {
    await installScriptedConsole(page, buildScenario({ practitioners: 1000, hangingSource: false }));
    await page.goto(harness.url);
    const list = page.getByTestId('result-list');
    await expect(page.getByTestId('status-strip')).toContainText('3 éditeurs sur 4 ont répondu');
    const rows = Number(await list.getAttribute('data-row-count'));
    expect(rows).toBeGreaterThan(500);
    // Virtualized: only what is on screen (and a few around) is rendered.
    expect(await list.locator('article.card').count()).toBeLessThan(40);
    await list.evaluate((element) => element.scrollTo({ top: element.scrollHeight }));
    await expect(list.locator('[role="listitem"]').last()).toBeVisible();
    await expect
      .poll(async () => Number(await list.locator('[role="listitem"]').last().getAttribute('data-index')))
      .toBe(rows - 1);
    const map = page.getByTestId('result-map');
    await expect(map).toHaveAttribute('data-clustered', 'true', { timeout: 20_000 });
    await page.getByTestId('result-map').and(page.locator('[data-idle="true"]')).waitFor({ timeout: 20_000 });
    await screenshot(page, 'ui-06-thousand-cards');
  });
});
