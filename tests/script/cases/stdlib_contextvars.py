# contextvars: a task runs in a copy of its creator's context, so a value
# a task sets is seen by that task (and tasks it creates), not by its
# siblings or its creator; Context.run, copy_context, Token and reset.
import asyncio
import contextvars

request_id = contextvars.ContextVar("request_id", default="-")
user = contextvars.ContextVar("user")


def log(msg):
    print(f"[{request_id.get()}] {msg}")


async def child():
    log("child sees parent's id")
    request_id.set("child")


async def handle(rid, name):
    request_id.set(rid)
    token = user.set(name)
    log(f"start for {user.get()}")
    await asyncio.sleep(0.1 * rid)
    await asyncio.create_task(child())
    log("done")
    user.reset(token)
    return user.get("nobody")


async def main():
    request_id.set("main")
    log("main start")
    print(await asyncio.gather(handle(1, "ann"), handle(2, "bob")))
    log("main end")
    ctx = contextvars.copy_context()
    print(ctx.run(request_id.get), request_id.name, len(ctx) >= 1, request_id in ctx)
    ctx.run(request_id.set, "inside")
    print(ctx[request_id], request_id.get())
    try:
        user.get()
    except LookupError:
        print("LookupError")
    t = user.set("x")
    user.reset(t)
    try:
        user.reset(t)
    except RuntimeError:
        print("RuntimeError used")
    print(user.get(None), t.var is user, t.old_value is contextvars.Token.MISSING)

log("before")
asyncio.run(main())
log("after")
# expect: [-] before
# expect: [main] main start
# expect: [1] start for ann
# expect: [2] start for bob
# expect: [1] child sees parent's id
# expect: [1] done
# expect: [2] child sees parent's id
# expect: [2] done
# expect: ['nobody', 'nobody']
# expect: [main] main end
# expect: main request_id True True
# expect: inside main
# expect: LookupError
# expect: RuntimeError used
# expect: None True True
# expect: [-] after
