from enum import Enum, IntEnum, Flag, auto
from dataclasses import dataclass


class State(Enum):
    IDLE = "idle"
    RUNNING = "running"
    PAUSED = "paused"
    STOPPED = "stopped"


class Perm(Flag):
    READ = auto()
    WRITE = auto()
    EXEC = auto()


class Priority(IntEnum):
    LOW = 1
    MEDIUM = 2
    HIGH = 3


TRANSITIONS = {
    State.IDLE: {"start": State.RUNNING},
    State.RUNNING: {"pause": State.PAUSED, "stop": State.STOPPED},
    State.PAUSED: {"resume": State.RUNNING, "stop": State.STOPPED},
    State.STOPPED: {},
}


class InvalidTransition(Exception):
    pass


@dataclass
class Machine:
    name: str
    state: State = State.IDLE

    def fire(self, event: str) -> State:
        try:
            self.state = TRANSITIONS[self.state][event]
        except KeyError:
            raise InvalidTransition(f"{self.name}: cannot {event!r} while {self.state.value}") from None
        return self.state


def describe(cmd):
    match cmd:
        case {"action": "move", "x": int(x), "y": int(y)}:
            return f"move to ({x}, {y})"
        case {"action": "say", "text": str() as text} if text:
            return f"say {text!r}"
        case ["batch", *rest]:
            return f"batch of {len(rest)}"
        case (a, b):
            return f"pair {a}/{b}"
        case State.IDLE | State.STOPPED:
            return "inactive"
        case Machine(name=n, state=State.RUNNING):
            return f"machine {n} running"
        case _:
            return "unknown"


m = Machine("m1")
for ev in ["start", "pause", "resume", "stop", "start"]:
    try:
        print(ev, "->", m.fire(ev))
    except InvalidTransition as e:
        print("error:", e, e.__cause__, e.__suppress_context__)
print(m)
for c in [{"action": "move", "x": 1, "y": 2}, {"action": "say", "text": "hi"}, ["batch", 1, 2, 3], (1, 2),
          State.IDLE, Machine("z", State.RUNNING), 42]:
    print(describe(c))
rw = Perm.READ | Perm.WRITE
print(rw, Perm.READ in rw, Perm.EXEC in rw, repr(rw), ~Perm.READ)
print(sorted([Priority.HIGH, Priority.LOW, Priority.MEDIUM]), Priority.HIGH > 2, Priority(2).name)
print([s.name for s in State], State("paused"))
try:
    State("flying")
except ValueError as e:
    print(e)
