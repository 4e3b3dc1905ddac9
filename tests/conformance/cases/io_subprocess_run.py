# subprocess: real commands on the host, each run to its end at once (no
# virtual time passes): run with capture_output and text, check=True and
# CalledProcessError, input, stderr=STDOUT, DEVNULL, shell commands,
# check_output, call/check_call, getoutput/getstatusoutput, os.system,
# shutil.which, Popen with a stdin pipe, a missing program, a bad working
# directory, a timeout.
# Output a command does not capture goes to the program's stdout.
import os
import shutil
import subprocess
import sys

r = subprocess.run(["echo", "hello", "world"], capture_output=True, text=True)
print(r)
print(repr(r.stdout), r.returncode, r.args)
r = subprocess.run(["sh", "-c", "echo to-err >&2; exit 3"], capture_output=True)
print(r.returncode, r.stdout, r.stderr)
try:
    subprocess.run(["sh", "-c", "exit 5"], check=True)
except subprocess.CalledProcessError as e:
    print("CalledProcessError:", e, "|", e.returncode, e.cmd, e.output)
try:
    subprocess.run(["sh", "-c", "kill -9 $$"], check=True)
except subprocess.CalledProcessError as e:
    print(e)
print(subprocess.run(["tr", "a-z", "A-Z"], input="shout\r\nquietly", capture_output=True, text=True).stdout.split("\n"))
# A child that stops reading its input early: the rest is dropped (EPIPE).
print(subprocess.run(["head", "-c", "5"], input=b"y" * 500000, capture_output=True).stdout)
print(subprocess.run(["sh", "-c", "echo o; echo e >&2"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT).stdout)
print(subprocess.run(["echo", "dropped"], stdout=subprocess.DEVNULL))
print(subprocess.run("printf '%s-' a b c | wc -c", shell=True, capture_output=True, text=True).stdout.strip())
print(repr(subprocess.check_output(["printf", "x y"])), subprocess.check_output("echo $((6 * 7))", shell=True, text=True), end="")
print(subprocess.call(["sh", "-c", "exit 2"]), subprocess.check_call(["true"]))
print(subprocess.getoutput("echo hi; echo there >&2"))
print(subprocess.getstatusoutput("exit 4"), subprocess.getstatusoutput("printf abc"))
p = subprocess.Popen(["sort", "-r"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
p.stdin.write("b\na\nc\n")
out, err = p.communicate()
print(out.split(), err, p.returncode)
with subprocess.Popen(["printf", "one\\ntwo\\n"], stdout=subprocess.PIPE) as p:
    for line in p.stdout:
        print("line", line)
print(p.returncode)
for bad in (["no-such-program-x"], "ls -l", [1]):
    try:
        subprocess.run(bad)
    except (OSError, TypeError) as e:
        print(type(e).__name__, e)
try:
    subprocess.run(["ls"], cwd="/no/such/dir")
except FileNotFoundError as e:
    print(e.filename, e.errno)
try:
    subprocess.run(["sleep", "5"], timeout=0.2)
except subprocess.TimeoutExpired as e:
    print("timed out:", e.cmd, 0 < e.timeout <= 0.2)
for args in ({"capture_output": True, "stdout": subprocess.PIPE}, {"input": b"x", "stdin": subprocess.PIPE}):
    try:
        subprocess.run(["cat"], **args)
    except ValueError as e:
        print(e)
print(issubclass(subprocess.CalledProcessError, subprocess.SubprocessError), subprocess.PIPE,
      subprocess.STDOUT, subprocess.DEVNULL)
print("before the child writes", flush=True)
subprocess.run(["echo", "the child writes this itself"])
sys.stdout.flush()
status = os.system("echo via os.system; exit 2")
sys.stdout.flush()
print("os.system:", status, status >> 8)
print(shutil.which("sh") is not None, shutil.which("no-such-program-x"))
print("done")
