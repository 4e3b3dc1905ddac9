# `from __future__` imports: CPython's compile errors (each line alone is
# what python3 reports for it).
from __future__ import braces  # expect error: 3:1: error: not a chance
from __future__ import annotations, nope  # expect error: 4:1: error: future feature nope is not defined
x = 1
from __future__ import annotations  # expect error: 6:1: error: from __future__ imports must occur at the beginning of the file
