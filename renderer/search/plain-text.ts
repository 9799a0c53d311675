// Messages that reach a regulator in plain French. Services and publishers word some failures for technicians
// (« géocodage », « JSON invalide », « entrées ignorées »): the screen says what it means for the call, and keeps the
// technical words one click away for the person who will report it.

export interface PlainMessage {
  text: string;
  /** The technical wording, shown on demand; absent when the message was plain already. */
  detail?: string;
}

const REWRITES: readonly { pattern: RegExp; plain: (match: RegExpExecArray) => string }[] = [
  { pattern: /g[ée]ocodage à l'adresse non configuré/iu, plain: () => 'Adresse exacte non localisable sur ce poste' },
  {
    pattern: /service d'adresses indisponible \([^)]*\)/iu,
    plain: () => 'Service de localisation des adresses indisponible',
  },
  { pattern: /\s*\(JSON invalide\)/iu, plain: () => '' },
  { pattern: /JSON invalide/iu, plain: () => 'réponse illisible' },
  {
    pattern: /(\d+) entrée\(s\) ignorée\(s\) car invalides/iu,
    plain: (m) => `${m[1]} créneau(x) illisible(s) non affiché(s)`,
  },
  { pattern: /(\d+) entrées? ignorées?/iu, plain: (m) => `${m[1]} créneau(x) illisible(s) non affiché(s)` },
  { pattern: /g[ée]ocodage/iu, plain: () => 'localisation' },
];

export function plainMessage(message: string): PlainMessage {
  let text = message;
  for (const { pattern, plain } of REWRITES) {
    const match = pattern.exec(text);
    if (match) text = text.slice(0, match.index) + plain(match) + text.slice(match.index + match[0].length);
  }
  text = text.replace(/\s{2,}/gu, ' ').trim();
  return text === message ? { text } : { text, detail: message };
}
