import asyncio
import random
from collections import deque


class ChatRoom:
    def __init__(self, name, history=5):
        self.name = name
        self.members: dict[str, asyncio.Queue] = {}
        self.history = deque(maxlen=history)

    def join(self, user):
        q = asyncio.Queue()
        self.members[user] = q
        for msg in self.history:
            q.put_nowait(msg)
        self.broadcast("system", f"{user} joined")
        return q

    def leave(self, user):
        self.members.pop(user, None)
        self.broadcast("system", f"{user} left")

    def broadcast(self, sender, text):
        msg = (sender, text)
        self.history.append(msg)
        for user, q in self.members.items():
            if user != sender:
                q.put_nowait(msg)


async def client(room, user, lines, rng):
    inbox = room.join(user)
    received = []
    for line in lines:
        await asyncio.sleep(rng.random())
        room.broadcast(user, line)
    await asyncio.sleep(1)
    while not inbox.empty():
        received.append(inbox.get_nowait())
    room.leave(user)
    return user, received


async def main():
    rng = random.Random(1234)
    room = ChatRoom("lobby")
    scripts = {
        "ann": ["hi all", "how are you?"],
        "bob": ["hey ann"],
        "cy": ["yo", "brb", "back"],
    }
    results = await asyncio.gather(*(client(room, u, ls, rng) for u, ls in scripts.items()))
    for user, msgs in results:
        print(f"{user} got {len(msgs)}:")
        for sender, text in msgs:
            print(f"   <{sender}> {text}")
    print("history:", list(room.history))
    print(rng.choice(["x", "y", "z"]), rng.randint(1, 100), rng.sample(range(10), 3), round(rng.gauss(0, 1), 6))

asyncio.run(main())
