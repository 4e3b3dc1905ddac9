"""Shrinks a diverging program to a small reproducer.

The program is Python source, so deleting arbitrary lines mostly breaks it.
The minimiser works on statements instead:

  * delete a whole statement (a line with everything indented under it,
    and for `try`/`if`/`for` its `except`/`finally`/`else`/`elif` clauses),
  * unwrap a compound statement (keep its body, dedented, drop the header
    and its other clauses): `try: X finally: Y` becomes `X`,
  * delete a single line (what the two above cannot reach).

A candidate is kept when `keeps_divergence(source)` says so; the caller
decides what counts (run_fuzz.py: the oracle ends as it did for the
original program and loopscope still differs from it).
"""

CLAUSES = ("except", "finally:", "else:", "elif ")
UNWRAPPABLE = ("try:", "with ", "async with ", "for ", "if ", "while ")


def indent_of(line):
    return len(line) - len(line.lstrip(" "))


def is_blank(line):
    return not line.strip()


def body_end(lines, i):
    """Index just past the lines indented under line i."""
    base = indent_of(lines[i])
    j = i + 1
    while j < len(lines) and (is_blank(lines[j]) or indent_of(lines[j]) > base):
        j += 1
    return j


def statement_end(lines, i):
    """Index just past line i's statement, its clauses included."""
    base = indent_of(lines[i])
    j = body_end(lines, i)
    while (j < len(lines) and indent_of(lines[j]) == base
           and lines[j].lstrip().startswith(CLAUSES)):
        j = body_end(lines, j)
    return j


def deletions(lines):
    """Candidates that delete one statement, biggest region first."""
    spans = []
    for i, line in enumerate(lines):
        if is_blank(line) or line.lstrip().startswith(CLAUSES):
            continue
        spans.append((i, statement_end(lines, i)))
    spans.sort(key=lambda s: s[0] - s[1])
    for start, end in spans:
        yield lines[:start] + lines[end:]


def unwraps(lines):
    """Candidates that replace a compound statement by its first body."""
    for i, line in enumerate(lines):
        if not line.lstrip().startswith(UNWRAPPABLE) or not line.rstrip().endswith(":"):
            continue
        first = body_end(lines, i)
        body = [b[4:] if b.startswith("    ") else b for b in lines[i + 1:first]]
        yield lines[:i] + body + lines[statement_end(lines, i):]


def single_lines(lines):
    for i in range(len(lines)):
        yield lines[:i] + lines[i + 1:]


def shrink_once(lines, keeps_divergence, log):
    """One pass of every kind; returns the smaller program or None."""
    for kind in (deletions, unwraps, single_lines):
        for candidate in kind(lines):
            if candidate and keeps_divergence("".join(candidate)):
                log(f"  minimise ({kind.__name__}): {len(candidate)} lines left")
                return candidate
    return None


def minimize(source, keeps_divergence, log=lambda text: None):
    """The smallest program found from which no single step can remove
    anything without losing the divergence."""
    lines = source.splitlines(keepends=True)
    while True:
        smaller = shrink_once(lines, keeps_divergence, log)
        if smaller is None:
            return "".join(lines)
        lines = smaller
