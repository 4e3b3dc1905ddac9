"""A chat room: each client has an inbox queue; the room broadcasts."""
import asyncio


class Room:
    def __init__(self, name):
        self.name = name
        self.members: dict[str, asyncio.Queue] = {}
        self.history: list[tuple[str, str]] = []

    def join(self, user: str) -> asyncio.Queue:
        inbox = asyncio.Queue()
        self.members[user] = inbox
        self.broadcast("*", f"{user} joined")
        return inbox

    def leave(self, user: str) -> None:
        del self.members[user]
        self.broadcast("*", f"{user} left")

    def broadcast(self, sender: str, text: str) -> None:
        self.history.append((sender, text))
        for user, inbox in self.members.items():
            if user != sender:
                inbox.put_nowait((sender, text))

    def __repr__(self):
        return f"Room({self.name!r}, members={sorted(self.members)})"


async def client(room: Room, user: str, lines: list[str], delay: float):
    inbox = room.join(user)

    async def reader():
        while True:
            sender, text = await inbox.get()
            print(f"  {user} sees <{sender}> {text}")

    reading = asyncio.create_task(reader())
    for line in lines:
        await asyncio.sleep(delay)
        room.broadcast(user, line)
    await asyncio.sleep(0.5)
    reading.cancel()
    room.leave(user)


async def main():
    room = Room("lobby")
    await asyncio.gather(
        client(room, "ann", ["hi all", "how's it going?"], 0.2),
        client(room, "bob", ["hey ann"], 0.3),
        client(room, "cy", ["brb"], 0.45),
    )
    print(room)
    print(len(room.history), "messages")


asyncio.run(main())
