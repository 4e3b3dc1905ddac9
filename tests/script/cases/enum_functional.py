# The enum functional API: Enum('Color', 'RED GREEN'), pairs, a mapping, start=, Flag.
from enum import Enum, Flag
Color = Enum('Color', 'RED GREEN BLUE')
print(list(Color), Color.GREEN.value, repr(Color), Color(3))  # expect: [<Color.RED: 1>, <Color.GREEN: 2>, <Color.BLUE: 3>] 2 <enum 'Color'> Color.BLUE
Shape = Enum('Shape', [('SQUARE', 'sq'), ('CIRCLE', 'ci')])
print(Shape('ci'), Shape.SQUARE.value, len(Shape))  # expect: Shape.CIRCLE sq 2
P = Flag('P', 'R W X')
print(repr(P.R | P.X), list(P))  # expect: <P.R|X: 5> [<P.R: 1>, <P.W: 2>, <P.X: 4>]
N = Enum('N', ['A', 'B'], start=10)
print(list(N), isinstance(N.A, Enum), N.B.name)  # expect: [<N.A: 10>, <N.B: 11>] True B
D = Enum('D', {'X': 'x', 'Y': 'y'})
print(D('y'), [m.value for m in D])  # expect: D.Y ['x', 'y']
try:
    Color(9)
except ValueError as e:
    print(e)  # expect: 9 is not a valid Color
