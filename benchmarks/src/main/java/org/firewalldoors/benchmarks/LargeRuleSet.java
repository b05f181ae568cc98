package org.firewalldoors.benchmarks;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;
import org.firewalldoors.compliance.internal.text.PhraseAutomaton;

/**
 * P3's rule set, the size incumbents allow: 500 rules, each with its own term list of 1,000 phrases
 * (500,000 phrases), deterministic. The US policy's real term lists come first; the rest are phrases of
 * the kind such lists hold, built from a commercial vocabulary and 1,600 drug-like names ("cardiostatin
 * market share", "top decile oncotinib scripts", "switch patients to nephromab"). The 2 KB notes it is
 * scanned on read like clinical and MSL notes (abbreviations, units, accents, symbols, drug names); about
 * one sentence in five carries a phrase of the rule set, some written with the separators and accents a
 * scanner must see through.
 */
public final class LargeRuleSet {

    public static final int RULES = 500;
    public static final int PHRASES_PER_RULE = 1000;
    public static final int NOTE_BYTES = 2048;

    /** The term lists, by name, in order. */
    public final Map<String, List<String>> lists;

    private LargeRuleSet(Map<String, List<String>> lists) {
        this.lists = lists;
    }

    private static final String[] STEMS = {"cardio", "neuro", "onco", "hepato", "nephro", "derma", "gastro",
        "pulmo", "hemato", "immuno", "endo", "rheuma", "ortho", "psycho", "uro", "gyneco", "ophthalmo", "oto",
        "myelo", "lympho", "angio", "osteo", "arthro", "vaso", "thrombo", "glyco", "lipo", "adeno", "fibro",
        "sclero", "myo", "entero", "colo", "procto", "broncho", "pneumo", "cysto", "pyelo", "chole", "pancreato"};
    private static final String[] ENDINGS = {"logy", "pathy", "plasty", "tomy", "scopy", "genic", "toxic", "lytic",
        "statin", "mab", "tinib", "vir", "pril", "sartan", "olol", "azole", "cycline", "mycin", "dipine", "gliptin",
        "parin", "xaban", "semide", "tidine", "prazole", "lukast", "triptan", "setron", "zumab", "ximab", "cept",
        "kinase", "itis", "oma", "emia", "osis", "algia", "ectomy", "gram", "metry"};
    /** What a commercial message measures or pushes, as restricted term lists name it. */
    private static final String[] METRICS = {"market share", "share of market", "script volume", "scripts",
        "new prescriptions", "total prescriptions", "nbrx", "trx", "sales", "revenue", "net sales", "uptake",
        "formulary access", "formulary win", "switch rate", "conversions", "growth", "quota", "targets",
        "share of voice", "launch curve", "rebate", "pricing", "copay card", "samples", "speaker program",
        "detailing", "call plan", "territory ranking", "writers", "prescriber list", "decile ranking"};
    private static final String[] QUALIFIERS = {"weekly", "monthly", "quarterly", "regional", "territory",
        "national", "top decile", "high volume", "low writing", "competitor", "ytd", "q3", "brand", "new",
        "lost"};
    private static final String[] WHO = {"patients", "prescribers", "accounts", "hcps", "writers", "clinics"};
    private static final String[] PUSH = {"switch", "convert", "move", "grow", "win back", "pull through"};

    /** @return one phrase of the kind a restricted term list holds, built from the vocabulary above */
    private static String phrase(Random random, List<String> drugs) {
        String drug = drugs.get(random.nextInt(drugs.size()));
        String metric = METRICS[random.nextInt(METRICS.length)];
        return switch (random.nextInt(6)) {
            case 0, 1 -> drug + " " + metric;
            case 2 -> QUALIFIERS[random.nextInt(QUALIFIERS.length)] + " " + drug + " " + metric;
            case 3 -> PUSH[random.nextInt(PUSH.length)] + " " + WHO[random.nextInt(WHO.length)] + " to " + drug;
            case 4 -> QUALIFIERS[random.nextInt(QUALIFIERS.length)] + " " + metric + " " + drug;
            default -> drug + " " + WHO[random.nextInt(WHO.length)];
        };
    }

    /** @return the rule set; the same every time */
    public static LargeRuleSet generate() {
        Random random = new Random(500_1000L);
        List<String> drugs = drugs();
        Set<String> used = new LinkedHashSet<>();
        Map<String, List<String>> lists = new LinkedHashMap<>();
        JsonObject us = new Gson().fromJson(Fixtures.usPolicyJson(), JsonObject.class).getAsJsonObject("termLists");
        List<String> real = new ArrayList<>();
        us.entrySet().forEach(e -> e.getValue().getAsJsonArray().forEach(p -> real.add(p.getAsString())));
        int realIndex = 0;
        for (int r = 0; r < RULES; r++) {
            Set<String> phrases = new LinkedHashSet<>();
            while (phrases.size() < PHRASES_PER_RULE) {
                String phrase;
                if (realIndex < real.size()) {
                    phrase = real.get(realIndex++);
                } else {
                    phrase = phrase(random, drugs);
                }
                // Each phrase once in the whole set, so the count is what it says.
                if (used.add(phrase)) {
                    phrases.add(phrase);
                }
            }
            lists.put(String.format("list-%03d", r), List.copyOf(phrases));
        }
        return new LargeRuleSet(lists);
    }

