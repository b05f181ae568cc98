"""English fragments of the labelled corpus: written for it, as reps, MSLs and HCPs write (abbreviations, shorthand).

Nothing here was taken from the policies' term lists; the commercial fragments are the ways field people actually
say prescribing and sales context, the clinical ones are ordinary clinical questions that share words with it.
"""

PRODUCTS = ["Cardiozan", "Lipravex", "Glucomira", "Nephrolin", "Oncavir", "Pulmodex", "Thrombexa", "Renavia"]
DRUGS = ["warfarin", "apixaban", "rivaroxaban", "dabigatran", "metformin", "empagliflozin", "dapagliflozin",
         "atorvastatin", "rosuvastatin", "evolocumab", "semaglutide", "insulin glargine", "ticagrelor",
         "clopidogrel", "sacubitril/valsartan", "spironolactone", "tiotropium", "pembrolizumab"]
DOCS = ["Dr. Patel", "Dr Okafor", "Dr. Lindqvist", "Dr Moreno", "Dr. Chen", "Dr Haddad", "Dr. Novak", "Dr Bauer"]

# Ordinary clinical questions an HCP asks, many with words commercial lists also use (switch, target, convert, top).
CLINICAL_QUESTIONS = [
    "what is the evidence for switching patients from {drug} to {drug2} in AF",
    "how do we convert mg/kg to mg/m2 for the paediatric dose of {product}",
    "what are the LDL-C targets after an ACS in the latest guideline",
    "which patients in the top decile of baseline LDL benefited most in the outcome trial",
    "is there data on the T-cell switch mechanism described in the phase 2 paper",
    "what are the known drug targets of {product} besides the primary receptor",
    "is dose adjustment needed when eGFR drops below 30",
    "any data on {product} in pregnancy or lactation",
    "how should {drug} be bridged around elective surgery",
    "what is the interaction profile with strong CYP3A4 inhibitors",
    "does {product} reach HbA1c target faster than {drug} in the head-to-head study",
    "what BP target was used in the trial population",
    "can the tablet be crushed for a patient with dysphagia",
    "what was the NNT for the primary endpoint",
    "are there subgroup results for patients over 75",
    "how do you manage the transition when switching from IV to oral therapy",
    "what monitoring is recommended in hepatic impairment (Child-Pugh B)",
    "is there a washout period needed before starting {product} after {drug}",
    "what is the half-life and does it change in the elderly",
    "is the molecular target expressed in triple negative tumours",
    "which lab values should be checked before the first infusion",
    "what did the real-world registry show on bleeding rates vs {drug}",
    "is there any data on QT prolongation",
    "how many patients discontinued due to GI intolerance",
    "what is the recommended dose conversion from {drug} to {product}",
    "does the label allow use with a P-gp inhibitor",
    "what are the storage conditions once the pen is opened",
    "is there evidence in heart failure with preserved EF",
    "what was the time to target INR in the comparator arm",
    "can patients on dialysis receive {product}",
    "what is the mechanism behind the class switch recombination effect mentioned in the poster",
    "are the phase 3 results published yet and where",
    "what is the relative risk reduction in high-risk patients",
    "is there a pediatric formulation in development",
    "what is the best way to titrate to the target dose in CKD stage 3",
    "how does the efficacy compare across the top and bottom quartiles of baseline HbA1c",
    "does switching the injection site reduce lipodystrophy",
    "what is the rate of hypoglycaemia when combined with a sulfonylurea",
    "what is the recommended approach for patients who miss two doses",
    "are there data on cognitive outcomes in the extension study",
]

# Prescribing data and commercial context, said the way reps say it (H2, K4).
RX_DATA = [
    "she is a top 10% prescriber", "high writer of {drug}", "one of our top prescribers", "NBRx up 12% this qtr",
    "writes ~40 scripts/mo", "D10 doc", "decile 9", "brand share 23% in her practice", "big formulary win last month",
    "mkt shr is slipping vs {drug}", "heavy {drug} user, wants samples", "we left samples and copay cards",
    "he is on our target list", "top writer in the territory", "his TRx dropped after the rebate change",
    "conversion opp from {drug}", "could move her {drug} pts to {product}", "key account for the region",
    "high-volume prescriber", "prescribes a lot of {drug}", "#1 prescriber of {drug} in the area",
    "writes for {product} weekly", "potential to grow her share", "low writer but high potential",
    "top 5 account by volume", "his new-to-brand Rx doubled", "she's a heavy hitter for {drug}",
    "share of wallet is low", "formulary status just changed in our favour", "script count is flat",
    "ranked D9 in IQVIA data", "writes more {drug} than anyone in the district", "volume doc",
    "top prescribers list", "new Rx trend is up", "he gets copay cards from us",
]

