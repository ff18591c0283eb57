# language: fr
Fonctionnalité: Au-delà de l'outil officiel : export, surveillance des échéances, équipe support simulée
  Ce que l'outil officiel ne fait pas : remettre le certificat à d'autres logiciels (PEM, et un
  .p12 séparé sous son propre mot de passe), prévenir un système de surveillance avant qu'un
  certificat n'expire, et, en simulation, jouer l'équipe support d'eHealth qui valide ou refuse
  une demande manuelle (8M-9M) sans lancer de simulateur à part.

  Contexte:
    Étant donné le logiciel démarré pour l'environnement de simulation (étape 1)
    Et une carte eID de test au nom de "Alice Geldigekaart" dans le lecteur
    Et selon les sources authentiques, cette personne gère le service ambulancier "AMBULANCES DE LA SENNE" (NIHII-AMBU_SERVICE 17123468)
    Et selon la BCE, le service ambulancier "AMBULANCES DU CANAL" (NIHII-AMBU_SERVICE 17198791) dépend de l'hôpital "HOPITAL DU CANAL" (NIHII-HOSPITAL 71000040)

  @processus
  Scénario: Export du certificat et de sa chaîne en PEM, et de la clé dans un .p12 séparé sous son propre mot de passe
    Étant donné un certificat installé pour "AMBULANCES DE LA SENNE"
    Quand j'exporte le certificat avec un fichier .p12 protégé par le mot de passe "Export-Vers-Autre-Logiciel-93"
    Alors openssl vérifie le fichier PEM : le certificat fabriqué par eHealth suivi de sa chaîne, jusqu'à la racine d'eHealth
    Et openssl ouvre le fichier .p12 avec le mot de passe "Export-Vers-Autre-Logiciel-93" et y trouve la clé privée du certificat et sa chaîne
    Et openssl n'ouvre pas le fichier .p12 avec le mot de passe du keystore
    Et le keystore du certificat est conservé tel quel

  Scénario: Export en PEM seul : aucun fichier .p12 n'est écrit
    Étant donné un certificat installé pour "AMBULANCES DE LA SENNE"
    Quand j'exporte le certificat sans fichier .p12
    Alors openssl vérifie le fichier PEM : le certificat fabriqué par eHealth suivi de sa chaîne, jusqu'à la racine d'eHealth
    Et aucun fichier .p12 n'a été exporté

  Scénario: Le mot de passe du .p12 exporté doit différer de celui du keystore
    Étant donné un certificat installé pour "AMBULANCES DE LA SENNE"
    Quand j'exporte le certificat avec un fichier .p12 protégé par le mot de passe du keystore
    Alors on me dit que le mot de passe de l'export doit différer de celui du keystore
    Et le keystore du certificat est conservé tel quel

  @processus
  Scénario: Surveillance des échéances : un certificat qui expire dans les 90 jours est signalé
    Étant donné un certificat installé pour "AMBULANCES DE LA SENNE"
    Et 2 ans et 11 mois plus tard
    Quand je surveille le dossier des keystores pour les certificats qui expirent dans les "90d"
    Alors le certificat de "AMBULANCES DE LA SENNE" est listé comme expirant dans les 90 jours
    Et la surveillance donne l'alerte pour 1 certificat

  Scénario: Surveillance des échéances : rien à signaler loin de l'échéance
    Étant donné un certificat installé pour "AMBULANCES DE LA SENNE"
    Et 1 an plus tard
    Quand je surveille le dossier des keystores pour les certificats qui expirent dans les "12w"
    Alors le certificat de "AMBULANCES DE LA SENNE" est listé comme valide
    Et la surveillance ne signale rien

  Scénario: Surveillance des échéances : une période mal écrite est refusée avec la règle
    Quand je surveille le dossier des keystores pour les certificats qui expirent dans les "trois mois"
    Alors on me dit que la période doit être un nombre de jours ou de semaines

  @processus
  Scénario: L'équipe support d'eHealth, jouée par le simulateur, valide une demande manuelle, puis la demande est complétée
    Étant donné mes données de contact avec l'adresse générique "info@ambulances-canal.be" (étape 10)
    Et une demande manuelle envoyée pour "AMBULANCES DU CANAL", que je ne gère pas selon les sources authentiques (étapes 8M à 15)
    Et la demande attend une validation manuelle par eHealth
    Quand l'équipe support d'eHealth approuve la demande depuis le logiciel en simulation
    Alors le logiciel me dit que l'équipe support a approuvé la demande
    Quand eHealth fabrique le certificat
    Et je complète la demande de certificat eHealth et ETK (étapes 16 à 18)
    Alors mon certificat eHealth est installé avec succès (étape 19)
    Et la boîte mail du simulateur contient un mail "certificat fabriqué" pour "info@ambulances-canal.be"

  Scénario: L'équipe support d'eHealth, jouée par le simulateur, refuse une demande manuelle
    Étant donné mes données de contact avec l'adresse générique "info@ambulances-canal.be" (étape 10)
    Et une demande manuelle envoyée pour "AMBULANCES DU CANAL", que je ne gère pas selon les sources authentiques (étapes 8M à 15)
    Quand l'équipe support d'eHealth refuse la demande depuis le logiciel car "le nom officiel ne correspond pas à la BCE"
    Alors le logiciel me dit que l'équipe support a refusé la demande car "le nom officiel ne correspond pas à la BCE"
    Quand je complète la demande de certificat eHealth et ETK (étapes 16 à 18)
    Alors on me dit qu'eHealth a refusé la demande
    Et la boîte mail du simulateur contient un mail "demande refusée" pour "info@ambulances-canal.be"
    Et aucun keystore n'a été perdu

  Scénario: L'équipe support simulée ne décide que d'une demande qui attend sa validation
    Étant donné une demande automatique envoyée pour "AMBULANCES DE LA SENNE" (étapes 2 à 15)
    Quand l'équipe support d'eHealth approuve la demande depuis le logiciel en simulation
    Alors on me dit qu'aucune demande de cette clé secrète n'attend de validation manuelle
