# language: fr
Fonctionnalité: Ce qui peut mal tourner, avec le message affiché et la preuve que rien n'est perdu

  Contexte:
    Étant donné le logiciel démarré pour l'environnement de simulation (étape 1)
    Et une carte eID de test au nom de "Alice Geldigekaart" dans le lecteur
    Et selon les sources authentiques, cette personne gère le service ambulancier "AMBULANCES DE LA SENNE" (NIHII-AMBU_SERVICE 17123468)

  @web
  Scénario: Code PIN erroné à l'étape 7 : on me dit combien d'essais il reste, sans réessayer
    Quand j'introduis un code PIN erroné (étape 7)
    Alors on me dit que le code PIN est erroné et qu'il reste 2 essais
    Et le logiciel n'a essayé le code PIN qu'une seule fois

  Scénario: Carte bloquée après trois codes PIN erronés
    Étant donné que ma carte est bloquée après trois codes PIN erronés
    Quand j'introduis mon code PIN (étape 7)
    Alors on me dit que ma carte est bloquée et qu'il faut le code PUK à la commune

  Scénario: Pas de carte dans le lecteur
    Étant donné qu'aucune carte n'est dans le lecteur
    Quand je clique sur « Je suis Belge ou mon domicile est en Belgique » avec mon eID dans le lecteur (étape 5)
    Alors on me dit d'insérer ma carte eID dans le lecteur

  Scénario: Carte retirée pendant la signature de la demande
    Quand je retire ma carte pendant l'envoi de la demande (étapes 13 et 14)
    Alors on me dit que la carte a été retirée
    Et le keystore avec la nouvelle clé privée est enregistré et intact

  Scénario: Pas d'adresse e-mail générique (étape 10)
    Quand j'introduis mes données de contact sans adresse générique (étape 10)
    Alors on me dit qu'il faut au moins une adresse e-mail générique pour les rappels d'expiration
    Et rien n'a été envoyé à eHealth

  Scénario: Mot de passe du keystore trop faible (étape 11)
    Quand j'introduis le mot de passe "azerty123" pour le keystore (étape 11)
    Alors on me dit que le mot de passe est trop faible, sans le répéter
    Et rien n'a été envoyé à eHealth

  Scénario: Mauvais mot de passe du keystore à l'étape 17
    Étant donné une demande automatique envoyée pour "AMBULANCES DE LA SENNE" (étapes 2 à 15)
    Et qu'eHealth a fabriqué le certificat et envoyé le mail "certificat fabriqué"
    Quand j'introduis le mot de passe "ce n'est pas le bon mot de passe" et j'ouvre le keystore (étape 17)
    Alors on me dit que le mot de passe du keystore est erroné
    Et le keystore est intact

  Scénario: eHealth injoignable à l'envoi, puis la demande reprend
    Étant donné qu'eHealth est injoignable
    Quand je demande un certificat pour "AMBULANCES DE LA SENNE" par le transfert automatique (étapes 2 à 14)
    Alors on me dit qu'eHealth est injoignable et de réessayer plus tard
    Quand eHealth est de nouveau joignable
    Et je demande un certificat pour "AMBULANCES DE LA SENNE" par le transfert automatique (étapes 2 à 14)
    Alors ma clé secrète s'affiche (étape 15)

  Scénario: eHealth injoignable pendant la finalisation, puis la finalisation reprend
    Étant donné une demande automatique envoyée pour "AMBULANCES DE LA SENNE" (étapes 2 à 15)
    Et qu'eHealth a fabriqué le certificat et envoyé le mail "certificat fabriqué"
    Et qu'eHealth est injoignable
    Quand je complète la demande de certificat eHealth et ETK (étapes 16 à 18)
    Alors on me dit qu'eHealth est injoignable et de réessayer plus tard
    Et le keystore est intact
    Quand eHealth est de nouveau joignable
    Et je complète la demande de certificat eHealth et ETK (étapes 16 à 18)
    Alors mon certificat eHealth est installé avec succès (étape 19)

  Scénario: eHealth refuse : je ne suis pas mandaté pour cette organisation
    Étant donné selon la BCE, l'hôpital "HOPITAL DU CANAL" (NIHII-HOSPITAL 71000040) que je ne gère pas
    Quand je demande un certificat pour l'organisation "NIHII-HOSPITAL=71000040" par le transfert manuel (étapes 8M à 14)
    Alors la demande attend une validation manuelle par eHealth
    Quand eHealth refuse la demande car "le demandeur n'est pas mandaté pour cette organisation"
    Et je complète la demande de certificat eHealth et ETK (étapes 16 à 18)
    Alors on me dit qu'eHealth a refusé la demande
    Et le keystore est intact

  Scénario: eHealth refuse : un certificat actif existe déjà pour ce DN
    Étant donné un certificat actif pour "AMBULANCES DE LA SENNE", fabriqué il y a 1 an
    Quand je demande un certificat pour "AMBULANCES DE LA SENNE" par le transfert automatique (étapes 2 à 14)
    Alors on me dit qu'un certificat actif existe déjà pour ce DN
    Et le keystore avec la nouvelle clé privée est enregistré et intact
