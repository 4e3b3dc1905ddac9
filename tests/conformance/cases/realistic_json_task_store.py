import json
from dataclasses import dataclass, asdict, field
from datetime import datetime, date
from enum import Enum


class Status(str, Enum):
    OPEN = "open"
    DONE = "done"


@dataclass
class Task:
    id: int
    title: str
    status: Status = Status.OPEN
    due: date | None = None
    tags: list[str] = field(default_factory=list)


class Encoder(json.JSONEncoder):
    def default(self, o):
        if isinstance(o, (date, datetime)):
            return o.isoformat()
        if isinstance(o, Enum):
            return o.value
        return super().default(o)


tasks = [Task(1, "write docs", due=date(2024, 3, 1), tags=["docs"]), Task(2, "ship", Status.DONE)]
text = json.dumps([asdict(t) for t in tasks], cls=Encoder, indent=2)
print(text)
back = [Task(**{**d, "status": Status(d["status"]), "due": date.fromisoformat(d["due"]) if d["due"] else None})
        for d in json.loads(text)]
print(back == tasks, back[0])
try:
    json.dumps({"when": datetime(2024, 1, 1)})
except TypeError as e:
    print("TypeError:", e)
print(json.dumps({"b": 1, "a": [1.5, None, True]}, sort_keys=True), json.loads('{"x": [1, 2, {"y": null}]}'))
try:
    json.loads("{bad json}")
except json.JSONDecodeError as e:
    print("JSONDecodeError:", e.msg, e.lineno, e.colno)
print(json.dumps("héllo"), json.dumps("héllo", ensure_ascii=False), json.dumps([1, 2], separators=(",", ":")))
