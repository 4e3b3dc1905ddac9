# 'break', 'continue' and 'return' may not leave an except* block (a loop
# or a function inside the block may use them).
def f():
    try:
        pass
    except* ValueError:
        for i in range(2):
            break
        return 1  # expect error: 9:16: error: 'break', 'continue' and 'return' cannot appear in an except* block


for i in range(3):
    try:
        pass
    except* ValueError:
        continue  # expect error: 16:9: error: 'break', 'continue' and 'return' cannot appear in an except* block
