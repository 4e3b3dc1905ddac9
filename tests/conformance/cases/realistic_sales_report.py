import json
import textwrap
import pprint
from collections import namedtuple, OrderedDict, ChainMap, deque
from datetime import datetime, timedelta, date
from statistics import mean, median, stdev

Sale = namedtuple("Sale", "region product units price")

RAW = """
[{"region": "North", "product": "Widget", "units": 12, "price": 2.5},
 {"region": "South", "product": "Gadget", "units": 3, "price": 10.0},
 {"region": "North", "product": "Gadget", "units": 7, "price": 9.75},
 {"region": "East", "product": "Widget", "units": 20, "price": 2.25},
 {"region": "South", "product": "Widget", "units": 1, "price": 2.5}]
"""

sales = [Sale(**row) for row in json.loads(RAW)]
print(sales[0])
print(sales[0]._asdict())
print(sales[1]._replace(units=4))

header = f"{'Region':<8}|{'Product':^10}|{'Units':>6}|{'Revenue':>10}"
print(header)
print("-" * len(header))
for s in sales:
    print(f"{s.region:<8}|{s.product:^10}|{s.units:>6d}|{s.units * s.price:>10,.2f}")
totals = OrderedDict()
for s in sales:
    totals[s.region] = totals.get(s.region, 0) + s.units * s.price
totals.move_to_end("North")
print(totals)
print(json.dumps(totals, indent=2, sort_keys=True))
print(json.dumps({"sales": [s._asdict() for s in sales[:2]]}, separators=(",", ":")))
units = [s.units for s in sales]
print(f"mean={mean(units):.2f} median={median(units)} stdev={stdev(units):.3f}")

start = datetime(2024, 1, 31, 9, 30)
for i in range(3):
    d = start + timedelta(days=30 * i, hours=5 * i)
    print(d.isoformat(), d.strftime("%a %d %b %Y %H:%M"), d.weekday())
delta = datetime(2024, 3, 1) - start
print(delta, delta.total_seconds(), delta.days)
print(date(2024, 2, 28) + timedelta(days=1), date(2023, 2, 28) + timedelta(days=1))

text = "The quick brown fox jumps over the lazy dog. " * 4
print(textwrap.fill(text, width=40, initial_indent="> ", subsequent_indent="  "))
print(textwrap.shorten(text, width=50, placeholder=" [...]"))
print(textwrap.dedent("""\
    def f():
        return 1
"""))
cfg = ChainMap({"debug": True}, {"debug": False, "level": 3})
print(cfg["debug"], cfg["level"], dict(cfg))
pprint.pprint({"users": [{"name": "ann", "roles": ["admin", "dev"], "id": i} for i in range(3)], "count": 3})
dq = deque(range(10), maxlen=5)
dq.rotate(2)
print(dq, dq.maxlen)
