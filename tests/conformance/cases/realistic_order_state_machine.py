"""An order workflow as a state machine with Enum and match."""
import asyncio
from enum import Enum, auto


class State(Enum):
    NEW = auto()
    PAID = auto()
    SHIPPED = auto()
    DELIVERED = auto()
    CANCELLED = auto()


TRANSITIONS = {
    (State.NEW, "pay"): State.PAID,
    (State.PAID, "ship"): State.SHIPPED,
    (State.SHIPPED, "deliver"): State.DELIVERED,
    (State.NEW, "cancel"): State.CANCELLED,
    (State.PAID, "cancel"): State.CANCELLED,
}


class Order:
    def __init__(self, oid: int):
        self.oid = oid
        self.state = State.NEW

    async def handle(self, event: str) -> None:
        await asyncio.sleep(0.1)
        match (self.state, event):
            case (State.DELIVERED | State.CANCELLED, _):
                print(f"order {self.oid}: ignoring {event!r}, already {self.state.name}")
            case (state, ev) if (state, ev) in TRANSITIONS:
                self.state = TRANSITIONS[(state, ev)]
                print(f"order {self.oid}: {state.name} -> {self.state.name}")
            case _:
                print(f"order {self.oid}: invalid event {event!r} in {self.state.name}")


async def run(order: Order, events: list[str]):
    for e in events:
        await order.handle(e)
    return order.state


async def main():
    orders = [Order(i) for i in range(3)]
    finals = await asyncio.gather(
        run(orders[0], ["pay", "ship", "deliver", "cancel"]),
        run(orders[1], ["ship", "pay", "cancel"]),
        run(orders[2], ["cancel", "pay"]),
    )
    print([s.name for s in finals])
    print(State.PAID, repr(State.PAID), State.PAID.value, State["SHIPPED"] is State.SHIPPED)
    print(list(State)[:2])


asyncio.run(main())
