"""Replays the attacks of issue 14 (items 1, 2, 7, 8) and a text built to make the content scan slow (9) against a
running distribution and prints figures.

usage: attack.py BASE_URL   (BASE_URL ends in /api/v1; the demo users, password demo)
Exit status 1 when any attack got anything through.
"""
import base64
import json
import statistics
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid

BASE = sys.argv[1]
failures = []


def call(method, path, user, body=None):
    data = None if body is None else json.dumps(body).encode()
    req = urllib.request.Request(BASE + path, data=data, method=method)
    req.add_header("Authorization", "Basic " + base64.b64encode((user + ":demo").encode()).decode())
    if data is not None:
        req.add_header("Content-Type", "application/json")
    try:
        with urllib.request.urlopen(req, timeout=30) as r:
            return r.status, r.read().decode()
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode()


def created(path, user, body):
    status, text = call("POST", path, user, body)
    if status != 201:
        raise SystemExit(f"setup failed: POST {path} as {user}: {status} {text}")
    return json.loads(text)["id"]


def expect(what, ok):
    if not ok:
        failures.append(what)
        print("FAIL " + what)


def q(v):
    return urllib.parse.quote(str(v))


run = uuid.uuid4().hex[:8]

# --- 1. filter oracle: a right guess of a hidden value must answer exactly as a wrong one -------------------------
guesses = distinguishable = 0
for i in range(15):
    hcp = f"hcp-oracle-{run}-{i}"
    created("/records/KolProfile", "msl.us", {"hcpId": hcp, "name": f"Dr. Oracle {i}", "scientificInterests": ["lipids"],
                                              "visitCount": i + 3, "lastVisit": f"2026-11-{i + 1:02d}",
                                              "mslNotes": f"notes {i}"})
    created("/records/AccountPlan", "msl.us", {"accountId": hcp, "mslCallFrequency": f"every {i + 2} weeks",
                                               "medicalObjective": f"objective {i}"})
    created("/handoffs", "rep.us", {"hcpId": hcp, "hcpContact": {"email": "dr@example.org"},
                                    "category": "MECHANISM_OF_ACTION", "question": "How does the metabolite work?",
                                    "product": "Cardiozan", "unsolicited": True,
                                    "preferredContact": {"channel": "EMAIL", "window": "mornings"}})
    for path, field, right, wrong, user in [
            (f"/records/KolProfile?hcpId={q(hcp)}", "visitCount", i + 3, i + 4, "rep.us"),
            (f"/records/KolProfile?hcpId={q(hcp)}", "lastVisit", f"2026-11-{i + 1:02d}", "2026-10-01", "rep.us"),
            (f"/records/KolProfile?hcpId={q(hcp)}", "mslNotes", f"notes {i}", "notes x", "rep.us"),
            (f"/records/AccountPlan?accountId={q(hcp)}", "mslCallFrequency", f"every {i + 2} weeks", "never", "rep.us"),
            (f"/records/AccountPlan?accountId={q(hcp)}", "medicalObjective", f"objective {i}", "none", "salesdir.us"),
            (f"/records/ScientificInquiry?hcpId={q(hcp)}", "priority", "ROUTINE", "URGENT", "rep.us")]:
        a = call("GET", f"{path}&{field}={q(right)}", user)
        b = call("GET", f"{path}&{field}={q(wrong)}", user)
        guesses += 1
        if a != b:
            distinguishable += 1
print(f"attack 1, filter oracle: {distinguishable} of {guesses} right guesses distinguishable from wrong ones")
expect("filter oracle", distinguishable == 0)

# Timing: filtering call reports on an HCP with MSL reports vs one without, as a rep.
with_reports = f"hcp-timing-{run}"
for i in range(40):
    created("/records/CallReport", "msl.us", {"hcpId": with_reports, "notes": f"visit {i}"})
times = {"with": [], "without": []}
for i in range(120):
    for key, hcp in (("with", with_reports), ("without", f"hcp-none-{run}")):
        t = time.perf_counter()
        status, body = call("GET", f"/records/CallReport?hcpId={q(hcp)}", "rep.us")
        times[key].append((time.perf_counter() - t) * 1000)
        expect(f"timing query {key}", status == 200 and json.loads(body)["records"] == [])
m_with, m_without = statistics.median(times["with"]), statistics.median(times["without"])
ratio = m_with / m_without
print(f"attack 1, filter timing: median {m_with:.2f} ms with 40 MSL reports on the HCP, {m_without:.2f} ms without "
      f"(ratio {ratio:.2f})")
expect("filter timing within 25%", 0.8 <= ratio <= 1.25)

# --- 2. delete: a rep deletes Medical Affairs' records ---------------------------------------------------------
targets = [
    ("AccountPlan", created("/records/AccountPlan", "msl.us", {"accountId": f"acc-{run}",
                                                                "medicalObjective": "trial design"})),
    ("Meeting", created("/records/Meeting", "msl.us", {"title": "Journal club", "kind": "OTHER",
                                                        "attendees": ["msl.us", "msl2.us"]})),
    ("IncentivePlan", created("/records/IncentivePlan", "msldir.us", {"userId": "msl.us",
                                                                       "metrics": ["publications supported"]})),
    ("MedicalEducationEvent", created("/records/MedicalEducationEvent", "msl.us", {
        "title": "Lipid science update", "educationalNeed": "new guideline", "content": ["LDL biology"]})),
]
deleted = 0
for rtype, rid in targets:
    status, _ = call("DELETE", f"/records/{rtype}/{rid}", "rep.us")
    still, _ = call("GET", f"/records/{rtype}/{rid}", "msl.us" if rtype != "IncentivePlan" else "msldir.us")
    if status < 300 or still != 200:
        deleted += 1
