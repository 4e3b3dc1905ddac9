# `from __future__ import annotations`: annotations become strings (written
# back as CPython's ast.unparse writes them) and are never evaluated.
from __future__ import annotations

import __future__
from typing import Dict, Optional

retries: int = 3


class Config:
    host: str
    port: int = 8080
    extra: Dict[str, list[int]] | None = None
    parent: Optional[Config] = None
    ref: "Config"
    cb: Callable[[int, str], None]
    odd: undefined.name[1, ...]


print(Config.__annotations__)
print(__annotations__, Config.port)
print(__future__.annotations)


def h(x: List[int], *, y: Config = None) -> Optional[str]:
    pass


print(h.__annotations__)

# expect: {'host': 'str', 'port': 'int', 'extra': 'Dict[str, list[int]] | None', 'parent': 'Optional[Config]', 'ref': "'Config'", 'cb': 'Callable[[int, str], None]', 'odd': 'undefined.name[1, ...]'}
# expect: {'retries': 'int'} 8080
# expect: _Feature((3, 7, 0, 'beta', 1), None, 16777216)
# expect: {'x': 'List[int]', 'y': 'Config', 'return': 'Optional[str]'}
