# asyncio subprocesses: create_subprocess_exec / create_subprocess_shell
# with stdout/stderr=PIPE, communicate() with and without input, wait(),
# returncode, reading stdout line by line, and several commands gathered.
# Each command runs to its end at once (real I/O, no virtual time): its
# output is in the pipes before the program reads them.
import asyncio
import sys
from asyncio.subprocess import PIPE


async def run(cmd):
    proc = await asyncio.create_subprocess_shell(cmd, stdout=PIPE, stderr=PIPE)
    stdout, stderr = await proc.communicate()
    return cmd, proc.returncode, stdout.decode().strip(), stderr.decode().strip()


async def main():
    proc = await asyncio.create_subprocess_exec("echo", "hello", "world", stdout=PIPE)
    out, err = await proc.communicate()
    print(out, err, proc.returncode)

    proc = await asyncio.create_subprocess_exec("sort", stdin=PIPE, stdout=PIPE)
    out, _ = await proc.communicate(b"pear\napple\nfig\n")
    print(out.decode().split(), proc.returncode)

    proc = await asyncio.create_subprocess_exec("wc", "-l", stdin=PIPE, stdout=PIPE)
    proc.stdin.write(b"1\n2\n3\n")
    await proc.stdin.drain()
    proc.stdin.close()
    print("lines:", (await proc.stdout.read()).decode().strip(), await proc.wait())

    proc = await asyncio.create_subprocess_exec("printf", "a\\nb\\nc\\n", stdout=PIPE)
    while line := await proc.stdout.readline():
        print("line", line)
    print("eof", proc.stdout.at_eof(), "exit", await proc.wait())

    child = "import sys; print(sys.stdin.read().upper(), end='')"
    proc = await asyncio.create_subprocess_exec(sys.executable, "-c", child, stdin=PIPE, stdout=PIPE)
    print("python child:", (await proc.communicate(b"shout"))[0])

    results = await asyncio.gather(run("echo one"), run("echo two >&2; exit 1"), run("exit 7"))
    for result in results:
        print(result)

    try:
        await asyncio.create_subprocess_exec("no-such-program-x")
    except FileNotFoundError as e:
        print(type(e).__name__, e)
    try:
        await asyncio.create_subprocess_shell(["echo"])
    except ValueError as e:
        print("ValueError:", e)


asyncio.run(main())
