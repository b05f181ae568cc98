"""French fragments of the labelled corpus (EU), written for it as délégués, MSL and médecins write."""

PRODUCTS = ["Cardiozan", "Lipravex", "Glucomira", "Nephrolin", "Oncavir", "Pulmodex"]
DRUGS = ["warfarine", "fluindione", "apixaban", "rivaroxaban", "metformine", "empagliflozine", "atorvastatine",
         "rosuvastatine", "évolocumab", "sémaglutide", "insuline glargine", "ticagrélor", "clopidogrel"]
DOCS = ["Dr Martin", "Dr Bernard", "Dr Dubois", "Pr Lefèvre", "Dr Moreau", "Dr Laurent"]
CITIES = ["Lyon", "Lille", "Bordeaux", "Nantes", "Toulouse"]

CLINICAL_QUESTIONS = [
    "quelles sont les données sur le relais de la {drug} vers l'{drug2} dans la FA",
    "comment convertir mg/kg en mg/m2 pour la dose pédiatrique",
    "quelles sont les cibles de LDL-c après un SCA",
    "quels patients du décile supérieur de LDL initial ont le plus bénéficié",
    "existe-t-il des données sur le switch des lymphocytes T de l'étude de phase 2",
    "quelles sont les cibles moléculaires de {product} en dehors du récepteur principal",
    "faut-il adapter la dose si le DFG est inférieur à 30",
    "y a-t-il des données sur {product} pendant la grossesse",
    "comment gérer le relais de {drug} avant une chirurgie programmée",
    "quelles interactions avec les inhibiteurs puissants du CYP3A4",
    "quelle cible d'HbA1c a été utilisée dans l'essai",
    "peut-on écraser le comprimé en cas de troubles de la déglutition",
    "quel était le NNT pour le critère principal",
    "existe-t-il des résultats en sous-groupe chez les plus de 75 ans",
    "comment passer de la voie IV à la voie orale",
    "quelle surveillance en cas d'insuffisance hépatique",
    "faut-il une fenêtre thérapeutique avant de débuter {product}",
    "la cible moléculaire est-elle exprimée dans les tumeurs triple négatives",
    "quels taux de saignement dans le registre par rapport à {drug}",
    "existe-t-il des données sur l'allongement du QT",
    "comment faire la conversion de dose de {drug} vers {product}",
    "les patients dialysés peuvent-ils recevoir {product}",
    "quelle cible tensionnelle selon la nouvelle recommandation",
    "comment titrer jusqu'à la dose cible en IRC stade 3",
    "quelle fréquence d'hypoglycémies avec un sulfamide",
]

RX_DATA = [
    "elle fait partie des 10% plus gros prescripteurs", "gros prescripteur de {drug}", "un de nos meilleurs prescripteurs",
    "NBRx +12% ce trimestre", "fait environ 40 ordonnances/mois", "médecin D10", "décile 9",
    "part de la marque 23% dans son cabinet", "belle victoire au référencement de l'hôpital", "notre part baisse face à {drug}",
    "veut des échantillons, prescrit beaucoup de {drug}", "on a laissé des échantillons", "il est sur notre liste cible",
    "premier prescripteur du secteur", "ses prescriptions ont chuté après la remise", "potentiel de bascule depuis {drug}",
    "compte clé de la région", "prescrit énormément de {drug}", "top 5 des comptes en volume",
    "fort potentiel mais petit prescripteur", "le nombre d'ordonnances stagne", "classé D9 dans les données IQVIA",
]

INTENT = [
    "va mettre ses patients dessus", "compte utiliser {product} chez ses nouveaux patients",
    "va le prescrire à ses prochains patients en FA", "prévoit de basculer ses patients sous {drug}",
    "veut passer {product} en première intention", "commencera les changements le mois prochain",
    "souhaite utiliser davantage {product}", "va désormais prescrire {product}",
    "va remplacer {drug} par {product}", "le prescrira en routine",
    "va l'essayer cette semaine chez quelques patients", "va passer le cabinet sous {product}",
    "s'est engagé à prescrire {product} plus souvent", "va mettre ses patients sous {product}",
]

INTEREST = [
    "s'intéresse aux données de sécurité rénale", "a demandé les sous-groupes chez le sujet âgé",
    "veut comprendre le mécanisme d'action", "s'intéresse au design de l'étude de phase 3",
    "avait des questions sur la posologie en insuffisance hépatique", "souhaite la publication complète de l'essai",
    "a demandé comment les cibles de LDL-c ont été définies",
    "s'intéresse aux stratégies de relais de {drug} vers {drug2} décrites dans la littérature",
    "s'intéresse à la sous-étude biomarqueurs", "a demandé des infos sur la cible et les effets hors cible",
    "souhaite des données en IRC", "s'intéresse à l'immunogénicité",
    "veut comprendre la conversion de dose en mg/m2", "a demandé des données pendant la grossesse",
]

