# requests in a worker thread (asyncio.to_thread): the blocking call holds
# the worker asyncio_0, not the loop, so the ticker keeps its 0.5 s beat.
# Refused at once without a listener; with one (served by this loop, which a
# job cannot reach) the read times out after 1 s of the worker's time.
import asyncio
import requests


async def ticker():
    for i in range(4):
        print("tick", i)
        await asyncio.sleep(0.5)


async def main():
    t = asyncio.create_task(ticker())
    try:
        await asyncio.to_thread(requests.get, "http://127.0.0.1:8080/", timeout=1)
    except requests.ConnectionError as e:
        print("refused:", type(e).__name__, e)
    server = await asyncio.start_server(lambda r, w: None, "127.0.0.1", 8080)
    try:
        await asyncio.to_thread(requests.get, "http://127.0.0.1:8080/", timeout=1)
    except requests.Timeout as e:
        print("timeout:", e)
    await t
    server.close()
    await server.wait_closed()


asyncio.run(main())