# Step-5 summaries that signal prescribing intent (H6).
INTENT = [
    "will put her patients on it", "is going to start using {product} in new patients",
    "said she'll write it for her next AF patients", "plans to move her {drug} patients over",
    "is ready to try {product} first line", "will start switching pts next month",
    "wants to use more {product}", "said he'll add it to his go-to list", "will begin writing {product}",
    "is planning to convert his {drug} patients", "intends to use it in all new starts",
    "is going to replace {drug} with {product}", "expects to prescribe it routinely now",
    "will trial it on a few patients this week", "committed to using {product} for her practice",
    "plans to transition the clinic to {product}", "will recommend {product} over {drug} to colleagues",
    "is keen to get patients started on {product}", "signalled she will increase her use",
    "told me he'll switch his patients", "will make {product} her default",
]

# Step-5 summaries that describe a scientific interest (H6 clinical).
INTEREST = [
    "is interested in the renal safety data", "asked about subgroup results in the elderly",
    "wants to understand the mechanism of action", "is interested in the ongoing phase 3 design",
    "had questions on dosing in hepatic impairment", "would like the full publication of the outcome trial",
    "is curious about real-world bleeding data vs {drug}", "asked how the LDL-C targets were defined in the trial",
    "is interested in switching strategies from {drug} to {drug2} described in the literature",
    "wants to discuss the pharmacokinetics in obesity", "is interested in the biomarker substudy",
    "asked about the drug target and off-target effects", "wants data on QT interval effects",
    "is looking at evidence for use in CKD", "is interested in immunogenicity results",
    "asked for the guideline references on BP targets", "wants to understand the dose conversion to mg/m2",
    "is interested in investigator-initiated study options", "had a question about the safety in pregnancy",
    "wants the statistical analysis plan of the trial", "is interested in the T-cell switch hypothesis",
]

# Event objectives that are a prescribing behaviour (E4).
BEHAVIOUR = [
    "Increase new prescriptions of {product} among attendees", "Get attendees to choose {product} first line",
    "Drive adoption of {product} in the region", "Grow {product} usage among cardiologists",
    "Move attendees' {drug} patients to {product}", "Boost NBRx after the event",
    "Win attendees over to {product}", "Make {product} the go-to choice for new patients",
    "Expand {product} share among invited HCPs", "Raise the number of patients started on {product}",
    "Convince attendees to prefer {product} over {drug}", "Lift scripts in the invited practices",
    "Turn attendees into {product} writers", "Increase the uptake of {product} in primary care",
    "Encourage attendees to start using {product} right away", "Accelerate {product} growth in the territory",
    "Secure commitment to prescribe {product}", "Generate demand for {product}",
    "Displace {drug} in attendees' practices", "Grow the number of {product} prescribers",
]

# Event objectives that are educational (E4 clinical).
EDUCATION = [
    "Review the evidence on anticoagulation in elderly AF patients", "Discuss LDL-C targets in secondary prevention",
    "Update attendees on the management of hypoglycaemia", "Present the phase 3 results and their limitations",
    "Explain how to convert doses between mg/kg and mg/m2 in paediatrics",
    "Discuss evidence-based strategies for switching from {drug} to {drug2}",
    "Cover the pathophysiology of heart failure with preserved EF", "Review renal dosing of anticoagulants",
    "Discuss molecular targets in oncology drug development", "Teach the new BP targets from the guideline",
    "Review diagnosis and staging of CKD", "Discuss the safety profile of SGLT2 inhibitors",
    "Critically appraise the recent outcome trials", "Discuss shared decision-making in AF",
    "Present real-world evidence on bleeding risk", "Explain the T-cell switch concept in immunotherapy",
    "Review perioperative management of anticoagulants", "Update on HbA1c targets in older adults",
    "Discuss adherence barriers reported by patients", "Review the role of biomarkers in risk stratification",
]