BEHAVIOUR = [
    "Augmenter les nouvelles ordonnances de {product} chez les participants",
    "Amener les participants à choisir {product} en première intention", "Développer l'usage de {product} dans la région",
    "Faire passer les patients sous {drug} des participants à {product}", "Faire monter les NBRx après la soirée",
    "Gagner les participants à {product}", "Faire de {product} le choix par défaut pour les nouveaux patients",
    "Accroître la part de {product} chez les invités", "Mettre plus de patients sous {product}",
    "Augmenter les ordonnances dans les cabinets invités", "Remplacer {drug} dans les cabinets des participants",
    "Augmenter le nombre de prescripteurs de {product}", "Créer de la demande pour {product}",
]

EDUCATION = [
    "Données sur l'anticoagulation du sujet âgé en FA", "Cibles de LDL-c en prévention secondaire",
    "Prise en charge de l'hypoglycémie", "Présenter les résultats de phase 3 et leurs limites",
    "Conversion des doses mg/kg en mg/m2 en pédiatrie", "Relais de {drug} vers {drug2} : données de la littérature",
    "Physiopathologie de l'ICFEp", "Adaptation rénale des anticoagulants", "Cibles moléculaires en oncologie",
    "Nouvelles cibles tensionnelles des recommandations", "Profil de sécurité des iSGLT2",
    "Lecture critique des essais récents", "Gestion périopératoire des anticoagulants",
]

SALES_METRICS = [
    "croissance des NBRx sur le secteur", "part de la marque {product}", "TRx par rapport au plan",
    "nouvelles ordonnances", "atteinte du CA secteur", "croissance des unités {product}", "succès de référencement",
    "couverture des 10% plus gros prescripteurs", "gain de part face à {drug}", "ordonnances/mois sur les comptes clés",
    "CA net de {product}", "revenu par compte", "nombre de nouveaux prescripteurs", "initiations sous {product}",
]

ACTIVITY_METRICS = [
    "nombre d'échanges avec les KOL", "questions scientifiques traitées en 5 jours", "publications soutenues",
    "advisory boards organisés", "modules de formation terminés", "formations médicales réalisées",
    "études investigateurs soutenues", "qualité des comptes rendus", "insights remontés par trimestre",
    "évaluation des présentations scientifiques", "certification dans l'aire thérapeutique",
    "objectif : 20 échanges KOL par trimestre",
]

KOL_FACTS = [
    "investigateur principal de l'essai de phase 3", "auteur des recommandations ESC sur la FA",
    "plus de 40 publications sur les hypolipémiants", "préside la société de diabétologie",
    "recherche : cibles thérapeutiques de la fibrose", "s'intéresse aux cibles de LDL-c dans l'HF",
    "réseau : néphrologie de {city}", "h-index 45", "comité éditorial d'une revue de cardiologie",
    "dirige la consultation d'anticoagulation à {city}", "membre du comité de pilotage", "axé sur les données de vie réelle",
]

PROMO_AGENDA = [
    "Objectifs T3 {product} par secteur", "Messages de la campagne de relance {product}",
    "Reprendre des parts à {drug}", "Revue des meilleurs prescripteurs", "Plan NBRx du prochain trimestre",
    "Objectifs commerciaux et duos terrain", "Pousser {product} sur les comptes clés", "Plan de lancement et objectifs de marque",
    "Positionnement concurrentiel face à {drug}", "Croissance des ordonnances par district", "Challenge pour les délégués",
    "Classement des secteurs et primes", "Ciblage des médecins D8-D10", "Développer la part de {product}",
]

SCIENCE_AGENDA = [
    "Données de phase 3 sur {product}", "Congrès : revue des abstracts", "Questions scientifiques du protocole de transfert",
    "Plan de publication du registre", "Projets d'études investigateurs", "Besoins de formation médicale",
    "Cibles de LDL-c : ce que change la recommandation", "Signaux de sécurité avec la pharmacovigilance",
    "Données manquantes chez le sujet âgé", "Relais de {drug} vers {drug2} : revue de la littérature",
    "Conclusions de l'advisory board", "Club de lecture",
]

CLAIMS = [
    "{product} est tout simplement la meilleure option pour vos patients", "rien ne marche mieux que {product}",
    "{product} bat {drug} à chaque fois", "faites de {product} votre réflexe", "{product} est le choix malin",
    "vos patients méritent {product}", "plus aucune raison de prescrire {drug}",
    "le profil de tolérance le plus propre du marché", "le n°1 des cardiologues", "une efficacité imbattable",
    "démarrez vos patients sous {product} dès aujourd'hui",
]

