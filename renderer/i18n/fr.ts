// Every text the regulator reads, in one place.
export const fr = {
  productName: 'SAS Console',
  productTagline: "Orientation des patients — Service d'Accès aux Soins",
  environment: {
    training: 'FORMATION',
    trainingHint: "Environnement de formation : données fictives, aucun patient réel.",
  },
  session: {
    login: 'Se connecter',
    loginHint: 'avec Pro Santé Connect (carte CPS ou e-CPS)',
    loggingIn: 'Connexion en cours…',
    loggingInHint: 'Terminez la connexion dans la fenêtre du navigateur qui vient de s’ouvrir.',
    cancel: 'Annuler',
    logout: 'Se déconnecter',
    expiresAt: (time: string) => `Session jusqu’à ${time}`,
    loggedOutTitle: 'Connectez-vous pour rechercher une offre de soins',
    loggedOutBody:
      'La connexion se fait une fois par garde. Les recherches lancées depuis le logiciel de régulation attendent votre connexion.',
    pendingLaunches: (count: number) =>
      count === 1 ? '1 recherche du logiciel de régulation attend votre connexion.' : `${count} recherches du logiciel de régulation attendent votre connexion.`,
  },
  launch: {
    invalidTitle: 'Lancement depuis le logiciel de régulation refusé',
    dismiss: 'Fermer',
  },
  errors: {
    unexpected: 'Une erreur est survenue.',
  },
} as const;
