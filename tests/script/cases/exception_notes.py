# BaseException.add_note: __notes__, printed by tracebacks after the exception line.
import traceback
try:
    try:
        raise ValueError("bad value")
    except ValueError as e:
        e.add_note("while parsing line 3")
        e.add_note("hint: check the input")
        raise
except ValueError as e:
    print(e.__notes__)
    print(traceback.format_exc().splitlines()[-3:])
try:
    ValueError().add_note(3)
except TypeError as e:
    print(e)
# expect: ['while parsing line 3', 'hint: check the input']
# expect: ['ValueError: bad value', 'while parsing line 3', 'hint: check the input']
# expect: note must be a str, not 'int'
