# A site resets the connection in the middle of its answer: the reader gets
# the bytes that came before the reset, then ConnectionResetError: [Errno 104]
# Connection reset by peer (as CPython words it), and so does a later read.
import asyncio
import time

import loopscope

loopscope.site("flaky.example.com", routes={
    "/download": {"body": "x" * 100, "delay": 0.3, "reset_after": 60},
    "/now": {"reset": True},
})


async def get(path):
    reader, writer = await asyncio.open_connection("flaky.example.com", 80)
    writer.write(f"GET {path} HTTP/1.1\r\nHost: flaky.example.com\r\n\r\n".encode())
    got = b""
    try:
        while chunk := await reader.read(16):
            got += chunk
    except ConnectionResetError as e:
        print(f"{time.monotonic():.3f} {path}: {type(e).__name__}: {e} (errno {e.errno}) after {len(got)} bytes")
    try:
        await reader.read(1)
    except ConnectionResetError as e:
        print("again:", e)
    writer.close()
    try:
        await writer.wait_closed()
    except ConnectionResetError as e:
        print("wait_closed:", e)


async def main():
    await get("/download")
    await get("/now")


asyncio.run(main())
