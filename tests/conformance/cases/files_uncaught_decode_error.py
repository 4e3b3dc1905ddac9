# A missing config file is handled (FileNotFoundError with errno and
# filename), then a corrupt payload's UnicodeDecodeError escapes the task:
# the traceback's last line is CPython's codec message.
import asyncio
import os
import tempfile


async def load(path):
    await asyncio.sleep(0.1)
    with open(path, encoding="utf-8") as f:
        return f.read()


async def main():
    tmp = tempfile.mkdtemp()
    path = os.path.join(tmp, "cfg.ini")
    try:
        await load(path)
    except FileNotFoundError as e:
        print("missing:", os.path.basename(e.filename), e.errno, e.strerror)
    with open(path, "wb") as f:
        f.write(b"name=caf\xe9\n")
    try:
        print(await load(path))
    finally:
        os.remove(path)
        os.rmdir(tmp)
        print("cleaned up")


asyncio.run(main())
