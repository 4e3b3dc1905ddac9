# An instance's __dict__ (and vars()) lists attributes in the order they
# were first assigned, as CPython's dict does; a deleted attribute set
# again goes to the end.
class Config:
    def __init__(self):
        self.zeta = 1
        self.alpha = 2
        self.mid = 3


c = Config()
print(vars(c), list(c.__dict__))
c.beta = 4
del c.zeta
c.zeta = 5
print(vars(c))
object.__setattr__(c, "omega", 6)
print(list(vars(c)))
# expect: {'zeta': 1, 'alpha': 2, 'mid': 3} ['zeta', 'alpha', 'mid']
# expect: {'alpha': 2, 'mid': 3, 'beta': 4, 'zeta': 5}
# expect: ['alpha', 'mid', 'beta', 'zeta', 'omega']