    /** @return drug-like names (stem and suffix: "cardiostatin", "oncotinib"), 1,600 of them */
    static List<String> drugs() {
        List<String> drugs = new ArrayList<>();
        for (String s : STEMS) {
            for (String e : ENDINGS) {
                drugs.add(s + e);
            }
        }
        return drugs;
    }

    /** @return every phrase of every list */
    public List<String> phrases() {
        List<String> all = new ArrayList<>();
        lists.values().forEach(all::addAll);
        return all;
    }

    /** @return a policy document with the 500 term lists and one rule per list, for {@code PolicyCompiler} */
    public String policyJson() {
        String[] types = {"OutboundMessage", "Meeting", "CallReport", "Task", "KolProfile"};
        JsonObject doc = new JsonObject();
        doc.addProperty("id", "large");
        doc.addProperty("version", "1.0.0");
        doc.addProperty("region", "US");
        JsonObject termLists = new JsonObject();
        lists.forEach((name, phrases) -> {
            JsonArray a = new JsonArray();
            phrases.forEach(a::add);
            termLists.add(name, a);
        });
        doc.add("termLists", termLists);
        JsonArray rules = new JsonArray();
        int i = 0;
        for (String name : lists.keySet()) {
            JsonObject rule = new JsonObject();
            rule.addProperty("id", "large.rule-" + i);
            rule.addProperty("requirement", "O4");
            rule.addProperty("citation", "benchmark rule " + i);
            rule.addProperty("message", "Restricted phrase of " + name + ".");
            rule.addProperty("effect", i % 5 == 0 ? "BLOCK" : "FLAG");
            JsonObject when = new JsonObject();
            JsonArray actions = new JsonArray();
            actions.add("CREATE");
            actions.add("UPDATE");
            when.add("actions", actions);
            JsonArray recordTypes = new JsonArray();
            recordTypes.add(types[i % types.length]);
            when.add("recordTypes", recordTypes);
            JsonArray fields = new JsonArray();
            JsonObject field = new JsonObject();
            field.addProperty("field", "*");
            field.addProperty("terms", name);
            fields.add(field);
            when.add("fields", fields);
            rule.add("when", when);
            rules.add(rule);
            i++;
        }
        doc.add("rules", rules);
        return new Gson().toJson(doc);
    }

    /** @return the phrase automaton over every list, built as the policy compiler builds it */
    public PhraseAutomaton automaton() {
        PhraseAutomaton.Builder b = PhraseAutomaton.builder();
        lists.forEach(b::addAll);
        return b.build();
    }

    /**
     * A ready-made Aho-Corasick automaton over every phrase (org.ahocorasick 0.6.3), as a rule engine that takes a
     * library for it would build it: whole words only, case-insensitive. It folds case (char by char) and nothing
     * else, so it finds fewer than ours: no accents, look-alikes or separators inside a phrase.
     */
    public org.ahocorasick.trie.Trie ahoCorasick() {
        return org.ahocorasick.trie.Trie.builder().ignoreCase().onlyWholeWords().addKeywords(phrases()).build();
    }

