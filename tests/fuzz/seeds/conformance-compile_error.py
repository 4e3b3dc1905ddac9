"""A program with a syntax error: no transcript, exit status 2."""
import asyncio


async def main(:
    pass
