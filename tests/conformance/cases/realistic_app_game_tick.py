"""A tiny game loop: fixed ticks, entities updated, events scheduled."""
import asyncio
import math
from dataclasses import dataclass


@dataclass
class Entity:
    name: str
    x: float
    y: float
    vx: float
    vy: float

    def update(self, dt: float) -> None:
        self.x += self.vx * dt
        self.y += self.vy * dt

    @property
    def distance(self) -> float:
        return math.hypot(self.x, self.y)


async def game(ticks: int, dt: float):
    world = [Entity("ship", 0, 0, 3, 4), Entity("rock", 10, 10, -1, -1)]
    spawned = asyncio.Event()
    loop = asyncio.get_running_loop()
    loop.call_later(0.25, lambda: (world.append(Entity("ufo", -5, 0, 2, 0)), spawned.set()))
    for tick in range(ticks):
        await asyncio.sleep(dt)
        for e in world:
            e.update(dt)
        far = max(world, key=lambda e: e.distance)
        print(f"tick {tick}: {len(world)} entities, farthest {far.name} at {far.distance:.2f}")
    return spawned.is_set()


print("ufo spawned:", asyncio.run(game(5, 0.1)))