    /**
     * The regular expression a rule engine without an automaton would use: one case-insensitive
     * alternation of every phrase, quoted, between word boundaries.
     */
    public Pattern regex() {
        StringBuilder b = new StringBuilder(phrases().size() * 24).append("\\b(?:");
        boolean first = true;
        for (String p : phrases()) {
            if (!first) {
                b.append('|');
            }
            b.append(Pattern.quote(p));
            first = false;
        }
        return Pattern.compile(b.append(")\\b").toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    // --- clinical notes ---------------------------------------------------------------------------

    private static final String[] SENTENCES = {
        "Pt is a 67-y/o ♀ with HFrEF (EF 35%), seen for f/u after titration of sacubitril/valsartan.",
        "Reports ↓ dyspnea on exertion; NYHA class II. No orthopnea, no PND.",
        "BP 128/76 mmHg, HR 72 bpm, SpO₂ 97% on RA; weight stable at 71,4 kg.",
        "Labs: Na⁺ 138, K⁺ 4.6 mmol/L, eGFR 54 mL/min/1.73m² — stable vs. last visit.",
        "Discussed the PARADIGM-HF subgroup data (NEJM 2014) & the café-au-lait macules noted by dermatology.",
        "Patiënt asks about Ménière's disease in her sister; referred to ENT (Dr. Sjögren-Müller).",
        "Treatment-naïve for SGLT2i; will consider dapagliflozin 10 mg q.d. if K⁺ remains < 5.0.",
        "MSL visit: HCP requested the full PI, the REMS summary and real-world evidence on renal outcomes.",
        "Adverse event? Mild dizziness on day 3 — resolved; reported to PV within 24 h (case #AE-2026-0412).",
        "Plan: repeat BMP in 2 wks; continue β-blocker (bisoprolol 5 mg); diet & exercise counselling.",
        "Hx: T2DM (HbA1c 7.2 %), HTN, CKD G3a; prior MI (2019) s/p PCI → DES to LAD.",
        "Asked about off-label use in HFpEF; answered with the published data only, per SOP MA-014.",
        "Congress follow-up: ESC poster #P1234 «Long-term safety in elderly patients» sent by e-mail.",
        "Née Lefèvre; prefers French-language material (brochure FR-CA) — noted for the next call.",
        "Cohort study enrolment criteria reviewed; she may refer 2–3 patients to site 014 (Zürich).",
        "Reviewed her question on the dosing regimen in hepatic impairment (Child-Pugh B): no data.",
        "Follow-up inquiry logged: interaction with CYP3A4 inhibitors (ketoconazole, clarithromycin).",
        "Discussed unmet need: access to genetic testing for TTR-CM in rural clinics; advisory board idea.",
    };

    /** Sentences of a clinical or MSL note that mention a drug ({@code %s}) and a number ({@code %d}). */
    private static final String[] DRUG_SENTENCES = {
        "Started %s %d mg q.d. after the last visit; tolerating well, no GI complaints.",
        "HCP asked whether %s needs renal dose adjustment below eGFR %d; sent the PI section 2.3.",
        "Reviewed the phase III data of %s (n = %d) and the subgroup over 75 years.",
        "Pt switched off %s after %d weeks because of myalgia; CK normal.",
        "Question on drug–drug interactions of %s with CYP3A4 inhibitors; answer sent within %d h.",
        "Dr. asked for the real-world registry of %s; %d patients enrolled at her site so far.",
        "Adverse event on %s reported to PV (case #%d); mild rash, resolved.",
        "Medical information request: stability of %s outside the fridge for %d days?",
    };
    /** How a note carries a phrase of the rule set: a rep's or a manager's words, quoted or reported. */
    private static final String[] CARRIERS = {
        "Rep mentioned %s during the visit; redirected to medical information.",
        "Email from the sales manager: \"%s\" — not answered.",
        "Slide 4 of the deck said %s; flagged to compliance.",
        "HCP complained that the rep talks about %s at every call.",
        "Note for the file: %s was raised and declined.",
    };

    /**
     * @param count how many notes
     * @return notes of at most {@value #NOTE_BYTES} bytes of UTF-8 each (cut at a word), written as clinical and MSL
     *         notes are (abbreviations, units, accents, symbols, drug names), about one sentence in five carrying a
     *         phrase of the rule set, sometimes written as a person would disguise it
     */
    public List<String> notes(int count) {
        Random random = new Random(2048L);
        List<String> phrases = phrases();
        List<String> drugs = drugs();
        List<String> notes = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            StringBuilder b = new StringBuilder();
            while (b.toString().getBytes(StandardCharsets.UTF_8).length < NOTE_BYTES + 64) {
                int kind = random.nextInt(5);
                if (kind == 0) {
                    String phrase = disguise(random, phrases.get(random.nextInt(phrases.size())));
                    b.append(String.format(CARRIERS[random.nextInt(CARRIERS.length)], phrase));
                } else if (kind == 1) {
                    b.append(String.format(DRUG_SENTENCES[random.nextInt(DRUG_SENTENCES.length)],
                            drugs.get(random.nextInt(drugs.size())), 2 + random.nextInt(400)));
                } else {
                    b.append(SENTENCES[random.nextInt(SENTENCES.length)]);
                }
                b.append(random.nextInt(4) == 0 ? "\n" : " ");
            }
            String note = b.toString();
            while (note.getBytes(StandardCharsets.UTF_8).length > NOTE_BYTES) {
                note = note.substring(0, note.lastIndexOf(' ', note.length() - 2)).stripTrailing();
            }
            notes.add(note);
        }
        return notes;
    }

    /** A phrase as a person might type it: capitalised, upper case, hyphenated, or with an accent. */
    private static String disguise(Random random, String phrase) {
        return switch (random.nextInt(5)) {
            case 0 -> "Re: " + Character.toUpperCase(phrase.charAt(0)) + phrase.substring(1);
            case 1 -> phrase.toUpperCase();
            case 2 -> phrase.replace(' ', '-');
            case 3 -> phrase.replaceFirst("e", "é");
            default -> "\"" + phrase + "\"";
        };
    }
}
