"""BoundedSemaphore refuses a release beyond its initial value."""
import asyncio


async def main():
    sem = asyncio.BoundedSemaphore(1)
    await sem.acquire()
    print("locked:", sem.locked())
    sem.release()
    try:
        sem.release()
    except ValueError as e:
        print("ValueError:", e)
    plain = asyncio.Semaphore(1)
    plain.release()
    print("a plain Semaphore just grows")


asyncio.run(main())