SCIENCE_MESSAGES = [
    "veuillez trouver la publication demandée sur le sous-groupe rénal",
    "comme convenu, les cibles de LDL-c de la recommandation 2025",
    "la table de conversion mg/kg en mg/m2 figure à la rubrique 4.2 du RCP",
    "ci-joint l'étude sur le relais de {drug} vers {drug2}",
    "notre information médicale répondra à votre question sur l'insuffisance hépatique",
    "les résultats de phase 3 seront présentés au congrès le mois prochain",
    "concernant la cible : l'article de revue est joint", "ci-joint le RCP comme demandé",
    "les données sur le switch des lymphocytes T sont en annexe",
]

MSL_PITCH = [
    "je peux vous envoyer notre collègue médical", "la prochaine fois je viens avec notre MSL",
    "notre expert médical peut passer vous voir", "notre conseiller scientifique passera volontiers",
    "j'organise une visite de notre MSL", "notre équipe médicale viendra vous présenter les données",
]

WRAP = {
    ("inquiry.question", "commercial"): [
        "{doc} demande {q}. Pour info : {x}", "{x} - {q} ?", "Médecin ({x}) : {q}", "{q} ? (NB : {x})",
        "{doc}, {x}, voudrait savoir {q}",
    ],
    ("inquiry.question", "clinical"): [
        "{doc} demande {q}", "{q} ?", "Question du médecin : {q}", "Question spontanée : {q}",
        "{doc} voudrait savoir {q}",
    ],
    ("inquiry.interestSummary", "commercial"): ["{doc} {x}", "Le médecin {x}", "Bon échange - {x}", "{x} (selon {doc})"],
    ("inquiry.interestSummary", "clinical"): ["{doc} {x}", "Le médecin {x}", "Bon échange - {x}", "{x} (selon {doc})"],
    ("event.objective", "commercial"): ["{x}", "Objectif : {x}", "{x} d'ici la fin du trimestre"],
    ("event.objective", "clinical"): ["{x}", "Objectif pédagogique : {x}", "{x} pour les participants"],
    ("incentive.metric", "commercial"): ["{x}", "KPI : {x}", "{x} (pondération 30%)", "prime sur {x}"],
    ("incentive.metric", "clinical"): ["{x}", "KPI : {x}", "{x} (pondération 30%)", "objectif : {x}"],
    ("kol.field", "commercial"): ["{x}", "Tier 1 - {x}", "{fact} ; {x}", "Note : {x}"],
    ("kol.field", "clinical"): ["{x}", "Tier 1 - {x}", "{x} ; {fact}", "Note : {x}"],
    ("meeting.agenda", "commercial"): ["{x}", "Point 3 : {x}", "{x} (30 min)", "À discuter : {x}"],
    ("meeting.agenda", "clinical"): ["{x}", "Point 3 : {x}", "{x} (30 min)", "À discuter : {x}"],
    ("outbound.msl", "commercial"): ["{s}. {x} !", "Cher {doc}, {x}.", "{x} - voir pièce jointe."],
    ("outbound.msl", "clinical"): ["{x}.", "Cher {doc}, {x}.", "{x}. Bien cordialement"],
    ("outbound.rep", "commercial"): ["{p} - {x} !", "Cher {doc}, {x}. {p}.", "{p} ; {x}"],
    ("outbound.rep", "clinical"): ["{x}.", "Cher {doc}, {x}.", "{x}. Bien cordialement"],
}

FRAGMENTS = {
    ("inquiry.question", "commercial"): RX_DATA,
    ("inquiry.question", "clinical"): CLINICAL_QUESTIONS,
    ("inquiry.interestSummary", "commercial"): INTENT,
    ("inquiry.interestSummary", "clinical"): INTEREST,
    ("event.objective", "commercial"): BEHAVIOUR,
    ("event.objective", "clinical"): EDUCATION,
    ("incentive.metric", "commercial"): SALES_METRICS,
    ("incentive.metric", "clinical"): ACTIVITY_METRICS,
    ("kol.field", "commercial"): RX_DATA,
    ("kol.field", "clinical"): KOL_FACTS,
    ("meeting.agenda", "commercial"): PROMO_AGENDA,
    ("meeting.agenda", "clinical"): SCIENCE_AGENDA,
    ("outbound.msl", "commercial"): CLAIMS,
    ("outbound.msl", "clinical"): SCIENCE_MESSAGES,
    ("outbound.rep", "commercial"): CLAIMS,
    ("outbound.rep", "clinical"): SCIENCE_MESSAGES,
}
