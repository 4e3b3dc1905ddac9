# subprocess and asyncio's subprocesses run real commands to their end at
# once: captured output, an exit status, input through a pipe, a missing
# program, and output the program does not capture, which reaches its stdout.
import asyncio
import subprocess

r = subprocess.run(["sh", "-c", "echo out; echo err >&2; exit 3"], capture_output=True, text=True)
print(r.returncode, repr(r.stdout), repr(r.stderr))
print(subprocess.run(["tr", "a-z", "A-Z"], input=b"abc", stdout=subprocess.PIPE).stdout)
try:
    subprocess.check_output(["false"])
except subprocess.CalledProcessError as e:
    print(e)
try:
    subprocess.run(["no-such-program-x"])
except FileNotFoundError as e:
    print(e.errno, e.filename)
subprocess.run(["echo", "from the child"])


async def main():
    proc = await asyncio.create_subprocess_exec("cat", stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE)
    out, err = await proc.communicate(b"piped\n")
    print(out, err, proc.returncode, asyncio.get_running_loop().time())


asyncio.run(main())

# expect: 3 'out\n' 'err\n'
# expect: b'ABC'
# expect: Command '['false']' returned non-zero exit status 1.
# expect: 2 no-such-program-x
# expect: from the child
# expect: b'piped\n' None 0 0.0
