"""Slug and template helpers used by an async static-site builder."""
import asyncio
import string


def slugify(title: str) -> str:
    allowed = set(string.ascii_lowercase + string.digits + "-")
    s = "-".join(title.lower().split())
    return "".join(c for c in s if c in allowed).strip("-")


async def render(page: dict) -> str:
    await asyncio.sleep(len(page["body"]) / 100)
    tpl = string.Template("<h1>$title</h1><p>$body</p>")
    return f"{slugify(page['title'])}.html: " + tpl.safe_substitute(page)


async def main():
    pages = [{"title": "Hello, World!", "body": "first post"},
             {"title": "  Async IO in Python 3.11 ", "body": "event loops, tasks and more"},
             {"title": "Ünïcode & Friends", "body": "naïve café"}]
    for out in await asyncio.gather(*map(render, pages)):
        print(out)
    print("hello world".title(), "Hello".swapcase(), "a\tb".expandtabs(4), "x".center(5, "*"))
    print("{name} is {age}".format_map({"name": "ann", "age": 3}), "42".zfill(5), "3.14".partition("."))


asyncio.run(main())
