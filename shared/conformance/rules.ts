// The IG profiles' rules a publisher's searchset answer must meet, as data: one code per deviation, the ANS test
// kit requirement it falls under (agg-psindiv ids, see test-kit/sas_test_kit_requirements.csv), its severity and
// the French message an integrator reads. The checker only decides where a rule is broken.

export type Severity = 'error' | 'warning';

export interface Rule {
  severity: Severity;
  /** Requirement ids of the ANS test kit this rule checks (empty: an IG rule the kit does not test). */
  requirements: readonly number[];
  message: string;
}

export const RULES = {
  'bundle-not-bundle': { severity: 'error', requirements: [13], message: "La réponse n'est pas une ressource Bundle." },
  'bundle-type': { severity: 'error', requirements: [14], message: 'Bundle.type doit valoir « searchset ».' },
  'bundle-profile': {
    severity: 'error',
    requirements: [13],
    message: 'Bundle.meta.profile doit déclarer le profil BundleAgregateur (ou sa variante CPTS / SOS).',
  },
  'bundle-total-missing': { severity: 'error', requirements: [13], message: 'Bundle.total est obligatoire.' },
  'bundle-total-mismatch': {
    severity: 'error',
    requirements: [13],
    message: 'Bundle.total doit égaler le nombre d’entrées search.mode = « match ».',
  },
  'bundle-link-self': {
    severity: 'error',
    requirements: [13],
    message: 'Bundle.link doit contenir le lien « self » (URL de la requête).',
  },
  'entry-search-mode': {
    severity: 'error',
    requirements: [13],
    message: 'entry.search.mode doit valoir « match » (Slot) ou « include » (ressources incluses).',
  },
  'entry-resource-missing': { severity: 'error', requirements: [13], message: 'Entrée sans ressource.' },
  'bundle-no-practitioner': {
    severity: 'error',
    requirements: [15],
    message: 'Des créneaux de PS sans aucune ressource Practitioner incluse.',
  },
  'bundle-no-practitioner-role': {
    severity: 'error',
    requirements: [19],
    message: 'Des créneaux de PS sans aucune ressource PractitionerRole incluse.',
  },
  'reference-unresolved': {
    severity: 'error',
    requirements: [43],
    message: 'Référence vers une ressource absente du Bundle.',
  },
  'resource-unused': {
    severity: 'error',
    requirements: [42, 44],
    message: 'Ressource incluse qu’aucun créneau n’utilise.',
  },
  'profile-missing': {
    severity: 'error',
    requirements: [9, 31, 32],
    message: 'meta.profile ne déclare pas le profil SAS attendu.',
  },
  'slot-status': { severity: 'error', requirements: [10], message: 'Slot.status doit valoir « free ».' },
  'slot-start-end': { severity: 'error', requirements: [11], message: 'Slot.start et Slot.end sont obligatoires.' },
  'slot-instant-format': {
    severity: 'error',
    requirements: [45],
    message: 'Format attendu : AAAA-MM-JJTHH:MM:SS.000+HH:MM (millisecondes et décalage horaire).',
  },
  'slot-end-before-start': { severity: 'error', requirements: [11], message: 'Slot.end doit suivre Slot.start.' },
  'slot-schedule': { severity: 'error', requirements: [12], message: 'Slot.schedule.reference est obligatoire.' },
  'slot-security': {
    severity: 'error',
    requirements: [23, 46],
    message: 'Slot.meta.security doit porter le type de créneau (TRE_R314 : PUBLIC, PRO, SNP, CPTS).',
  },
  'slot-service-type': {
    severity: 'error',
    requirements: [24, 48],
    message: 'Slot.serviceType doit porter la modalité (v3-ActCode : AMB, HH, VR).',
  },
  'slot-appointment-type': {
    severity: 'error',
    requirements: [49],
    message: 'Slot.appointmentType doit valoir ROUTINE (sur rendez-vous) ou WALKIN (sans) du système v2-0276.',
  },
  'slot-specialty': {
    severity: 'warning',
    requirements: [41],
    message: 'Slot.specialty absent : le motif (spécialité) du créneau n’est pas transmis.',
  },
  'slot-comment-not-url': {
    severity: 'error',
    requirements: [25],
    message: 'Slot.comment doit être une URL absolue http(s) de prise de rendez-vous.',
  },
  'slot-booking-url-missing': {
    severity: 'warning',
    requirements: [25],
    message:
      'Créneau libre sans URL de prise de rendez-vous (Slot.comment). Le kit de test ANS l’exige sur chaque créneau libre ; l’exemple PS du guide en a un sans.',
  },
  'cpts-slot-beyond-48h': {
    severity: 'error',
    requirements: [],
    message: 'Créneau CPTS au-delà des 48 heures à venir : seuls les créneaux des 48 prochaines heures sont attendus.',
  },
  'cpts-service-reference': {
    severity: 'error',
    requirements: [],
    message: 'Créneau CPTS : serviceType doit référencer (extension Slot.serviceType) le HealthcareService de la CPTS.',
  },
  'cpts-organization-identifier': {
    severity: 'error',
    requirements: [],
    message: 'Organization CPTS : identifiant IDNST (système urn:oid:1.2.250.1.71.4.2.2) obligatoire.',
  },
  'practitioner-identifier': {
    severity: 'error',
    requirements: [16, 18],
    message: 'Practitioner.identifier doit contenir l’IDNPS (type IDNPS, système urn:oid:1.2.250.1.71.4.2.1).',
  },
  'practitioner-rpps-format': {
    severity: 'error',
    requirements: [17],
    message: 'IDNPS attendu : 12 chiffres commençant par 8 (8 + RPPS).',
  },
  'practitioner-name': {
    severity: 'error',
    requirements: [33],
    message: 'Practitioner.name.family est obligatoire ; aucun élément vide (given: [""]).',
  },
  'telecom-phone-format': {
    severity: 'error',
    requirements: [34, 35],
    message: 'Téléphone attendu au format international +indicatif et chiffres, telecom.system « phone ».',
  },
  'role-practitioner': {
    severity: 'error',
    requirements: [21],
    message: 'PractitionerRole.practitioner.reference est obligatoire.',
  },
  'role-organization-identifier': {
    severity: 'error',
    requirements: [20],
    message: 'PractitionerRole.organization.identifier (IDNST : FINESS ou SIRET) est obligatoire.',
  },
  'role-organization-system': {
    severity: 'warning',
    requirements: [20],
    message: 'PractitionerRole.organization.identifier sans le système IDNST urn:oid:1.2.250.1.71.4.2.2.',
  },
  'role-location': {
    severity: 'error',
    requirements: [22],
    message: 'PractitionerRole.contained doit contenir le Location du lieu d’exercice.',
  },
  'location-address-line': { severity: 'error', requirements: [38], message: 'Location.address.line est obligatoire.' },
  'location-address-city': { severity: 'error', requirements: [39], message: 'Location.address.city est obligatoire.' },
  'location-postal-code': {
    severity: 'error',
    requirements: [40],
    message: 'Location.address.postalCode doit compter 5 chiffres.',
  },
  'identifier-type-system': {
    severity: 'error',
    requirements: [],
    message: 'Type d’identifiant inconnu : code IDNST / IDNPS / INTRN d’un système fr-v2-0203 attendu.',
  },
  'sos-schedule-actor': {
    severity: 'error',
    requirements: [],
    message: 'Schedule SOS Médecins : actor doit référencer le Location du centre.',
  },
  'sos-organization-identifier': {
    severity: 'error',
    requirements: [],
    message: 'Organization SOS Médecins : identifiant IDNST (système urn:oid:1.2.250.1.71.4.2.2) obligatoire.',
  },
  'sos-organization-phone': {
    severity: 'error',
    requirements: [],
    message: 'Organization SOS Médecins : téléphone (telecom.system « phone ») obligatoire.',
  },
  'regulator-identifier': {
    severity: 'error',
    requirements: [],
    message: 'Compte régulateur (FrPractitionerRegul) : IDNPS ou identifiant technique SAS (INTRN) obligatoire.',
  },
  'regulator-active': {
    severity: 'error',
    requirements: [],
    message: 'Compte régulateur : Practitioner.active (booléen) obligatoire.',
  },
  'search-failed': {
    severity: 'error',
    requirements: [4],
    message: 'La recherche de créneaux n’a pas abouti (HTTP 200 et Bundle FHIR JSON attendus).',
  },
  'slot-before-start': {
    severity: 'error',
    requirements: [5, 26],
    message: 'Créneau commençant avant la borne start=ge de la requête.',
  },
  'slot-outside-window': {
    severity: 'error',
    requirements: [6, 7, 26],
    message: 'Créneau hors de la fenêtre start=ge…&start=le… demandée.',
  },
  'empty-bundle-expected': {
    severity: 'error',
    requirements: [8],
    message: 'Aucun créneau dans la période demandée : un Bundle vide (total 0, sans entrée) est attendu.',
  },
  'practitioner-not-requested': {
    severity: 'error',
    requirements: [18, 29],
    message: 'Practitioner renvoyé qui n’était pas demandé (schedule.actor:Practitioner.identifier non appliqué).',
  },
  'include-schedule-missing': {
    severity: 'error',
    requirements: [28],
    message: '_include=Slot:schedule non appliqué : Schedule des créneaux absent.',
  },
  'include-iterate-missing': {
    severity: 'error',
    requirements: [30],
    message: '_include:iterate=Schedule:actor non appliqué : Practitioner / PractitionerRole absents.',
  },
  'ps-request-cpts-answer': {
    severity: 'error',
    requirements: [],
    message:
      'Requête PS seule (sans _include=Slot:service-type-reference) à laquelle sont renvoyés des créneaux ou ressources CPTS.',
  },
  'answer-over-budget': {
    severity: 'error',
    requirements: [],
    message: 'Réponse au-delà du budget de 7 s de la plateforme : elle serait ignorée.',
  },
  'answer-over-target': {
    severity: 'warning',
    requirements: [],
    message: 'Réponse au-delà de la cible de 1 s du kit de test ANS.',
  },
  'mtls-not-required': {
    severity: 'error',
    requirements: [1],
    message: 'Requête sans certificat client acceptée : l’authentification mTLS n’est pas exigée.',
  },
} as const satisfies Record<string, Rule>;

export type RuleCode = keyof typeof RULES;
