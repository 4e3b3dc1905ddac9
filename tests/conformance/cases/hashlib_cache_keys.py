# hashlib in an asyncio program: workers fetch (simulated) pages and key a
# cache by a short SHA-256 of the URL, checking content with MD5; a page
# returned as str is refused with CPython's TypeError.
import asyncio
import hashlib


async def fetch(url, delay):
    await asyncio.sleep(delay)
    return ("<html>" + url + "</html>").encode()


async def worker(cache, url, delay):
    key = hashlib.sha256(url.encode()).hexdigest()[:8]
    body = await fetch(url, delay)
    h = hashlib.md5()
    h.update(body[:6])
    partial = h.copy()
    h.update(body[6:])
    cache[key] = (url, h.hexdigest(), partial.hexdigest()[:6], len(h.digest()))
    print(f"{asyncio.get_running_loop().time():.1f} {key} {url}")


async def main():
    cache = {}
    urls = ["https://a.example/x", "https://b.example/y", "https://c.example/z"]
    await asyncio.gather(*(worker(cache, u, 0.3 * (3 - i)) for i, u in enumerate(urls)))
    for key in sorted(cache):
        print(key, cache[key])
    try:
        hashlib.sha1(await asyncio.sleep(0.1, result="not bytes"))
    except TypeError as e:
        print("TypeError:", e)
    print(hashlib.new("sha512", b"done").hexdigest()[:16])


asyncio.run(main())
