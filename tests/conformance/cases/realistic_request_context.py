import asyncio
import contextvars

request_id = contextvars.ContextVar("request_id", default="-")
user = contextvars.ContextVar("user")


def log(msg):
    print(f"[{request_id.get()}] {msg}")


async def handle(rid, name):
    request_id.set(rid)
    token = user.set(name)
    log(f"start for {user.get()}")
    await asyncio.sleep(0.1 * rid)
    log("done")
    user.reset(token)
    return user.get("nobody")


async def main():
    log("main start")
    print(await asyncio.gather(handle(1, "ann"), handle(2, "bob")))
    log("main end")
    ctx = contextvars.copy_context()
    print(ctx.run(lambda: request_id.get()), request_id.name)
    try:
        user.get()
    except LookupError as e:
        print("LookupError", e)

asyncio.run(main())
