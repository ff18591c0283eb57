# language: fr
Fonctionnalité: Demande d'un certificat eHealth, transfert MANUEL (étapes 8M et 9M)
  En optant pour le mode manuel, le gestionnaire introduit lui-même les données du service
  ambulancier. La demande attend alors une validation manuelle par eHealth.

  Contexte:
    Étant donné le logiciel démarré pour l'environnement de simulation (étape 1)
    Et une carte eID de test au nom de "Bruno Handmatig" dans le lecteur
    Et selon la BCE, le service ambulancier "AMBULANCES DU CANAL" (NIHII-AMBU_SERVICE 17198791) dépend de l'hôpital "HOPITAL DU CANAL" (NIHII-HOSPITAL 71000040)

  @web
  Scénario: Demande manuelle avec le nom officiel BCE et le numéro INAMI du service ambulancier
    Quand je clique sur « Une autre organisation pour laquelle je peux gérer des certificats » (étape 8M)
    Et j'introduis le type "NIHII-AMBU_SERVICE", l'identifiant "171987-91" et le nom officiel "Ambulances du Canal" (étape 9M)
    Et j'introduis mes données de contact avec l'adresse générique "info@ambulances-canal.be" (étape 10)
    Et j'introduis un mot de passe sûr pour le keystore (étape 11)
    Et j'envoie la demande et j'introduis mon code PIN (étapes 12 à 14)
    Alors ma clé secrète s'affiche (étape 15)
    Et la demande attend une validation manuelle par eHealth
    Et le certificat demandé porte le DN "CN=NIHII-AMBU_SERVICE\=17198791,OU=eHealth-platform Belgium,OU=AMBULANCES DU CANAL,OU=NIHII-AMBU_SERVICE\=17198791,O=Federal Government,C=BE"
    Et la boîte mail du simulateur contient un mail "demande reçue" pour "info@ambulances-canal.be"

  @web
  Scénario: L'identifiant est le numéro INAMI du service ambulancier, pas celui de l'hôpital
    Quand je clique sur « Une autre organisation pour laquelle je peux gérer des certificats » (étape 8M)
    Et j'introduis le type "NIHII-AMBU_SERVICE", l'identifiant "71000040" et le nom officiel "Ambulances du Canal" (étape 9M)
    Et j'introduis mes données de contact avec l'adresse générique "info@ambulances-canal.be" (étape 10)
    Et j'introduis un mot de passe sûr pour le keystore (étape 11)
    Et j'envoie la demande et j'introduis mon code PIN (étapes 12 à 14)
    Alors ma clé secrète s'affiche (étape 15)
    Et la demande attend une validation manuelle par eHealth
    Quand eHealth refuse la demande car "71000040 est le numéro INAMI de l'hôpital, pas celui du service ambulancier"
    Et je complète la demande de certificat eHealth et ETK (étapes 16 à 18)
    Alors on me dit qu'eHealth a refusé la demande
    Et la boîte mail du simulateur contient un mail "demande refusée" pour "info@ambulances-canal.be"
    Et aucun keystore n'a été perdu

  Scénario: eHealth valide la demande manuelle puis fabrique le certificat
    Étant donné une demande manuelle envoyée pour "AMBULANCES DU CANAL" (étapes 8M à 15)
    Quand eHealth valide la demande manuellement
    Et eHealth fabrique le certificat
    Et je complète la demande de certificat eHealth et ETK (étapes 16 à 18)
    Alors mon certificat eHealth est installé avec succès (étape 19)
