"""German fragments of the labelled corpus (EU), written for it as Außendienst, MSLs and Ärzte write."""

PRODUCTS = ["Cardiozan", "Lipravex", "Glucomira", "Nephrolin", "Oncavir", "Pulmodex"]
DRUGS = ["Warfarin", "Phenprocoumon", "Apixaban", "Rivaroxaban", "Metformin", "Empagliflozin", "Atorvastatin",
         "Rosuvastatin", "Evolocumab", "Semaglutid", "Insulin glargin", "Ticagrelor", "Clopidogrel"]
DOCS = ["Dr. Müller", "Dr. Schmidt", "Frau Dr. Weber", "Dr. Fischer", "Herr Dr. Wagner", "Prof. Becker"]
CITIES = ["Berlin", "München", "Hamburg", "Köln", "Leipzig"]

CLINICAL_QUESTIONS = [
    "wie ist die Evidenz für die Umstellung von {drug} auf {drug2} bei Vorhofflimmern",
    "wie rechnet man mg/kg in mg/m2 für die Kinderdosis um",
    "welche LDL-C-Zielwerte gelten nach akutem Koronarsyndrom",
    "welche Patienten im obersten Dezil des Ausgangs-LDL profitierten am meisten",
    "gibt es Daten zum T-Zell-Switch aus der Phase-2-Studie",
    "welche Zielstrukturen hat {product} außer dem Hauptrezeptor",
    "ist eine Dosisanpassung bei eGFR unter 30 nötig",
    "gibt es Daten zu {product} in Schwangerschaft und Stillzeit",
    "wie wird {drug} vor einer elektiven OP überbrückt",
    "welche Wechselwirkungen gibt es mit starken CYP3A4-Hemmern",
    "welcher HbA1c-Zielwert wurde in der Studie verwendet",
    "darf die Tablette bei Schluckstörungen gemörsert werden",
    "wie hoch war die NNT für den primären Endpunkt",
    "gibt es Subgruppendaten für Patienten über 75",
    "wie gelingt der Wechsel von i.v. auf orale Therapie",
    "welches Monitoring wird bei Leberinsuffizienz empfohlen",
    "braucht es eine Auswaschphase vor Beginn mit {product}",
    "ist das molekulare Target in triple-negativen Tumoren exprimiert",
    "wie sind die Blutungsraten im Register im Vergleich zu {drug}",
    "gibt es Daten zur QT-Verlängerung",
    "wie erfolgt die Dosisumrechnung von {drug} auf {product}",
    "können Dialysepatienten {product} erhalten",
    "welcher Blutdruckzielwert gilt laut neuer Leitlinie",
    "wie titriert man bei CKD Stadium 3 auf die Zieldosis",
    "wie häufig traten Hypoglykämien in Kombination mit Sulfonylharnstoffen auf",
]

RX_DATA = [
    "sie gehört zu den Top-10%-Verordnern", "Vielschreiber bei {drug}", "einer unserer Top-Verordner",
    "NBRx +12% im Quartal", "schreibt ca. 40 Rezepte/Monat", "D10-Arzt", "Dezil 9",
    "Markenanteil 23% in der Praxis", "großer Erfolg bei der Listung in der Klinik", "Anteil sinkt gegenüber {drug}",
    "will Muster, verordnet viel {drug}", "Muster und Zuzahlungskarten dagelassen", "steht auf unserer Zielliste",
    "stärkster Verordner im Gebiet", "seine Verordnungen sind nach dem Rabattvertrag eingebrochen",
    "Potenzial zur Umstellung von {drug}", "Schlüsselkunde der Region", "verordnet sehr viel {drug}",
    "Top-5-Kunde nach Volumen", "hohes Potenzial, schreibt noch wenig", "Rezeptzahlen stagnieren",
    "laut IQVIA im Dezil 9",
]

INTENT = [
    "wird seine Patienten darauf einstellen", "will {product} bei Neupatienten einsetzen",
    "wird es für die nächsten VHF-Patienten aufschreiben", "plant, seine {drug}-Patienten umzustellen",
    "will {product} künftig als erste Wahl nehmen", "fängt nächsten Monat mit der Umstellung an",
    "möchte mehr {product} einsetzen", "wird {product} ab jetzt rezeptieren",
    "will {drug} durch {product} ersetzen", "wird es routinemäßig verschreiben",
    "probiert es diese Woche bei ein paar Patienten aus", "wird die Praxis auf {product} umstellen",
    "hat zugesagt, {product} häufiger zu verordnen", "wird seine Patienten auf {product} setzen",
]

