# A deadlock with no unfinished task: `pending: none`.
import asyncio

loop = asyncio.new_event_loop()
fut = loop.create_future()
loop.run_until_complete(fut)
