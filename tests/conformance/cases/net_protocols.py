# loop.create_server / loop.create_connection with Protocol classes.
import asyncio


class EchoServer(asyncio.Protocol):
    def connection_made(self, transport):
        self.transport = transport
        print("server: connection from", transport.get_extra_info("peername")[0])

    def data_received(self, data):
        print("server: received", data)
        self.transport.write(data.upper())

    def eof_received(self):
        print("server: eof")
        self.transport.close()

    def connection_lost(self, exc):
        print("server: lost", exc)


class Client(asyncio.Protocol):
    def __init__(self, message, done):
        self.message = message
        self.done = done

    def connection_made(self, transport):
        transport.write(self.message.encode())
        print("client: sent", self.message)
        transport.write_eof()

    def data_received(self, data):
        print("client: received", data.decode())

    def eof_received(self):
        print("client: eof")

    def connection_lost(self, exc):
        print("client: lost", exc)
        self.done.set_result(True)


async def main():
    loop = asyncio.get_running_loop()
    server = await loop.create_server(EchoServer, "127.0.0.1", 7779)
    done = loop.create_future()
    transport, protocol = await loop.create_connection(
        lambda: Client("hello protocols", done), "127.0.0.1", 7779)
    print("client protocol is a", type(protocol).__name__)
    await done
    print("closing:", transport.is_closing())
    server.close()
    await server.wait_closed()


asyncio.run(main())