print(f"attack 2, delete: {deleted} of {len(targets)} medical records deleted by a rep")
expect("delete", deleted == 0)

# --- 7. audit amplification: one entry per list call ----------------------------------------------------------
status, body = call("GET", "/audit?limit=1", "compliance.us")
newest = json.loads(body)["entries"][0]["seq"]
lists = 50
list_times = []
for _ in range(lists):
    t = time.perf_counter()
    call("GET", "/records/CallReport", "rep.us")
    list_times.append((time.perf_counter() - t) * 1000)
rows, before = 0, None
while True:
    status, body = call("GET", "/audit?limit=1000" + ("" if before is None else f"&before={before}"), "compliance.us")
    page = json.loads(body)
    fresh = [e for e in page["entries"] if e["seq"] > newest]
    rows += len([e for e in fresh if e["event"]["actor"] == "rep.us"])
    if len(fresh) < len(page["entries"]) or "next" not in page:
        break
    before = page["next"]
p99 = sorted(list_times)[int(0.99 * (len(list_times) - 1))]
print(f"attack 7, audit amplification: {lists} list calls concealing 40+ reports each -> {rows} audit rows "
      f"({rows / lists:.1f} per list call); list p99 {p99:.1f} ms")
expect("one audit row per list call", rows == lists)

# --- 8. metadata side channels ----------------------------------------------------------------------------------
hcp = f"hcp-meta-{run}"
kol = created("/records/KolProfile", "msl.us", {"hcpId": hcp, "name": "Dr. Meta", "scientificInterests": ["lipids"],
                                                "mslNotes": "first"})
_, seen = call("GET", f"/records/KolProfile/{kol}", "rep.us")
seen = json.loads(seen)
since = time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(time.time() + 1)) + "Z"
time.sleep(1.2)
for n in range(3):
    status, _ = call("PUT", f"/records/KolProfile/{kol}", "msl.us", {"mslNotes": f"edit {n}", "visitCount": n})
    expect("msl edit", status == 200)
_, again = call("GET", f"/records/KolProfile/{kol}", "rep.us")
again = json.loads(again)
moved = [k for k in ("version", "updatedAt") if seen.get(k) != again.get(k)]
_, exported = call("GET", f"/kol-intelligence/export?region=US&since={since}", "rep.us")
reappeared = exported.count(hcp)
hidden_id = json.loads(call('GET', '/records/CallReport', 'msl.us')[1])['records'][0]['id']
absent_id = str(uuid.uuid4())
stale_status, _ = call("PUT", f"/records/CallReport/{hidden_id}", "rep.us", {"notes": "x", "version": 999})
absent_status, _ = call("PUT", f"/records/CallReport/{absent_id}", "rep.us", {"notes": "x", "version": 999})
# Every way of touching a record the caller may not see answers exactly as for one that does not exist.
told_apart = 0
for method, suffix, body in [("GET", "", None), ("PUT", "", {"notes": "x"}), ("DELETE", "", None),
                             ("POST", "/share", {"recipient": "rep2.us"}), ("POST", "/assign", {"assignee": "rep2.us"})]:
    hidden = call(method, f"/records/CallReport/{hidden_id}{suffix}", "rep.us", body)
    absent = call(method, f"/records/CallReport/{absent_id}{suffix}", "rep.us", body)
    if (hidden[0], hidden[1].replace(hidden_id, "ID")) != (absent[0], absent[1].replace(absent_id, "ID")):
        told_apart += 1
        print(f"  {method} {suffix or 'record'}: hidden {hidden} vs absent {absent}")
print(f"attack 8, metadata: after 3 medical-only edits the rep's view moved in {moved or 'nothing'}; "
      f"export since before the edits handed the profile out {reappeared} times; stale write on a concealed "
      f"record {stale_status} vs absent {absent_status}; {told_apart} of 5 ways of touching a hidden record told apart "
      f"from an absent one")
expect("metadata", not moved and reappeared == 0 and stale_status == absent_status == 404 and told_apart == 0)

# --- 9. scan cost: a text made of one proximity side repeated, near the body limit, must not hold a thread ---------
# Until 2026-12-06 every side of a proximity phrase was tried against every match of the text: this 60 KB
# agenda got no answer within 30 s (quadratic), the 6 KB one took 0.54 s; a few at once pinned every core. Now the
# scan is linear (0.12 s and 0.08 s on the same machine).
# (A text is bounded at 10,000 chars, but the items of a list are read as one text, so that a phrase split across two
# items is found: six agenda items make one 60 KB text, within the 64 KB body limit.)
unit = "top 10% in "
timings = {}
for label, repeat in (("6 KB", 1000 // len(unit)), ("60 KB", 9900 // len(unit))):
    body = {"title": "Q3 review", "agenda": [unit * repeat] * 6, "attendees": ["rep.us", "rep2.us"]}
    started = time.monotonic()
    try:
        status, _ = call("POST", "/records/Meeting", "rep.us", body)
    except OSError as e:  # the 30 s timeout of call()
        status = f"no answer ({e})"
    timings[label] = (status, time.monotonic() - started)
print("attack 9, scan cost: " + ", ".join(f"{k} agenda answered {v[0]} in {v[1]:.2f} s" for k, v in timings.items())
      + " (before the linear scan: no answer within 30 s for the 60 KB one)")
expect("scan cost", all(v[0] in (201, 422) for v in timings.values()) and timings["60 KB"][1] < 10)

print(f"attack: {len(failures)} failed" + (": " + ", ".join(failures) if failures else ""))
sys.exit(1 if failures else 0)
