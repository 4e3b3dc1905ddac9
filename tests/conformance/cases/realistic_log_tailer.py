"""A log tailer: writers append lines, a tailer parses them with regexes."""
import asyncio
import re

LINE = re.compile(r"^(?P<ts>\d{2}:\d{2}:\d{2}) \[(?P<level>[A-Z]+)\] (?P<src>[\w.]+): (?P<msg>.*)$")
DURATION = re.compile(r"took (\d+(?:\.\d+)?)ms")
USER = re.compile(r"user=(\w+)")


async def writer(name, lines, queue, delay):
    for text in lines:
        await asyncio.sleep(delay)
        await queue.put(text)
    await queue.put(None)


async def tailer(queue, writers):
    levels = {}
    slow = []
    users = set()
    bad = 0
    done = 0
    while done < writers:
        line = await queue.get()
        if line is None:
            done += 1
            continue
        m = LINE.match(line)
        if not m:
            bad += 1
            print("unparsed:", repr(line))
            continue
        level = m["level"]
        levels[level] = levels.get(level, 0) + 1
        d = DURATION.search(m.group("msg"))
        if d and float(d.group(1)) > 100:
            slow.append((m["src"], float(d.group(1))))
        users.update(USER.findall(m["msg"]))
        if level == "ERROR":
            print("alert at", m.group("ts"), "from", m["src"], "->", re.sub(r"\d+", "N", m["msg"]))
    return levels, slow, sorted(users), bad


async def main():
    queue = asyncio.Queue()
    web = ["10:00:01 [INFO] web.req: GET /a took 12ms user=ann",
           "10:00:02 [WARN] web.req: GET /b took 250.5ms user=bob",
           "garbage line",
           "10:00:04 [ERROR] web.req: 503 on /c after 3 retries user=ann"]
    db = ["10:00:01 [INFO] db.pool: checkout took 101ms",
          "10:00:03 [ERROR] db.pool: timeout 30s on conn 7",
          "10:00:05 [INFO] db.pool: user=cy reconnected"]
    levels, slow, users, bad = await run_all(queue, web, db)
    print("levels:", dict(sorted(levels.items())))
    print("slow:", slow)
    print("users:", users, "unparsed:", bad)
    print(re.split(r"\s*[;,]\s*", "a, b;c ,d"), re.fullmatch(r"\d+ms", "12ms") is not None)


async def run_all(queue, web, db):
    results = await asyncio.gather(
        tailer(queue, 2),
        writer("web", web, queue, 0.3),
        writer("db", db, queue, 0.5),
    )
    return results[0]


asyncio.run(main())
