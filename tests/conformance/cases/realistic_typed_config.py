"""Service config as TypedDicts loaded from JSON (with 64-bit-plus ids), validated, then used by async jobs."""
import asyncio
import json
from typing import NotRequired, TypedDict


class Endpoint(TypedDict):
    name: str
    url: str
    timeout: float


class Config(TypedDict, total=False):
    service_id: int
    endpoints: list[Endpoint]
    retries: int


RAW = """
{"service_id": 184467440737095516170,
 "endpoints": [{"name": "users", "url": "http://u", "timeout": 0.2},
               {"name": "orders", "url": "http://o", "timeout": 0.05}],
 "retries": 2}
"""


def validate(cfg: Config) -> list[str]:
    problems = []
    for key in ("service_id", "endpoints"):
        if key not in cfg:
            problems.append(f"missing {key}")
    for ep in cfg.get("endpoints", []):
        missing = [k for k in Endpoint.__annotations__ if k not in ep]
        if missing:
            problems.append(f"{ep.get('name', '?')}: missing {missing}")
    return problems


async def call(ep: Endpoint, retries: int) -> str:
    for attempt in range(1, retries + 2):
        try:
            await asyncio.wait_for(asyncio.sleep(0.1), ep["timeout"])
            return f"{ep['name']}: ok on attempt {attempt}"
        except asyncio.TimeoutError:
            print(f"{ep['name']}: attempt {attempt} timed out")
    return f"{ep['name']}: gave up"


async def main():
    cfg: Config = json.loads(RAW)
    print(type(cfg).__name__, cfg["service_id"], cfg["service_id"] > 2**64, validate(cfg))
    print(validate(Config(retries=1)), Config.__total__, Endpoint.__total__)
    for line in await asyncio.gather(*(call(ep, cfg.get("retries", 0)) for ep in cfg["endpoints"])):
        print(line)
    cfg["service_id"] += 1
    out = json.dumps(cfg, sort_keys=True)
    print(out[:60], json.loads(out)["service_id"] - 2**64)
    ep = Endpoint(name="x", url="y", timeout=1)
    print(ep, ep == {"name": "x", "url": "y", "timeout": 1}, sorted(Endpoint.__required_keys__))


asyncio.run(main())
