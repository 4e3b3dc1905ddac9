import asyncio
from dataclasses import dataclass, field

SKILLS = {
    "ann": frozenset({"python", "sql"}),
    "bob": frozenset({"go", "python"}),
    "cy": frozenset({"sql"}),
}


@dataclass(frozen=True)
class Job:
    name: str
    needs: frozenset = field(default_factory=frozenset)


async def assign(job, staff):
    await asyncio.sleep(0.1 * len(job.needs))
    fits = sorted(who for who, skills in staff.items() if job.needs <= skills)
    return job.name, fits


async def main():
    jobs = [Job("etl", frozenset({"sql"})), Job("api", frozenset({"python", "go"})), Job("docs")]
    for name, fits in await asyncio.gather(*(assign(j, SKILLS) for j in jobs)):
        print(f"{name:>5}: {', '.join(fits) or '-'}")
    by_skills = {}
    for who, skills in SKILLS.items():
        by_skills.setdefault(skills, []).append(who)
    print(len(by_skills), SKILLS["ann"] | SKILLS["cy"] == SKILLS["ann"], frozenset("ab"))

asyncio.run(main())
