# language: fr
Fonctionnalité: Règles de saisie des identifiants et des données (étapes 9M, 10 et 11)

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

  # Les règles des étapes 10 et 11 sont celles du cœur ; chaque interface les applique à l'envoi
  # de la demande (voir 04-erreurs.feature : pas d'adresse générique, mot de passe trop faible).
  @usecases
  Plan du scénario: Les données de contact de l'étape 10
    Quand j'introduis les données de contact "<privée>", "<générique>", "<téléphone>"
    Alors les données de contact sont "<verdict>"

    Exemples:
      | privée                   | générique                  | téléphone      | verdict  |
      | alice@example.be         | info@ambulances-senne.be   | 02 123 45 67   | acceptées |
      | alice@example.be         |                            | 02 123 45 67   | refusées  |
      | alice.example.be         | info@ambulances-senne.be   | 02 123 45 67   | refusées  |
      | alice@example.be         | info@ambulances-senne.be   |                | refusées  |

  @usecases
  Plan du scénario: Le mot de passe du keystore de l'étape 11
    Quand je choisis le mot de passe "<mot de passe>" pour le keystore
    Alors le mot de passe est "<verdict>"

    Exemples:
      | mot de passe                          | verdict  |
      | Ambulance-Senne-2025!x                | accepté  |
      | cheval agrafe batterie correcte       | accepté  |
      | court1!                               | refusé   |
      | password1234                          | refusé   |
      | 17123468-secret                       | refusé   |
