"""Observer pattern with weak references: subscribers that go away stop receiving events."""
import asyncio
import weakref


class Subscriber:
    def __init__(self, name):
        self.name = name
        self.seen = []

    def notify(self, event):
        self.seen.append(event)
        print(f"  {self.name} <- {event}")


class EventBus:
    def __init__(self):
        self._subs = weakref.WeakSet()

    def subscribe(self, sub):
        self._subs.add(sub)

    async def publish(self, event):
        await asyncio.sleep(0.1)
        print(f"publish {event!r} to {len(self._subs)}")
        for sub in sorted(self._subs, key=lambda s: s.name):
            sub.notify(event)


async def main():
    bus = EventBus()
    a, b = Subscriber("a"), Subscriber("b")
    bus.subscribe(a)
    bus.subscribe(b)
    bus.subscribe(Subscriber("temp"))
    await bus.publish("start")
    del b
    await bus.publish("middle")
    c = Subscriber("c")
    bus.subscribe(c)
    bus.subscribe(c)
    await bus.publish("end")
    print(a.seen, c.seen, a in bus._subs, len(bus._subs))
    refs = weakref.WeakKeyDictionary()
    refs[a] = "first"
    refs[c] = "second"
    print(len(refs), refs[a], refs.get(c), sorted(refs.values()))
    del c
    print(len(refs), list(refs.values()), weakref.getweakrefcount(a) >= 1)
    try:
        weakref.ref([1, 2])
    except TypeError as e:
        print("TypeError:", e)


asyncio.run(main())
