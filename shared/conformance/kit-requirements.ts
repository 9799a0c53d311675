// The ANS test kit's requirements for a publisher's slot server (set agg-psindiv), as the kit lists them
// (test-kit/sas_test_kit_requirements.csv, unchanged text). `notVerifiable`: the kit itself cannot check it from outside.

export interface KitRequirement {
  id: number;
  text: string;
  conformance: 'SHALL' | 'SHALL NOT';
  notVerifiable: boolean;
}

export const KIT_REQUIREMENTS: readonly KitRequirement[] = [
  {
    id: 1,
    text: "Les serveurs doivent supporter la méthode d'authentification mTLS pour tout les requêtes entrantes.",
    conformance: 'SHALL',
    notVerifiable: false,
  },
  {
    id: 2,
    text: '[Dans le cadre de la vérification mTLS les serveurs ] doivent vérifier le CNAME du certificat.',
    conformance: 'SHALL',
    notVerifiable: false,
  },
  {
    id: 3,
    text: "[Dans le cadre de la vérification mTLS les serveurs] doivent vérifier l'OU du certificat.",
    conformance: 'SHALL',
    notVerifiable: false,
  },
  {
    id: 4,
    text: "Le serveur doit être capable de supporter l'interaction 'Search' sur la ressource Slot.",
    conformance: 'SHALL',
    notVerifiable: false,
  },
  {
    id: 5,
    text: "[Lorsqu'une recherche sur une ressource Slot est effectuée avec le paramètre start=, les ressources Slot retournées ] ne doivent pas avoir d'élément start antérieure à la date du paramètre homonyme.",
    conformance: 'SHALL NOT',
    notVerifiable: false,
  },
  {
    id: 6,
    text: "[Lorsqu'une recherche sur une ressource Slot est effectuée le serveur ] doit filtrer les ressources Slot retournées.",
    conformance: 'SHALL',
    notVerifiable: false,
  },
  {
    id: 7,
    text: "[Lorsqu'une recherche sur une ressource Slot est effectuée, la ressource Slot retournée ] doit appartenir à l'intervalle de temps passé en paramètre de la requête.",
    conformance: 'SHALL',
    notVerifiable: false,
  },
  {
    id: 8,
    text: "[Lorsque aucun créneau n'est disponible dans la période demandée, le serveur] doit renvoyer un Bundle vide.",
    conformance: 'SHALL',
    notVerifiable: false,
  },
  {
    id: 9,
    text: 'Les ressources Slot doivent se conformer au profile FrSlotAgregateur.',
    conformance: 'SHALL',
    notVerifiable: false,
  },
  {
    id: 10,
    text: "[Lorsqu'une recherche sur une ressource Slot est effectuée avec le paramètre status=free, les ressources Slot retournées ] doivent avoir l'élément status défini sur 'free'.",
    conformance: 'SHALL',
    notVerifiable: false,
  },
  {
    id: 11,
    text: 'Les ressources Slot doivent possèder un élément start et end.',
    conformance: 'SHALL',
    notVerifiable: false,
  },
  {
    id: 12,
    text: 'Les ressources Slot doivent possèder un élément schedule.reference.',
    conformance: 'SHALL',
    notVerifiable: false,
  },
  {
    id: 13,
    text: 'Les ressources Bundle doivent se conformer au profile BundleAgregateur.',
    conformance: 'SHALL',
    notVerifiable: false,
  },
  {
    id: 14,
    text: "[Lorsqu'une recherche sur une ressource Slot est effectuée le serveur] doit renvoyer un Bundle avec l'élélment type défini sur 'searchset'.",
    conformance: 'SHALL',
    notVerifiable: false,
  },
  {
    id: 15,
    text: "[Lorsqu'une recherche de créneau est effectuée le serveur] doit renvoyer un Bundle possèdant au minimum un Practitioner.",
    conformance: 'SHALL',
    notVerifiable: false,
  },
  {
    id: 16,
    text: "Les ressources Practitioner doivent avoir l'élément identifier renseigné avec un identifiant national (RPPS).",
    conformance: 'SHALL',
    notVerifiable: false,
  },
  {
    id: 17,
    text: "Les ressources Practitioner doivent avoir l'élément identifier.value défini comme un nombre à 12 chiffres commençant par 8.",
    conformance: 'SHALL',
    notVerifiable: false,
  },
  {
    id: 18,
    text: "L'élément identifier.value de la ressource Practitioner doit être le RPPS du PS.",
    conformance: 'SHALL',
    notVerifiable: false,
  },
  {
    id: 19,
    text: "[Lorsqu'une recherche de créneau est effectuée le serveur] doit renvoyer un Bundle possèdant au minimum une ressource PractitionerRole.",
    conformance: 'SHALL',
    notVerifiable: false,
  },
  {
    id: 20,
    text: 'Les ressources PractitionerRole doivent possèder un élément organization.identifier défini avec un FINESS/SIRET.',
    conformance: 'SHALL',
    notVerifiable: false,
  },
  {
    id: 21,
    text: "Les ressources PractitionerRole doivent référencer une ressource Practitioner grâce à l'élément practitioner.reference.",
    conformance: 'SHALL',
    notVerifiable: false,
  },
  {
    id: 22,
    text: 'Les ressources PractitionerRole doivent possèder un élément contained possèdant une ressource Location.',
    conformance: 'SHALL',
    notVerifiable: false,
  },
  {
    id: 23,
    text: "L'élément meta.security des ressources Slots  doit représenter le type de consultation (ex: PUBLIC, PRO, SNP).",
    conformance: 'SHALL',
    notVerifiable: false,
  },
  {
    id: 24,
    text: "L'élément serviceType des ressources Slot doit être peuplé avec des type de consultations (ex: AMB, HH, VR).",
    conformance: 'SHALL',
    notVerifiable: false,
  },
  {
    id: 25,
    text: "[Les ressources Slot avec l'élément status défini à 'free' doivent] avoir leur élément comment défini comme une URL de prise de rendez-vous.",
    conformance: 'SHALL',
    notVerifiable: false,
  },
  {
    id: 26,
    text: "Le serveur doit supporter l'intéraction 'Search' sur les ressources Slot avec le paramètre 'start'.",
    conformance: 'SHALL',
    notVerifiable: false,
  },
  {
    id: 27,
    text: "Le serveur doit supporter l'intéraction 'Search' sur les ressources Slot avec le paramètre 'status'.",
    conformance: 'SHALL',
    notVerifiable: false,
  },
  {
    id: 28,
    text: "Le serveur doit supporter l'intéraction 'Search' sur les ressources Slot avec le paramètre '_include'.",
    conformance: 'SHALL',
    notVerifiable: false,
  },
  {
    id: 29,
    text: "Le serveur doit supporter l'intéraction 'Search' sur les ressources Slot avec le paramètre 'schedule.actor:Practitioner.identifer'.",
    conformance: 'SHALL',
    notVerifiable: false,
  },
  {
    id: 30,
    text: "Le serveur doit supporter l'intéraction 'Search' sur les ressources Slot avec le paramètre '_include:iterate'.",
    conformance: 'SHALL',
    notVerifiable: false,
  },
  {
    id: 31,
    text: 'Les ressources PractitionerRole doivent se conformer au profil FrPractitionerRoleExerciceAgregateur.',
    conformance: 'SHALL',
    notVerifiable: false,
  },
  {
    id: 32,
    text: 'Les ressources Practitioner doivent se conformer au profil FrPractitionerAgregateur.',
    conformance: 'SHALL',
    notVerifiable: false,
  },
  {
    id: 33,
    text: "[Quand un praticien a un nom dans la solution éditeur] la ressource Practitioner associée doit avoir l'élément name défini avec le nom présent dans la solution.",
    conformance: 'SHALL',
    notVerifiable: true,
  },
  {
    id: 34,
    text: "[Quand un praticien a un numéro de téléphone dans la solution éditeur] la ressource Practitioner associée doit avoir l'élément telecom.value défini avec le numéro de téléphone présent dans la solution au format suivant : +N°indicatifXXXXXXXXX .",
    conformance: 'SHALL',
    notVerifiable: true,
  },
  {
    id: 35,
    text: "[Quand un praticien a un numéro de téléphone dans la solution éditeur] la ressource Practitioner associée doit avoir l'élément telecom.system défini à 'phone'.",
    conformance: 'SHALL',
    notVerifiable: true,
  },
  {
    id: 36,
    text: "[Quand un praticien n'a pas de numéro de téléphone enregistré dans la solution éditeur] la ressource Practitioner associée ne doit pas avoir d'élément telecom.",
    conformance: 'SHALL NOT',
    notVerifiable: true,
  },
  {
    id: 37,
    text: 'Les ressources PractitionerRole doivent avoir un élément contained contenant une ressource Location défini avec les valeurs existantes dans la solution éditeur.',
    conformance: 'SHALL',
    notVerifiable: true,
  },
  {
    id: 38,
    text: 'Les ressources PractitionerRole doivent possèder un champ Practitioner.contained contenant une ressource Location avec un champ adress.line renseigné',
    conformance: 'SHALL',
    notVerifiable: false,
  },
  {
    id: 39,
    text: 'Les ressources PractitionerRole doivent possèder un champ Practitioner.contained contenant une ressource Location avec un champ adress.city renseigné',
    conformance: 'SHALL',
    notVerifiable: false,
  },
  {
    id: 40,
    text: 'Les ressources PractitionerRole doivent possèder un champ Practitioner.contained contenant une ressource Location avec un champ adress.postalCode correctement renseigné ([0-9]{5})',
    conformance: 'SHALL',
    notVerifiable: false,
  },
  {
    id: 41,
    text: "Les motifs associé à chaque créneau sont transmis au niveau de l'élément Slot.speciality",
    conformance: 'SHALL',
    notVerifiable: false,
  },
  {
    id: 42,
    text: '[Quand un PS exerce dans plusieurs lieux] le Bundle doit être cohérent au niveau de la cardinalité de ses ressources',
    conformance: 'SHALL',
    notVerifiable: false,
  },
  {
    id: 43,
    text: '[Quand un PS exerce dans plusieurs lieux] le Bundle doit être cohérent au niveau des références entre ses ressources',
    conformance: 'SHALL',
    notVerifiable: false,
  },
  {
    id: 44,
    text: '[Quand plusieurs PS remontent dans une seul recherche] le Bundle doit être cohérent au niveau de la cardinalité de ses ressources',
    conformance: 'SHALL',
    notVerifiable: false,
  },
  {
    id: 45,
    text: 'Les champs start et end d\'une ressource Slot doivent respecter le format suivant : "AAAA-MM-DDTHH:MM:SS.000+0X:00"',
    conformance: 'SHALL',
    notVerifiable: false,
  },
  {
    id: 46,
    text: "Le type des créneaux doit être transmis au niveau de l'élément meta.security.code de la ressource Slot",
    conformance: 'SHALL',
    notVerifiable: false,
  },
  {
    id: 47,
    text: 'Les indisponibilitées  ne doivent pas être transmises',
    conformance: 'SHALL NOT',
    notVerifiable: true,
  },
  {
    id: 48,
    text: "Le type des consultation doit être transmis au niveau de l'élément serviceType.coding.code de la ressource Slot",
    conformance: 'SHALL',
    notVerifiable: false,
  },
  {
    id: 49,
    text: "L'information de la nécessité de prendre ou non rendez-vous pour un créneau est transmise au niveau de l'élément appointmentType.coding.code de la ressource Slot",
    conformance: 'SHALL',
    notVerifiable: false,
  },
];
