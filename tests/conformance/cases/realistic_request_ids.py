"""Request tracing: uuid4 request ids, uuid5 stable ids, a log per request."""
import asyncio
import logging
import sys
import uuid

handler = logging.StreamHandler(sys.stdout)
handler.setFormatter(logging.Formatter("[%(rid)s] %(levelname)s %(message)s"))
log = logging.getLogger("api")
log.addHandler(handler)
log.setLevel(logging.INFO)
log.propagate = False

TENANTS = uuid.NAMESPACE_DNS


async def handle(path, delay, fail=False):
    rid = uuid.uuid4()
    short = str(rid)[:8]
    extra = {"rid": short}
    log.info("start %s", path, extra=extra)
    await asyncio.sleep(delay)
    if fail:
        log.error("failed %s", path, extra=extra)
        raise RuntimeError(f"{path} failed (request {short})")
    log.info("done %s in %.1fs", path, delay, extra=extra)
    return rid


async def main():
    tenant = uuid.uuid5(TENANTS, "acme.example")
    print("tenant", tenant, tenant.version)
    results = await asyncio.gather(
        handle("/users", 0.3),
        handle("/orders", 0.1),
        handle("/pay", 0.2, fail=True),
        return_exceptions=True,
    )
    ids = [r for r in results if isinstance(r, uuid.UUID)]
    errors = [str(r) for r in results if isinstance(r, Exception)]
    print(len(ids), "ok;", "errors:", errors)
    print(all(r.version == 4 and r.variant == uuid.RFC_4122 for r in ids), ids[0] != ids[1])
    print(sorted(ids)[0] <= sorted(ids)[1], uuid.UUID(str(ids[0])) == ids[0], ids[0].hex == str(ids[0]).replace("-", ""))


asyncio.run(main())
