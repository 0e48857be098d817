"""Run inside the app (manage.py shell): is every acknowledged write in the database?
Reads the JSON lines of LOAD_ACK_FILE, prints one JSON object with counts per kind."""

import json
import os
from collections import defaultdict

from django.apps import apps
from django.contrib.auth import get_user_model

Contribution = apps.get_model("participation", "Contribution")
Comment = apps.get_model("participation", "Comment")
Support = apps.get_model("participation", "Support")
SurveyResponse = apps.get_model("participation", "SurveyResponse")
DotBallot = apps.get_model("participation", "DotBallot")
Measure = apps.get_model("strategy", "Measure")
users = {u.username: u.pk for u in get_user_model().objects.only("username")}

acked, stored, missing = defaultdict(int), defaultdict(int), []
last_marker, measure_acks = {}, defaultdict(int)
for line in open(os.environ["LOAD_ACK_FILE"]):  # noqa: SIM115
    entry = json.loads(line)
    kind = entry["kind"]
    if kind == "measure":
        if entry["seq"] >= last_marker.get(entry["id"], (0, ""))[0]:
            last_marker[entry["id"]] = (entry["seq"], entry["marker"])
        acked[kind] += 1
        measure_acks[entry["id"]] += 1
        continue
    acked[kind] += 1
    user = users.get(entry.get("user"))
    if kind == "idea":
        found = Contribution.objects.filter(pk=entry["id"], title=entry["title"]).exists()
    elif kind == "comment":
        found = Comment.objects.filter(text=entry["text"], author_id=user).exists()
    elif kind == "support":
        found = Support.objects.filter(contribution_id=entry["idea"], user_id=user).exists()
    elif kind == "survey":
        found = SurveyResponse.objects.filter(survey_id=entry["survey"], user_id=user).exists()
    elif kind == "dotvote":
        found = DotBallot.objects.filter(
            prioritisation_id=entry["prioritisation"], user_id=user
        ).exists()
    else:
        found = False
    if found:
        stored[kind] += 1
    else:
        missing.append(entry)
for pk, (seq, marker) in last_marker.items():
    # One coordinator per measure, one update after the other: the measure holds the last
    # acknowledged update, or a later one whose answer the client did not see (in flight
    # when the test ended); each earlier one was stored and then overwritten.
    now = Measure.objects.filter(pk=pk).values_list("partners", flat=True).first() or ""
    parts = now.removeprefix(f"Laststand {pk}-").split("-")
    later = now.startswith(f"Laststand {pk}-") and parts[0].isdigit() and int(parts[0]) > seq
    if now == marker or later:
        stored["measure"] += measure_acks[pk]
    else:
        missing.append({"kind": "measure", "id": pk, "marker": marker, "found": now})
print(
    json.dumps(
        {
            "acked": acked,
            "stored": stored,
            "measures": len(last_marker),
            "missing": missing[:20],
            "missing_count": len(missing),
        }
    )
)
