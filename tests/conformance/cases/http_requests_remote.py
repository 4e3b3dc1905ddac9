# requests over the simulated world: a defined site and the default site answer
# after their latency while the blocking call holds the loop (the heartbeat
# stops), a 404, a refused connection, and a host that never answers.
import asyncio, time
import requests
import loopscope

loopscope.site("api.example.com", latency=0.1, routes={"/users/1": (200, '{"id": 1, "name": "Ada"}')})

async def heartbeat():
    for _ in range(5):
        print(f"beat {time.monotonic():.2f}")
        await asyncio.sleep(0.1)

async def main():
    hb = asyncio.create_task(heartbeat())
    await asyncio.sleep(0)
    r = requests.get("http://api.example.com/users/1")
    print(r.status_code, r.json(), r.headers["Content-Type"], f"{time.monotonic():.2f}")
    r = requests.get("https://httpbin.org/get", params={"q": "x"})
    print(r.status_code, r.ok, f"{time.monotonic():.2f}")
    r = requests.get("http://api.example.com/missing")
    print(r.status_code, r.reason)
    try:
        r.raise_for_status()
    except requests.HTTPError as e:
        print("HTTPError", e)
    try:
        requests.get("http://localhost:9/")
    except requests.ConnectionError as e:
        print("refused", e)
    try:
        requests.get("http://10.255.255.1/", timeout=0.5)
    except requests.Timeout as e:
        print("timeout", e, f"{time.monotonic():.2f}")
    await hb

asyncio.run(main())
