# language: fr
Fonctionnalité: Une demande n'est jamais perdue ni envoyée deux fois (étapes 14 et 15)
  La demande est enregistrée sur l'ordinateur avant de partir chez eHealth (étape 14). Si la
  réponse d'eHealth se perd, le logiciel vérifie auprès d'eHealth si la demande est arrivée ; s'il
  ne peut pas le savoir, la demande reste enregistrée et on peut la compléter plus tard. Tant
  qu'une demande pour un certificat n'est pas terminée, une seconde demande pour le même
  certificat est refusée : eHealth recevrait deux demandes pour un seul DN.

  Contexte:
    Étant donné le logiciel démarré pour l'environnement de simulation (étape 1)
    Et une carte eID de test au nom de "Alice Geldigekaart" dans le lecteur
    Et selon les sources authentiques, cette personne gère le service ambulancier "AMBULANCES DE LA SENNE" (NIHII-AMBU_SERVICE 17123468)

  Scénario: La réponse d'eHealth se perd : une vérification retrouve la demande chez eHealth
    Étant donné que la réponse d'eHealth à l'envoi de la demande (étape 14) se perd
    Quand je demande un certificat pour "AMBULANCES DE LA SENNE" par le transfert automatique (étapes 2 à 14)
    Alors ma clé secrète s'affiche (étape 15)
    Et eHealth n'a reçu qu'une seule demande de certificat

  @processus
  Scénario: Demande interrompue : on ne sait pas si eHealth l'a reçue ; elle est retrouvée et complétée plus tard
    Étant donné que la réponse d'eHealth à l'envoi de la demande (étape 14) se perd
    Et qu'ensuite eHealth ne répond plus aux vérifications de l'état des demandes
    Quand je demande un certificat pour "AMBULANCES DE LA SENNE" par le transfert automatique (étapes 2 à 14)
    Alors on me dit qu'eHealth a peut-être reçu la demande, de vérifier son état avant de redemander, et où est le keystore
    Et le keystore avec la nouvelle clé privée est enregistré et intact
    Quand eHealth est de nouveau joignable
    Et je complète la demande interrompue avec le keystore indiqué (étapes 16 à 18)
    Alors on me dit que le certificat n'a pas encore été fabriqué par eHealth
    Quand eHealth fabrique le certificat de la demande interrompue
    Et je complète la demande interrompue avec le keystore indiqué (étapes 16 à 18)
    Alors mon certificat eHealth est installé avec succès (étape 19)
    Et eHealth n'a reçu qu'une seule demande de certificat

  @processus
  Scénario: Une seconde demande pour le même certificat est refusée tant que la première n'est pas terminée
    Étant donné une demande automatique envoyée pour "AMBULANCES DE LA SENNE" (étapes 2 à 15)
    Quand je demande un certificat pour "AMBULANCES DE LA SENNE" par le transfert automatique (étapes 2 à 14)
    Alors on me dit qu'une demande pour ce certificat n'est pas terminée, avec sa clé secrète, et rien n'est envoyé
    Et eHealth n'a reçu qu'une seule demande de certificat

  Scénario: Une demande interrompue bloque aussi une seconde demande pour le même certificat
    Étant donné que la réponse d'eHealth à l'envoi de la demande (étape 14) se perd
    Et qu'ensuite eHealth ne répond plus aux vérifications de l'état des demandes
    Et je demande un certificat pour "AMBULANCES DE LA SENNE" par le transfert automatique (étapes 2 à 14)
    Et on me dit qu'eHealth a peut-être reçu la demande, de vérifier son état avant de redemander, et où est le keystore
    Quand eHealth est de nouveau joignable
    Et je demande un certificat pour "AMBULANCES DE LA SENNE" par le transfert automatique (étapes 2 à 14)
    Alors on me dit qu'une demande pour ce certificat n'est pas terminée, avec la clé secrète de la demande interrompue
    Et eHealth n'a reçu qu'une seule demande de certificat
