# requests is blocking: requests.get to a server run by this program's own
# loop cannot be answered while it holds the loop, so it waits its whole
# read timeout (the ticker task, which wanted to run every 0.5 s, is frozen
# for 2 s), then raises ReadTimeout. A refused connection fails at once.
import asyncio
import requests


async def ticker():
    loop = asyncio.get_running_loop()
    for i in range(6):
        print("tick", i, loop.time())
        await asyncio.sleep(0.5)


async def handle(reader, writer):
    await reader.readline()
    writer.write(b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nhi")
    await writer.drain()
    writer.close()


async def main():
    server = await asyncio.start_server(handle, "localhost", 8080)
    task = asyncio.create_task(ticker())
    await asyncio.sleep(0.7)
    try:
        requests.get("http://localhost:8080/data", params={"page": 2}, timeout=2)
    except requests.exceptions.ReadTimeout as e:
        print("ReadTimeout:", e)
        print(isinstance(e, requests.Timeout), isinstance(e, requests.RequestException), isinstance(e, OSError))
    try:
        requests.post("http://localhost:9999/submit", json={"a": 1})
    except requests.ConnectionError as e:
        print("ConnectionError:", e)
    try:
        requests.get("http://localhost:8080/")
    except RuntimeError as e:
        print("RuntimeError:", e)
    try:
        requests.get("localhost:8080")
    except requests.exceptions.MissingSchema as e:
        print(e)
    await task
    server.close()
    await server.wait_closed()


asyncio.run(main())
