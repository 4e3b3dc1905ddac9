# Length-prefixed binary framing, the shape of a network protocol: a sender
# task encodes messages (4-byte big-endian length + UTF-8 body) into chunks
# of arbitrary size, a receiver reassembles frames from a bytearray buffer.
import asyncio
import io

MESSAGES = ["hello", "héllo wörld", "", "x" * 20, "last €"]


def encode(msg):
    body = msg.encode("utf-8")
    return len(body).to_bytes(4, "big") + body


async def sender(queue):
    stream = io.BytesIO()
    for m in MESSAGES:
        stream.write(encode(m))
    data = stream.getvalue()
    print("stream", len(data), "bytes:", data[:12].hex(" "))
    sizes = [3, 7, 1, 11, 5]
    pos = 0
    i = 0
    while pos < len(data):
        chunk = data[pos:pos + sizes[i % len(sizes)]]
        pos += len(chunk)
        i += 1
        await queue.put(chunk)
        await asyncio.sleep(0.1)
    await queue.put(b"")


async def receiver(queue):
    buf = bytearray()
    frames = []
    while True:
        chunk = await queue.get()
        if not chunk:
            break
        buf += chunk
        while len(buf) >= 4:
            size = int.from_bytes(buf[:4], "big")
            if len(buf) < 4 + size:
                break
            body = bytes(buf[4:4 + size])
            del_count = 4 + size
            buf[:del_count] = b""
            frames.append(body.decode("utf-8"))
            print(f"t={asyncio.get_running_loop().time():.1f} frame {len(frames)}: {body!r}")
    print("leftover", bytes(buf), "frames equal:", frames == MESSAGES)
    try:
        b"\xff\xfe".decode("utf-8")
    except UnicodeDecodeError as e:
        print("bad frame:", e)


async def main():
    q = asyncio.Queue()
    await asyncio.gather(sender(q), receiver(q))


asyncio.run(main())