INTEREST = [
    "interessiert sich für die renalen Sicherheitsdaten", "fragte nach Subgruppen bei älteren Patienten",
    "möchte den Wirkmechanismus verstehen", "interessiert sich für das Design der Phase-3-Studie",
    "hatte Fragen zur Dosierung bei Leberinsuffizienz", "möchte die Originalpublikation der Endpunktstudie",
    "fragte, wie die LDL-C-Zielwerte definiert wurden",
    "interessiert sich für Strategien zur Umstellung von {drug} auf {drug2} aus der Literatur",
    "interessiert sich für die Biomarker-Substudie", "fragte nach dem Target und Off-Target-Effekten",
    "möchte Daten zur Anwendung bei CKD", "interessiert sich für Immunogenität",
    "möchte die Umrechnung der Dosis auf mg/m2 verstehen", "fragte nach Daten in der Schwangerschaft",
]

BEHAVIOUR = [
    "Neuverordnungen von {product} bei den Teilnehmern steigern", "Teilnehmer sollen {product} als erste Wahl nehmen",
    "Einsatz von {product} in der Region ausbauen", "{drug}-Patienten der Teilnehmer auf {product} umstellen",
    "NBRx nach der Veranstaltung erhöhen", "Teilnehmer für {product} gewinnen",
    "{product} zur Standardwahl bei Neupatienten machen", "Anteil von {product} bei den Gästen ausbauen",
    "mehr Patienten auf {product} einstellen", "Rezepte in den eingeladenen Praxen steigern",
    "{drug} in den Praxen der Teilnehmer verdrängen", "Zahl der {product}-Verordner erhöhen",
    "Nachfrage nach {product} schaffen",
]

EDUCATION = [
    "Evidenz zur Antikoagulation bei älteren Patienten mit VHF", "LDL-C-Zielwerte in der Sekundärprävention",
    "Management der Hypoglykämie", "Phase-3-Ergebnisse und ihre Grenzen vorstellen",
    "Umrechnung der Dosis von mg/kg in mg/m2 in der Pädiatrie",
    "Evidenzbasierte Umstellung von {drug} auf {drug2}", "Pathophysiologie der HFpEF",
    "Nierenangepasste Dosierung von Antikoagulanzien", "Molekulare Targets in der Onkologie",
    "Neue Blutdruckzielwerte der Leitlinie", "Sicherheitsprofil der SGLT2-Hemmer",
    "Kritische Bewertung aktueller Endpunktstudien", "Perioperatives Management von Antikoagulanzien",
]

SALES_METRICS = [
    "NBRx-Wachstum im Gebiet", "Markenanteil {product}", "TRx gegenüber Plan", "Neuverordnungen",
    "Zielerreichung Gebietsumsatz", "Stückzahlwachstum {product}", "Listungserfolge",
    "Reichweite bei Top-10%-Verordnern", "Anteilsgewinn gegenüber {drug}", "Rezepte pro Monat bei Schlüsselkunden",
    "Nettoumsatz {product}", "Erlös pro Kunde", "Zahl neuer Verordner", "Patientenstarts auf {product}",
]

ACTIVITY_METRICS = [
    "Anzahl KOL-Kontakte", "wissenschaftliche Anfragen in 5 Tagen beantwortet", "unterstützte Publikationen",
    "organisierte Advisory Boards", "abgeschlossene Schulungsmodule", "durchgeführte Fortbildungen",
    "unterstützte IITs", "Qualität der Besuchsberichte", "erfasste Insights pro Quartal",
    "Bewertung wissenschaftlicher Vorträge", "Zertifizierung im Therapiegebiet", "Ziel: 20 KOL-Gespräche pro Quartal",
]

KOL_FACTS = [
    "PI der Phase-3-Endpunktstudie", "Autor der ESC-Leitlinie VHF", "über 40 Publikationen zur Lipidsenkung",
    "Vorsitz der Diabetes-Gesellschaft", "Forschungsschwerpunkt: Targets bei Fibrose",
    "interessiert an LDL-C-Zielwerten bei FH", "Netzwerk: Nephrologie {city}", "h-Index 45",
    "Herausgebergremium einer Kardiologie-Zeitschrift", "leitet die Gerinnungsambulanz in {city}",
    "Mitglied im Steering Committee", "Schwerpunkt Real-World-Evidenz",
]

PROMO_AGENDA = [
    "Q3-Ziele {product} nach Gebiet", "Kampagnenbotschaften zum Relaunch von {product}",
    "Anteile von {drug} zurückgewinnen", "Durchsicht der Top-Verordner", "NBRx-Plan nächstes Quartal",
    "Verkaufsziele und Mitfahrten", "{product} bei Schlüsselkunden pushen", "Launchplan und Markenziele",
    "Wettbewerbspositionierung gegen {drug}", "Rezeptwachstum nach Bezirk", "Incentive-Wettbewerb für den Außendienst",
    "Ranking der Gebiete und Bonus", "Ansprache von D8-D10-Ärzten", "Anteil von {product} ausbauen",
]

