# random.Random instances have their own generator; the module's is separate.
import random
random.seed(1234)
rng = random.Random(99)
other = random.Random(99)
print(rng.random() == other.random(), random.randint(1, 6))
print(round(rng.uniform(0.1, 1.0), 6), rng.randint(1, 100), rng.randrange(0, 50, 5), rng.choice("abcdef"))
items = list(range(10))
rng.shuffle(items)
print(items, rng.sample(range(100), 5))
rng.seed(7)
print(rng.randint(1, 1000), random.Random(7).randint(1, 1000), round(random.random(), 6))
# expect: True 4
# expect: 0.280068 23 15 b
# expect: [6, 8, 9, 0, 7, 3, 5, 4, 1, 2] [25, 53, 92, 78, 75]
# expect: 332 332 0.116851
