"""A health check that exits with a status code, as a CLI tool would."""
import asyncio
import sys

CHECKS = {"db": (0.2, True), "cache": (0.1, True), "search": (0.3, False)}


async def check(name):
    delay, healthy = CHECKS[name]
    await asyncio.sleep(delay)
    return name, healthy


async def main() -> int:
    results = dict(await asyncio.gather(*(check(n) for n in CHECKS)))
    for name, ok in results.items():
        print(f"{name:8} {'OK' if ok else 'FAIL'}")
    failed = [n for n, ok in results.items() if not ok]
    if failed:
        print(f"unhealthy: {', '.join(failed)}", file=sys.stderr)
    return 2 if failed else 0


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
