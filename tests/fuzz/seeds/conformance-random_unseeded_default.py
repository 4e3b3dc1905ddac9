"""The random module without a seed call: the reference seeds it with 0
before the program starts, so these draws are reproducible."""
import random

print([random.randint(0, 9) for _ in range(5)])
items = [1, 2, 3, 4, 5]
random.shuffle(items)
print(items)
