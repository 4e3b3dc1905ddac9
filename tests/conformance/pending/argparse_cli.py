import argparse
import sys

parser = argparse.ArgumentParser(prog="crawler", description="Crawl some sites.")
parser.add_argument("urls", nargs="*", default=["http://a.test"], help="start urls")
parser.add_argument("-c", "--concurrency", type=int, default=4, help="parallel requests")
parser.add_argument("--timeout", type=float, default=2.5)
parser.add_argument("-v", "--verbose", action="store_true")
parser.add_argument("--mode", choices=["fast", "slow"], default="fast")
parser.add_argument("--tag", action="append", default=[])

args = parser.parse_args([])
print(args)
print(vars(args))
args = parser.parse_args(["-c", "8", "--verbose", "x.test", "y.test", "--tag", "a", "--tag", "b"])
print(args.concurrency, args.verbose, args.urls, args.tag, args.mode)
ns = parser.parse_args(["--timeout=0.5", "--mode", "slow"])
print(ns.timeout, ns.mode)
parser.print_help()
try:
    parser.parse_args(["--mode", "medium"])
except SystemExit as e:
    print("exit code", e.code)
print(sys.argv[0].endswith(".py"))
sys.exit(0)
