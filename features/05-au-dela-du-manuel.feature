# language: fr
Fonctionnalité: Au-delà du manuel : carte EC, renouvellement, révocation, ETK, mot de passe, environnements

  Contexte:
    Étant donné le logiciel démarré pour l'environnement de simulation (étape 1)
    Et selon les sources authentiques, "Alice Geldigekaart" gère le service ambulancier "AMBULANCES DE LA SENNE" (NIHII-AMBU_SERVICE 17123468)

  Scénario: Une carte eID récente (applet 1.8, clés EC P-384) fait toute la demande
    Étant donné une carte eID de test EC P-384 (applet 1.8) au nom de "Alice Geldigekaart" dans le lecteur
    Quand je demande un certificat pour "AMBULANCES DE LA SENNE" par le transfert automatique (étapes 2 à 14)
    Et qu'eHealth fabrique le certificat
    Et je complète la demande de certificat eHealth et ETK (étapes 16 à 18)
    Alors mon certificat eHealth est installé avec succès (étape 19)

  Scénario: Renouvellement dans la fenêtre des 3 derniers mois
    Étant donné une carte eID de test au nom de "Alice Geldigekaart" dans le lecteur
    Et un certificat installé pour "AMBULANCES DE LA SENNE"
    Et 2 ans et 10 mois plus tard
    Quand je renouvelle le certificat
    Et qu'eHealth fabrique le certificat
    Et je complète la demande de certificat eHealth et ETK (étapes 16 à 18)
    Alors mon certificat eHealth est installé avec succès (étape 19)
    Et le nouvel ETK attend d'être activé

  Scénario: Renouvellement refusé en dehors de la fenêtre des 3 derniers mois
    Étant donné une carte eID de test au nom de "Alice Geldigekaart" dans le lecteur
    Et un certificat installé pour "AMBULANCES DE LA SENNE"
    Et 1 an plus tard
    Quand je renouvelle le certificat
    Alors on me dit que le renouvellement n'est possible qu'à partir de la date de début de la fenêtre

  Scénario: Activation de l'ETK après renouvellement
    Étant donné une carte eID de test au nom de "Alice Geldigekaart" dans le lecteur
    Et un certificat installé pour "AMBULANCES DE LA SENNE"
    Et 2 ans et 10 mois plus tard
    Et un certificat renouvelé et installé dont l'ETK attend d'être activé
    Quand j'active le nouvel ETK
    Alors le nouvel ETK est publié par eHealth

  Scénario: Révocation d'un certificat
    Étant donné une carte eID de test au nom de "Alice Geldigekaart" dans le lecteur
    Et un certificat installé pour "AMBULANCES DE LA SENNE"
    Quand je révoque le certificat pour la raison "cessationOfOperation"
    Alors le certificat et son ETK sont révoqués chez eHealth

  Scénario: Changement du mot de passe du keystore
    Étant donné une carte eID de test au nom de "Alice Geldigekaart" dans le lecteur
    Et un certificat installé pour "AMBULANCES DE LA SENNE"
    Quand je change le mot de passe du keystore
    Alors le nouveau keystore s'ouvre avec le nouveau mot de passe
    Et l'ancien keystore est conservé tel quel

  @usecases
  Plan du scénario: Le nom du keystore dépend de l'environnement
    Étant donné les fichiers de keystore de l'environnement "<environnement>"
    Alors le keystore de "NIHII-AMBU_SERVICE=17123468" enregistré le 17/11/2025 à 12:24:25 s'appelle "<fichier>"

    Exemples:
      | environnement | fichier                                            |
      | production    | NIHII-AMBU_SERVICE=17123468 20251117-122425.p12     |
      | acceptation   | NIHII-AMBU_SERVICE=17123468 20251117-122425.acc-p12 |
