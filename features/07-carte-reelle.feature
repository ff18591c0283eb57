# language: fr
@live
Fonctionnalité: Avec une vraie carte eID et l'environnement d'ACCEPTATION d'eHealth
  Hors intégration continue : ces scénarios lisent une vraie carte et interrogent eHealth
  (acceptation), sans rien demander ni modifier : profil « live » uniquement.

  Scénario: Ma carte eID est lue et eHealth me propose mes organisations (étapes 1 à 7)
    Étant donné le logiciel démarré pour l'environnement d'acceptation (étape 1)
    Et ma propre carte eID dans le lecteur
    Quand je clique sur « Je suis Belge ou mon domicile est en Belgique » avec mon eID dans le lecteur (étape 5)
    Alors le logiciel lit sur la carte un nom et un numéro national valide
    Quand j'introduis mon code PIN (étape 7)
    Alors le menu déroulant propose au moins une organisation