# Incentive metrics that are sales metrics (F2).
SALES_METRICS = [
    "NBRx growth in assigned territory", "{product} brand share", "TRx vs plan", "new-to-brand scripts",
    "territory sales attainment", "% growth in {product} units", "formulary wins", "top 10% prescriber reach",
    "market share gain vs {drug}", "scripts/month in key accounts", "net sales of {product}",
    "revenue per account", "sales vs target", "{product} volume uplift", "number of new prescribers",
    "mkt shr", "share of new patient starts", "account conversion rate", "Rx lift after MSL visits",
    "patient starts on {product}", "{product} demand growth",
]

# Incentive metrics that are activity-based (F2 clinical).
ACTIVITY_METRICS = [
    "number of KOL engagements", "scientific inquiries answered within 5 days", "publications supported",
    "advisory boards organised", "congress abstracts reviewed", "training modules completed",
    "medical education events delivered", "investigator-initiated studies supported", "quality of call reports",
    "insights captured per quarter", "time to respond to medical information requests",
    "peer review score of scientific presentations", "number of field medical insights shared",
    "completion of therapeutic area certification", "number of HCP scientific exchanges",
    "switch of CRM to the new medical platform on time", "target: 20 KOL interactions per quarter",
    "ad boards with documented outcomes", "accuracy of medical responses", "clinical trial site referrals",
]

# KOL profile facts that are scientific (K4 clinical).
KOL_FACTS = [
    "PI of the phase 3 outcome trial", "author of the ESC AF guideline", "40+ publications on lipid lowering",
    "chairs the national diabetes society", "research focus: drug targets in fibrosis",
    "interested in LDL-C targets in familial hypercholesterolaemia", "peer network: nephrology group of {city}",
    "speaker at ADA on the T-cell switch hypothesis", "top 1% cited author in cardiology",
    "h-index 45", "editorial board of a cardiology journal", "investigator in registry of {drug} switching",
    "leads a research group on molecular targets", "interested in dose conversion in paediatrics",
    "co-author of the consensus statement on BP targets", "runs the anticoagulation clinic at {city} university",
    "trial steering committee member", "focus on real-world evidence", "mentor to young investigators",
    "reviewer for the heart failure guideline",
]

# Agenda items of promotional strategy or prescribing targets (O1).
PROMO_AGENDA = [
    "Q3 {product} targets by territory", "Campaign messaging for the {product} relaunch",
    "How to win back share from {drug}", "Top prescriber list review", "NBRx plan for next quarter",
    "Rep ride-alongs and sales goals", "Pushing {product} in key accounts", "Launch plan and brand objectives",
    "Formulary pull-through tactics", "Competitive positioning vs {drug}", "Script growth by district",
    "Incentive contest for reps", "Call plan for high writers", "Brand plan {product} 2027",
    "Copay card program roll-out", "Samples strategy", "Message testing for the detail aid",
    "Territory ranking and bonus", "Targeting D8-D10 physicians", "How to grow {product} share",
]

# Agenda items of scientific content (O1 clinical).
SCIENCE_AGENDA = [
    "Review of the phase 3 data on {product}", "Upcoming congress: abstract review",
    "Scientific questions from the hand-off protocol", "Publication plan for the registry",
    "Investigator-initiated study proposals", "Medical education needs assessment",
    "LDL-C targets: what the new guideline changes", "Safety signal review with pharmacovigilance",
    "Data gaps in elderly patients", "KOL scientific priorities (medical to commercial)",
    "Switching from {drug} to {drug2}: literature review", "Drug target validation results",
    "Advisory board outcomes", "HbA1c target debate in older adults", "Boundary disputes and escalations",
    "Real-world evidence study design", "Dose conversion tables for paediatrics", "Journal club",
    "Medical information response quality", "Review of the T-cell switch mechanism paper",
]

# Promotional claims in MSL-authored outbound content (O4).
CLAIMS = [
    "{product} is simply the best option for your patients", "nothing works better than {product}",
    "{product} wins against {drug} every time", "make {product} your go-to",
    "{product} is the smarter choice", "stronger results than any other option",
    "your patients deserve {product}", "no reason to use {drug} anymore",
    "{product} has the cleanest safety profile on the market", "the #1 choice of cardiologists",
    "proven superior in every way", "start your patients on {product} today", "the only one you'll need",
    "unbeatable efficacy", "why settle for {drug}", "better outcomes, full stop",
    "{product}: the new standard for every patient", "trusted by top specialists everywhere",
]

