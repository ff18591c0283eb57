# language: fr
Fonctionnalité: Attente du certificat et finalisation de la demande (étapes 16 à 19)
  Il faut attendre un mail d'eHealth annonçant que le certificat a été fabriqué (cela peut durer
  quelques jours), puis compléter la demande : le certificat est installé dans le keystore et
  l'ETK (clé d'encryption) est créé et enregistré.

  Contexte:
    Étant donné le logiciel démarré pour l'environnement de simulation (étape 1)
    Et une carte eID de test au nom de "Alice Geldigekaart" dans le lecteur
    Et selon les sources authentiques, cette personne gère le service ambulancier "AMBULANCES DE LA SENNE" (NIHII-AMBU_SERVICE 17123468)
    Et une demande automatique envoyée pour "AMBULANCES DE LA SENNE" (étapes 2 à 15)

  @web
  Scénario: Avant que le certificat soit fabriqué, la demande est en attente
    Quand je démarre le logiciel et clique sur « Complétez la demande de certificat eHealth et ETK » (étape 16)
    Et j'introduis le mot de passe du keystore de l'étape 11 et j'ouvre le keystore (étape 17)
    Alors on me dit que le certificat n'a pas encore été fabriqué par eHealth
    Et le keystore est intact

  # Aussi avec le programme installé, lancé à part, contre le simulateur servi en réseau local,
  # et dans le navigateur (assistant web).
  @processus @web
  Scénario: Après le mail d'eHealth, le certificat est installé et l'ETK enregistré
    Étant donné qu'eHealth a fabriqué le certificat et envoyé le mail "certificat fabriqué"
    Quand je démarre le logiciel et clique sur « Complétez la demande de certificat eHealth et ETK » (étape 16)
    Et j'introduis le mot de passe du keystore de l'étape 11 et j'ouvre le keystore (étape 17)
    Et je clique sur « Installez votre certificat et commencez la création de votre eHealth ETK » (étape 18)
    Alors mon certificat eHealth est installé avec succès (étape 19)
    Et l'ETK est enregistré et publié par eHealth
    Et le nouveau keystore s'ouvre avec mon mot de passe et contient la clé "authentication", la clé de l'ETK et la chaîne du certificat
    Et l'ancien keystore est conservé tel quel

  Scénario: Compléter une seconde fois ne demande rien de nouveau à eHealth
    Étant donné qu'eHealth a fabriqué le certificat et envoyé le mail "certificat fabriqué"
    Et que j'ai complété la demande (étapes 16 à 19)
    Quand je complète à nouveau la demande de certificat eHealth et ETK (étapes 16 à 18)
    Alors mon certificat eHealth est installé avec succès (étape 19)
    Et eHealth n'a reçu qu'une seule demande de certificat
