"""Notification channels: an inheritance hierarchy with super(), properties and class methods."""
import asyncio


class Channel:
    registry = {}
    latency = 0.1

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        Channel.registry[cls.__name__.lower()] = cls

    def __init__(self, target: str):
        self.target = target
        self._sent = 0

    @property
    def sent(self) -> int:
        return self._sent

    @classmethod
    def create(cls, kind: str, target: str) -> "Channel":
        return cls.registry[kind](target)

    async def send(self, text: str) -> str:
        await asyncio.sleep(self.latency)
        self._sent += 1
        return f"{type(self).__name__}->{self.target}: {self.format(text)}"

    def format(self, text: str) -> str:
        return text

    def __repr__(self):
        return f"{type(self).__name__}({self.target!r})"


class Email(Channel):
    latency = 0.5

    def format(self, text):
        return f"Subject: {text[:10]}... | {text}"


class Sms(Channel):
    def format(self, text):
        return super().format(text)[:20]


class UrgentSms(Sms):
    latency = 0.05

    def format(self, text):
        return "URGENT " + super().format(text)


async def main():
    chans = [Channel.create(k, t) for k, t in [("email", "ops@x"), ("sms", "+1555"), ("urgentsms", "+1999")]]
    print(chans, sorted(Channel.registry))
    for line in await asyncio.gather(*(c.send("database replica lagging behind") for c in chans)):
        print(line)
    print([c.sent for c in chans], UrgentSms.__mro__[1].__name__, isinstance(chans[2], Sms))


asyncio.run(main())
