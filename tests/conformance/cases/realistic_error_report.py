import asyncio
import traceback


class AppError(Exception):
    """Base for app errors."""


class ConfigError(AppError):
    def __init__(self, key, *, hint=None):
        self.key = key
        self.hint = hint
        super().__init__(f"missing config key {key!r}")

    def __str__(self):
        base = super().__str__()
        return f"{base} (hint: {self.hint})" if self.hint else base


class FetchError(AppError):
    pass


def load(cfg, key):
    try:
        return cfg[key]
    except KeyError as exc:
        raise ConfigError(key, hint="set it in app.toml") from exc


async def fetch(n):
    await asyncio.sleep(0.1)
    if n == 3:
        try:
            1 / 0
        except ZeroDivisionError:
            raise FetchError(f"item {n} failed")
    return n * 2


async def main():
    try:
        load({}, "db_url")
    except AppError as e:
        print(type(e).__name__, "|", e, "|", repr(e.__cause__), e.__suppress_context__)
        print(e.args, e.key)
    results = await asyncio.gather(*(fetch(i) for i in range(5)), return_exceptions=True)
    for r in results:
        if isinstance(r, Exception):
            print("error:", r, "context:", repr(r.__context__))
        else:
            print("value:", r)
    try:
        await fetch(3)
    except FetchError:
        lines = traceback.format_exc().splitlines()
        print(lines[0])
        print(lines[-1])
    err = ConfigError("port")
    print(str(err), repr(err))
    try:
        raise ExceptionGroup("many", [ConfigError("a"), FetchError("b")])
    except* ConfigError as g:
        print("config:", [e.key for e in g.exceptions])
    except* FetchError as g:
        print("fetch:", g.exceptions)

asyncio.run(main())