SCIENCE_AGENDA = [
    "Phase-3-Daten zu {product}", "Kongress: Abstract-Review", "Wissenschaftliche Fragen aus dem Übergabeprozess",
    "Publikationsplan für das Register", "IIT-Anträge", "Fortbildungsbedarf", "LDL-C-Zielwerte: was die Leitlinie ändert",
    "Sicherheitssignale mit der Pharmakovigilanz", "Datenlücken bei älteren Patienten",
    "Umstellung von {drug} auf {drug2}: Literaturübersicht", "Ergebnisse des Advisory Boards", "Journal Club",
]

CLAIMS = [
    "{product} ist einfach die beste Option für Ihre Patienten", "nichts wirkt besser als {product}",
    "{product} schlägt {drug} jedes Mal", "machen Sie {product} zu Ihrer Standardwahl",
    "{product} ist die klügere Wahl", "Ihre Patienten verdienen {product}", "kein Grund mehr für {drug}",
    "das sauberste Sicherheitsprofil am Markt", "die Nr. 1 der Kardiologen", "unschlagbare Wirksamkeit",
    "beginnen Sie noch heute mit {product}",
]

SCIENCE_MESSAGES = [
    "anbei die gewünschte Publikation zur renalen Subgruppe", "wie besprochen die LDL-C-Zielwerte der Leitlinie 2025",
    "die Umrechnungstabelle mg/kg in mg/m2 finden Sie in Abschnitt 4.2 der Fachinformation",
    "anbei die Studie zur Umstellung von {drug} auf {drug2}",
    "unsere medizinische Information beantwortet Ihre Frage zur Leberinsuffizienz",
    "die Phase-3-Ergebnisse werden nächsten Monat auf dem Kongress vorgestellt",
    "zum Target: der Übersichtsartikel ist beigefügt", "anbei die Fachinformation wie gewünscht",
    "die Daten zum T-Zell-Switch stehen im Anhang",
]

MSL_PITCH = [
    "ich kann unseren medizinischen Kollegen vorbeischicken", "nächstes Mal bringe ich unsere MSL mit",
    "unser Medizin-Experte kann Sie besuchen", "unser wissenschaftlicher Berater kommt gern vorbei",
    "ich organisiere einen Besuch unserer MSL", "unser Medical-Team zeigt Ihnen die Daten vor Ort",
]

WRAP = {
    ("inquiry.question", "commercial"): [
        "{doc} fragt, {q}. Info: {x}", "{x} - {q}?", "Arzt ({x}) fragt: {q}", "{q}? (Hinweis: {x})",
        "{doc}, {x}, möchte wissen, {q}",
    ],
    ("inquiry.question", "clinical"): [
        "{doc} fragt, {q}", "{q}?", "Arzt fragt: {q}", "Spontane Frage: {q}", "{doc} möchte wissen, {q}",
    ],
    ("inquiry.interestSummary", "commercial"): ["{doc} {x}", "Arzt {x}", "Gutes Gespräch - {x}", "{x} (laut {doc})"],
    ("inquiry.interestSummary", "clinical"): ["{doc} {x}", "Arzt {x}", "Gutes Gespräch - {x}", "{x} (laut {doc})"],
    ("event.objective", "commercial"): ["{x}", "Ziel: {x}", "{x} bis Quartalsende"],
    ("event.objective", "clinical"): ["{x}", "Lernziel: {x}", "{x} für die Teilnehmer"],
    ("incentive.metric", "commercial"): ["{x}", "KPI: {x}", "{x} (Gewichtung 30%)", "Bonus auf {x}"],
    ("incentive.metric", "clinical"): ["{x}", "KPI: {x}", "{x} (Gewichtung 30%)", "Ziel: {x}"],
    ("kol.field", "commercial"): ["{x}", "Tier 1 - {x}", "{fact}; {x}", "Notiz: {x}"],
    ("kol.field", "clinical"): ["{x}", "Tier 1 - {x}", "{x}; {fact}", "Notiz: {x}"],
    ("meeting.agenda", "commercial"): ["{x}", "TOP 3: {x}", "{x} (30 min)", "Besprechen: {x}"],
    ("meeting.agenda", "clinical"): ["{x}", "TOP 3: {x}", "{x} (30 min)", "Besprechen: {x}"],
    ("outbound.msl", "commercial"): ["{s}. {x}!", "Sehr geehrte(r) {doc}, {x}.", "{x} - siehe Anhang."],
    ("outbound.msl", "clinical"): ["{x}.", "Sehr geehrte(r) {doc}, {x}.", "{x}. Mit freundlichen Grüßen"],
    ("outbound.rep", "commercial"): ["{p} - {x}!", "Sehr geehrte(r) {doc}, {x}. {p}.", "{p}; {x}"],
    ("outbound.rep", "clinical"): ["{x}.", "Sehr geehrte(r) {doc}, {x}.", "{x}. Mit freundlichen Grüßen"],
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
