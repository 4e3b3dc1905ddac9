# except*'s compile errors, as python3 reports each of them.
try:
    pass
except* ValueError:
    pass
except TypeError:  # expect error: 6:1: error: cannot have both 'except' and 'except*' on the same 'try'
    pass
try:
    pass
except*:  # expect error: 10:8: error: expected one or more exception types
    pass
