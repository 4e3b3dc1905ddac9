"""A data pipeline: generator stages feeding async stages."""
import asyncio


def read_records():
    for i, line in enumerate(["alice,31", "bob,x", "carol,27", "", "dave,45"]):
        yield i, line


def parse(records):
    for i, line in records:
        if not line:
            continue
        name, _, age = line.partition(",")
        if not age.isdigit():
            print(f"skipping record {i}: bad age {age!r}")
            continue
        yield {"name": name.title(), "age": int(age)}


async def enrich(person):
    await asyncio.sleep(0.1 * len(person["name"]))
    return {**person, "senior": person["age"] >= 40}


async def main():
    people = list(parse(read_records()))
    enriched = await asyncio.gather(*map(enrich, people))
    for p in enriched:
        print(p)
    oldest = max(enriched, key=lambda p: p["age"])
    print("oldest:", oldest["name"])
    print("total age:", sum(p["age"] for p in enriched))
    print("any senior:", any(p["senior"] for p in enriched))


asyncio.run(main())
