# language: fr
Fonctionnalité: Règles de saisie des identifiants et des données (étapes 9M, 10 et 11)
  Les données de contact et le mot de passe sont jugés par l'interface quand j'envoie la demande :
  acceptés, la demande part ; refusés, on me dit pourquoi et rien ne part.

  Contexte:
    Étant donné le logiciel démarré pour l'environnement de simulation (étape 1)
    Et une carte eID de test au nom de "Alice Geldigekaart" dans le lecteur
    Et selon les sources authentiques, cette personne gère le service ambulancier "AMBULANCES DE LA SENNE" (NIHII-AMBU_SERVICE 17123468)

  Plan du scénario: Un identifiant valide est accepté et normalisé
    Quand je vérifie l'identifiant "<saisie>"
    Alors l'identifiant est valide et vaut "<normalisé>"

    Exemples:
      | saisie                            | normalisé                     |
      | SSIN=85.07.30-123.35              | SSIN=85073012335              |
      | SSIN=05010100509                  | SSIN=05010100509              |
      | CBE=0809.394.427                  | CBE=0809394427                |
      | CBE=809394427                     | CBE=0809394427                |
      | NIHII-AMBU_SERVICE=1-71234-68     | NIHII-AMBU_SERVICE=17123468   |
      | NIHII-HOSPITAL=71000040           | NIHII-HOSPITAL=71000040       |
      | NIHII-PHARMACY=62012395           | NIHII-PHARMACY=62012395       |
      | NIHII-LABO=82045667               | NIHII-LABO=82045667           |

  Plan du scénario: Un identifiant invalide est refusé avec la règle enfreinte
    Quand je vérifie l'identifiant "<saisie>"
    Alors l'identifiant est refusé avec un message qui cite "<règle>"

    Exemples:
      | saisie                        | règle       |
      | SSIN=85073012336              | 35          |
      | SSIN=8507301233               | 11          |
      | CBE=0809394428                | 27          |
      | CBE=08093944A7                | digits only |
      | NIHII-AMBU_SERVICE=17123469   | 68          |
      | NIHII-AMBU_SERVICE=1712346    | 8           |
      | INCONNU=12345678              | INCONNU     |

  Plan du scénario: Les données de contact de l'étape 10
    Quand j'introduis les données de contact "<privée>", "<générique>", "<téléphone>" et j'envoie la demande
    Alors les données de contact sont "<verdict>"

    Exemples:
      | privée                   | générique                  | téléphone      | verdict  |
      | alice@example.be         | info@ambulances-senne.be   | 02 123 45 67   | acceptées |
      | alice@example.be         |                            | 02 123 45 67   | refusées  |
      | alice.example.be         | info@ambulances-senne.be   | 02 123 45 67   | refusées  |
      | alice@example.be         | info@ambulances-senne.be   |                | refusées  |

  Plan du scénario: Le mot de passe du keystore de l'étape 11, pour "AMBULANCES DE LA SENNE" et la carte d'Alice Geldigekaart
    Quand je choisis le mot de passe "<mot de passe>" pour le keystore et j'envoie la demande
    Alors le mot de passe est "<verdict>"
    Et la règle enfreinte est "<règle>"

    Exemples:
      | mot de passe                          | verdict  | règle       |
      | Ambulance-Meuse-2025!x                | accepté  | aucune      |
      | cheval agrafe batterie correcte       | accepté  | aucune      |
      | court1!                               | refusé   | longueur    |
      | password1234                          | refusé   | courant     |
      | 17123468-secret                       | refusé   | identifiant |
      | Alice-Geldigekaart-2025!              | refusé   | nom         |
      | Senne-Ambulances-2025!x               | refusé   | nom         |
