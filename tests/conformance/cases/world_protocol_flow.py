# Flow control with your own Protocol over a slow link (50 kB/s): the
# transport pauses the protocol above its high-water mark (set to 20000
# here) and resumes it at the low-water mark (high // 4), as CPython's
# selector transport does; then a read that times out (wait_for) while a
# site is still answering, and its answer arriving after the close, dropped.
import asyncio
import time
import loopscope

loopscope.site("sink.example.com", bandwidth=50_000, latency=0.005, routes={"POST /": (200, "ok")})


class Uploader(asyncio.Protocol):
    def __init__(self, done):
        self.done = done

    def connection_made(self, transport):
        self.transport = transport
        print(f"{time.monotonic():.6f} made", transport.get_write_buffer_limits())
        transport.set_write_buffer_limits(high=20_000)
        print(transport.get_write_buffer_limits())
        body = b"y" * 150_000
        transport.write(b"POST / HTTP/1.1\r\nContent-Length: %d\r\n\r\n" % len(body))
        transport.write(body)
        print("buffered", transport.get_write_buffer_size())

    def pause_writing(self):
        print(f"{time.monotonic():.6f} pause", self.transport.get_write_buffer_size())

    def resume_writing(self):
        print(f"{time.monotonic():.6f} resume", self.transport.get_write_buffer_size())

    def data_received(self, data):
        print(f"{time.monotonic():.6f} got", data[-2:])
        self.transport.close()

    def connection_lost(self, exc):
        print(f"{time.monotonic():.6f} lost", exc)
        self.done.set_result(None)


async def main():
    loop = asyncio.get_running_loop()
    done = loop.create_future()
    await loop.create_connection(lambda: Uploader(done), "sink.example.com", 80)
    await done
    r, w = await asyncio.open_connection("example.com", 80)
    w.write(b"GET /delay/3 HTTP/1.1\r\n\r\n")
    try:
        await asyncio.wait_for(r.read(100), 0.5)
    except asyncio.TimeoutError:
        print(f"{time.monotonic():.6f} read timed out")
    w.close()
    await w.wait_closed()
    await asyncio.sleep(5)
    print(f"{time.monotonic():.6f} end")


asyncio.run(main())