# Scientific outbound content (O4/O7 clinical).
SCIENCE_MESSAGES = [
    "Please find attached the publication you requested on the renal subgroup",
    "As discussed, here are the LDL-C targets from the 2025 guideline",
    "The dose conversion table (mg/kg to mg/m2) is in the SmPC section 4.2",
    "Attached is the study on switching from {drug} to {drug2}",
    "Our medical information team will answer your question on hepatic impairment",
    "The phase 3 results will be presented at the congress next month",
    "You asked about the drug target: the review article is attached",
    "Here is the full prescribing information as requested",
    "The registry data on bleeding rates are summarised in the attached poster",
    "Thank you for the question on QT prolongation; the thorough QT study is attached",
    "The investigator-initiated study portal is open for submissions",
    "The T-cell switch data you mentioned are in the supplementary appendix",
    "Information on use in pregnancy is limited; see section 4.6",
    "Please contact medical information for unsolicited scientific questions",
    "The HbA1c target analysis is in table 3 of the paper",
]

# A rep's message that pitches an MSL visit (O7, combined with a claim).
MSL_PITCH = [
    "I can have our medical person come by", "I'll bring our MSL next time", "our medical expert can visit you",
    "let me send our medical liaison over", "our science guy will drop in", "I'll set up a visit with our MSL",
    "our medical team will come and show you the data", "my MSL colleague can stop by your office",
    "I can get our medical liaison to present to your team", "our MSL will swing by",
]

CITIES = ["Boston", "Denver", "Chicago", "Austin", "Seattle"]

# Wrappers per context: {x} is the fragment; commercial wrappers may mix in a clinical question {q}.
WRAP = {
    ("inquiry.question", "commercial"): [
        "{doc} asks {q}. fyi {x}", "{x} - {q}?", "HCP ({x}) asked: {q}", "{q}? (note: {x})",
        "{doc}, {x}, wants to know {q}", "Q from {doc}: {q}. Context: {x}", "{x}. asked {q}",
    ],
    ("inquiry.question", "clinical"): [
        "{doc} asks {q}", "{q}?", "HCP asked: {q}", "Unsolicited question: {q}", "Q from {doc}: {q}",
        "{doc} would like to know {q}", "pt-related question - {q}",
    ],
    ("inquiry.interestSummary", "commercial"): [
        "{doc} {x}", "HCP {x}", "Good discussion - {x}", "Spoke about the data; {x}", "{x} (per {doc})",
    ],
    ("inquiry.interestSummary", "clinical"): [
        "{doc} {x}", "HCP {x}", "Good discussion - {x}", "Scientific exchange done; {x}", "{x} (per {doc})",
    ],
    ("event.objective", "commercial"): ["{x}", "Objective: {x}", "{x} by the end of the quarter", "Goal - {x}"],
    ("event.objective", "clinical"): ["{x}", "Objective: {x}", "Learning objective - {x}", "{x} for attendees"],
    ("incentive.metric", "commercial"): ["{x}", "KPI: {x}", "{x} (weighted 30%)", "bonus on {x}"],
    ("incentive.metric", "clinical"): ["{x}", "KPI: {x}", "{x} (weighted 30%)", "goal: {x}"],
    ("kol.field", "commercial"): ["{x}", "Tier 1 - {x}", "{fact}; {x}", "notes: {x}", "{x}, also {fact}"],
    ("kol.field", "clinical"): ["{x}", "Tier 1 - {x}", "{x}; {fact}", "notes: {x}"],
    ("meeting.agenda", "commercial"): ["{x}", "Item 3: {x}", "{x} (30 min)", "Discuss: {x}"],
    ("meeting.agenda", "clinical"): ["{x}", "Item 3: {x}", "{x} (30 min)", "Discuss: {x}"],
    ("outbound.msl", "commercial"): ["{s}. {x}!", "{x}. {s}.", "Dear {doc}, {x}.", "{x} - see attached."],
    ("outbound.msl", "clinical"): ["{x}.", "Dear {doc}, {x}.", "{x}. Kind regards", "Hello, {x}."],
    ("outbound.rep", "commercial"): ["{p} - {x}!", "Dear {doc}, {x}. {p}.", "{x}. {p} to tell you more.",
                                     "{p}; {x}"],
    ("outbound.rep", "clinical"): ["{x}.", "Dear {doc}, {x}.", "{x}. Kind regards", "Hello, {x}."],
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
