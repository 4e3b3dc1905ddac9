"""Subclasses of Condition, Barrier and TaskGroup: labelled after the subclass
(Cond#1, B#1, TG#1), used through async with and their inherited methods."""
import asyncio
class Cond(asyncio.Condition):
    def __init__(self):
        super().__init__()
        self.n = 0
class B(asyncio.Barrier):
    pass
class TG(asyncio.TaskGroup):
    pass
async def w(c):
    async with c:
        await c.wait()
        c.n += 1
async def p(b, i):
    await asyncio.sleep(i / 10)
    print("pos", await b.wait())
async def main():
    c = Cond()
    t = [asyncio.create_task(w(c)) for _ in range(2)]
    await asyncio.sleep(0.1)
    async with c:
        c.notify_all()
    await asyncio.gather(*t)
    print(c.n)
    b = B(2)
    await asyncio.gather(p(b, 0), p(b, 1))
    async with TG() as tg:
        tg.create_task(asyncio.sleep(0.1))
    print("done")
asyncio.run(main())
