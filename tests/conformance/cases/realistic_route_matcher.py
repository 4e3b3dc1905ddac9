"""A toy async HTTP router: routes by shell-style patterns (fnmatch), handlers are coroutines."""
import asyncio
import fnmatch
from dataclasses import dataclass, field


@dataclass
class Request:
    method: str
    path: str
    body: dict = field(default_factory=dict)


class Router:
    def __init__(self):
        self.routes = []

    def route(self, method: str, pattern: str):
        def register(handler):
            self.routes.append((method, pattern, handler))
            return handler
        return register

    async def dispatch(self, req: Request) -> tuple[int, str]:
        for method, pattern, handler in self.routes:
            if method == req.method and fnmatch.fnmatchcase(req.path, pattern):
                return 200, await handler(req)
        allowed = [m for m, p, _ in self.routes if fnmatch.fnmatchcase(req.path, p)]
        return (405, f"use {'/'.join(allowed)}") if allowed else (404, "not found")


app = Router()


@app.route("GET", "/users/[0-9]*")
async def get_user(req: Request) -> str:
    await asyncio.sleep(0.05)
    return f"user {req.path.rsplit('/', 1)[1]}"


@app.route("POST", "/users")
async def create_user(req: Request) -> str:
    await asyncio.sleep(0.1)
    return f"created {req.body.get('name', '?')}"


@app.route("GET", "/static/*.css")
async def css(req: Request) -> str:
    return "text/css"


@app.route("GET", "/files/???.txt")
async def short_file(req: Request) -> str:
    return "a short name"


async def main():
    requests = [
        Request("GET", "/users/42"), Request("POST", "/users", {"name": "ada"}),
        Request("GET", "/users/abc"), Request("DELETE", "/users/7"), Request("GET", "/static/site.css"),
        Request("GET", "/static/img/logo.png"), Request("GET", "/files/abc.txt"), Request("GET", "/files/abcd.txt"),
    ]
    results = await asyncio.gather(*(app.dispatch(r) for r in requests))
    for req, (status, text) in zip(requests, results):
        print(f"{req.method:<6} {req.path:<22} -> {status} {text}")
    print(fnmatch.filter(["a.py", "b.txt", "c.py", ".d.py"], "*.py"))
    print(fnmatch.fnmatch("data[1].csv", "data[[]1].csv"), fnmatch.fnmatch("x", "[!a-c]"), fnmatch.fnmatch("b", "[!a-c]"))


asyncio.run(main())
