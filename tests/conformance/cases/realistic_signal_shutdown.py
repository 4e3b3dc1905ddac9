import asyncio
import signal
import functools


class Server:
    def __init__(self):
        self.stopping = asyncio.Event()
        self.handled = 0

    def shutdown(self, sig):
        print(f"received {sig.name}, shutting down")
        self.stopping.set()

    async def serve(self):
        while not self.stopping.is_set():
            self.handled += 1
            await asyncio.sleep(0.25)
        return self.handled


async def main():
    loop = asyncio.get_running_loop()
    server = Server()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, functools.partial(server.shutdown, sig))
    loop.call_later(1.1, server.shutdown, signal.SIGTERM)
    print("handled", await server.serve())
    print(int(signal.SIGINT), signal.SIGTERM == 15)

asyncio.run(main())
