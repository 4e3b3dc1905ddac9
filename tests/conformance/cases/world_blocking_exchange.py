# loopscope.blocking_exchange: the world's primitive for blocking clients
# (what a simulated requests.get stands on): the whole exchange is computed
# at once, and the caller blocks the loop (time.sleep) for the seconds it
# took; the ticker task cannot run meanwhile. Outcomes: open, closed, reset,
# refused, silent (nobody ever answers: an unknown address, or the program's
# own server, which cannot answer a blocked loop).
import asyncio
import time
import loopscope

loopscope.site("api.example.com", latency=0.1, routes={"/u": (200, {"id": 1}), "/boom": {"reset_after": 12, "delay": 1}})


def blocking_get(host, path, close=True):
    req = f"GET {path} HTTP/1.1\r\nHost: {host}\r\n" + ("Connection: close\r\n" if close else "") + "\r\n"
    reply, seconds, outcome = loopscope.blocking_exchange(host, 80, req.encode())
    if seconds is not None:
        time.sleep(seconds)
    return reply, seconds, outcome


async def ticker():
    for _ in range(5):
        print(f"{time.monotonic():.3f} tick")
        await asyncio.sleep(0.2)


async def main():
    t = asyncio.create_task(ticker())
    await asyncio.sleep(0)
    print(blocking_get("api.example.com", "/u"))
    print(blocking_get("api.example.com", "/u", close=False))
    print(blocking_get("api.example.com", "/boom"))
    print(blocking_get("example.com", "/status/500"))
    print(loopscope.blocking_exchange("10.200.0.1", 80, b""))
    print(loopscope.blocking_exchange("api.example.com", 81, b""))
    print(loopscope.blocking_exchange("localhost", 8000, b""))
    server = await asyncio.start_server(lambda r, w: None, "127.0.0.1", 8000)
    print(loopscope.blocking_exchange("localhost", 8000, b""))
    server.close()
    for bad in [(1, 80, b""), ("h", "80", b""), ("h", 80, "x")]:
        try:
            loopscope.blocking_exchange(*bad)
        except TypeError as e:
            print("TypeError:", e)
    await t


asyncio.run(main())
