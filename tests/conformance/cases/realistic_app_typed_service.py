"""A typed service layer: typing annotations everywhere, none affecting the run."""
from __future__ import annotations

import asyncio
from typing import Any, Awaitable, Callable, Dict, Generic, List, Optional, TypeVar

T = TypeVar("T")
Handler = Callable[[Dict[str, Any]], Awaitable[Optional[str]]]


class Result(Generic[T]):
    def __init__(self, value: Optional[T] = None, error: str | None = None) -> None:
        self.value = value
        self.error = error

    @property
    def ok(self) -> bool:
        return self.error is None

    def __repr__(self) -> str:
        return f"Result(ok={self.value!r})" if self.ok else f"Result(err={self.error!r})"


class Router:
    def __init__(self) -> None:
        self.routes: dict[str, Handler] = {}

    def route(self, path: str) -> Callable[[Handler], Handler]:
        def register(fn: Handler) -> Handler:
            self.routes[path] = fn
            return fn
        return register

    async def dispatch(self, path: str, body: dict[str, Any]) -> Result[str]:
        handler = self.routes.get(path)
        if handler is None:
            return Result(error=f"no route {path}")
        try:
            return Result(await handler(body))
        except (KeyError, ValueError) as exc:
            return Result(error=f"{type(exc).__name__}: {exc}")


router = Router()


@router.route("/hello")
async def hello(body: dict[str, Any]) -> Optional[str]:
    await asyncio.sleep(0.1)
    return f"hello {body['name']}"


@router.route("/age")
async def age(body: dict[str, Any]) -> Optional[str]:
    await asyncio.sleep(0.2)
    return str(int(body["age"]) + 1)


async def main() -> None:
    calls: List[tuple[str, dict]] = [("/hello", {"name": "ann"}), ("/hello", {}), ("/age", {"age": "x"}),
                                     ("/age", {"age": "41"}), ("/nope", {})]
    for r in await asyncio.gather(*(router.dispatch(p, b) for p, b in calls)):
        print(r)
    print(sorted(router.routes), hello.__name__)


asyncio.run(main())
