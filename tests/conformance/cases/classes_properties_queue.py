# Plain classes with properties and class methods around an asyncio.Queue,
# and a message dispatcher using isinstance on a small class hierarchy.
import asyncio


class Message:
    count = 0

    def __init__(self, body):
        self.body = body
        Message.count += 1

    def __repr__(self):
        return f"{type(self).__name__}({self.body!r})"


class Ping(Message):
    pass


class Data(Message):
    @property
    def size(self):
        return len(self.body)


class Stop(Message):
    @classmethod
    def now(cls):
        return cls("")


class Worker:
    def __init__(self, name):
        self.name = name
        self._handled = 0

    @property
    def handled(self):
        return self._handled

    @handled.setter
    def handled(self, value):
        if value < self._handled:
            raise ValueError("handled only grows")
        self._handled = value

    @staticmethod
    def describe(msg):
        if isinstance(msg, Data):
            return f"data of {msg.size} bytes"
        if isinstance(msg, (Ping, Stop)):
            return type(msg).__name__.lower()
        return "unknown"

    async def run(self, queue):
        while True:
            msg = await queue.get()
            print(self.name, "got", msg, "->", self.describe(msg))
            self.handled += 1
            queue.task_done()
            if isinstance(msg, Stop):
                return self.handled
            await asyncio.sleep(0.1)


async def main():
    queue = asyncio.Queue()
    worker = Worker("w1")
    task = asyncio.create_task(worker.run(queue))
    for m in [Ping("hi"), Data("abcdef"), Data("xy"), Stop.now()]:
        await queue.put(m)
    await queue.join()
    print("handled", await task, "messages made", Message.count)
    try:
        worker.handled = 1
    except ValueError as e:
        print("refused:", e)


asyncio.run(main())
