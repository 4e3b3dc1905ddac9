import asyncio
import re
from urllib.parse import urljoin, urlparse

PAGES = {
    "http://site.test/": '<a href="/about">About</a> <a href="/blog">Blog</a>',
    "http://site.test/about": '<a href="/">Home</a> <a href="http://other.test/x">ext</a>',
    "http://site.test/blog": '<a href="/blog/1">1</a> <a href="/blog/2">2</a> <a href="/missing">?</a>',
    "http://site.test/blog/1": "no links here",
    "http://site.test/blog/2": '<a href="../about">up</a>',
}

LINK_RE = re.compile(r'href="([^"]+)"')


class NotFound(Exception):
    pass


async def fetch(url):
    await asyncio.sleep(0.05 * len(url) % 0.3)
    try:
        return PAGES[url]
    except KeyError:
        raise NotFound(url) from None


async def crawl(start, max_concurrency=2):
    seen = {start}
    queue = asyncio.Queue()
    queue.put_nowait(start)
    sem = asyncio.Semaphore(max_concurrency)
    errors = []
    host = urlparse(start).netloc

    async def visit(url):
        async with sem:
            try:
                html = await fetch(url)
            except NotFound as e:
                errors.append(str(e))
                return
        for href in LINK_RE.findall(html):
            link = urljoin(url, href)
            if urlparse(link).netloc != host:
                continue
            if link not in seen:
                seen.add(link)
                queue.put_nowait(link)

    while not queue.empty():
        batch = []
        while not queue.empty():
            batch.append(queue.get_nowait())
        await asyncio.gather(*(visit(u) for u in batch))
    return sorted(seen), errors


async def main():
    seen, errors = await crawl("http://site.test/")
    for u in seen:
        print(" ", u)
    print("errors:", errors)
    print(urlparse("https://user@host.test:8080/p/a?q=1#frag"))
    m = re.match(r"(?P<scheme>\w+)://(?P<host>[^/:]+)(?::(?P<port>\d+))?", "https://host.test:8080/x")
    print(m.groupdict(), m.group("host"), m.span(), m.groups())
    print(re.sub(r"(\d+)", lambda mm: str(int(mm.group(1)) * 2), "a1b22c333"))
    print(re.split(r"[,;]\s*", "a, b;c,  d"), re.findall(r"(\w)(\d)", "a1 b2 c3"))
    print(bool(re.fullmatch(r"[a-z]+", "abc")), re.search(r"\bfox\b", "the fox").start())
    print(round(asyncio.get_running_loop().time(), 3))

asyncio.run(main())
