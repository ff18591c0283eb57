# language: fr
Fonctionnalité: Demande d'un certificat eHealth, transfert AUTOMATIQUE (étapes 1 à 7, 8A, 9A, 10 à 15)
  Le gestionnaire d'un service ambulancier demande un certificat eHealth avec sa carte eID.
  Le service Aide Urgente recommande la méthode automatique : l'organisation vient des sources
  authentiques d'eHealth.

  Contexte:
    Étant donné le logiciel démarré pour l'environnement de simulation (étape 1)
    Et une carte eID de test au nom de "Alice Geldigekaart" dans le lecteur
    Et selon les sources authentiques, cette personne gère le service ambulancier "AMBULANCES DE LA SENNE" (NIHII-AMBU_SERVICE 17123468)

  # Aussi dans le navigateur (assistant web), au clavier seulement.
  @web @clavier
  Scénario: Demande automatique complète jusqu'à la clé secrète
    Quand je clique sur « Suivant » dans la fenêtre d'accueil (étape 2)
    Et je clique sur « Demandez un nouveau certificat » (étape 3)
    Et j'accepte les conditions générales (étape 4)
    Et je clique sur « Je suis Belge ou mon domicile est en Belgique » avec mon eID dans le lecteur (étape 5)
    Alors le logiciel lit sur la carte le nom "Alice Geldigekaart" et son numéro national
    Quand je clique sur « Mon organisation (pharmacie, labo,…) » (étape 6)
    Et j'introduis mon code PIN (étape 7)
    Alors le menu déroulant propose "AMBULANCES DE LA SENNE"
    Quand je sélectionne "AMBULANCES DE LA SENNE" dans le menu déroulant (étape 8A)
    Et la partie automatisée prend fin (étape 9A)
    Et j'introduis mes données de contact avec l'adresse générique "info@ambulances-senne.be" (étape 10)
    Et j'introduis un mot de passe sûr pour le keystore (étape 11)
    Alors l'aperçu de ma demande montre "NIHII-AMBU_SERVICE=17123468" (étape 12)
    Quand je clique sur « Suivant » pour envoyer la demande de certificat (étape 13)
    Et j'introduis mon code PIN pour signer (étape 14)
    Alors ma clé secrète s'affiche (étape 15)
    Et le keystore est enregistré sur le disque avec ma clé privée
    Et la clé secrète est écrite à côté du keystore avec les instructions de l'étape 16
    Et eHealth a validé la demande automatiquement

  Scénario: Plusieurs organisations : je choisis la mienne dans le menu déroulant
    Étant donné selon les sources authentiques, cette personne gère aussi la pharmacie "PHARMACIE DU CENTRE" (NIHII-PHARMACY 62012395)
    Quand je demande un certificat pour "PHARMACIE DU CENTRE" par le transfert automatique (étapes 2 à 14)
    Alors ma clé secrète s'affiche (étape 15)
    Et le certificat demandé porte le DN "CN=NIHII-PHARMACY\=62012395,OU=eHealth-platform Belgium,OU=PHARMACIE DU CENTRE,OU=NIHII-PHARMACY\=62012395,O=Federal Government,C=BE"

  Scénario: Une application précise de l'organisation (identifiant d'application)
    Quand je demande un certificat pour "AMBULANCES DE LA SENNE" avec l'identifiant d'application "DISPATCH" (étapes 2 à 14)
    Alors ma clé secrète s'affiche (étape 15)
    Et le certificat demandé porte le DN "CN=NIHII-AMBU_SERVICE\=17123468\, DISPATCH,OU=eHealth-platform Belgium,OU=AMBULANCES DE LA SENNE,OU=NIHII-AMBU_SERVICE\=17123468,OU=DISPATCH,O=Federal Government,C=BE"
