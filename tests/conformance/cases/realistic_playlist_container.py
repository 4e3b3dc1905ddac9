class Playlist:
    def __init__(self, name, songs=None):
        self.name = name
        self._songs = list(songs or [])

    def __len__(self):
        return len(self._songs)

    def __getitem__(self, i):
        if isinstance(i, slice):
            return Playlist(f"{self.name}[{i.start}:{i.stop}]", self._songs[i])
        return self._songs[i]

    def __contains__(self, song):
        return song.lower() in (s.lower() for s in self._songs)

    def __iter__(self):
        return iter(self._songs)

    def __add__(self, other):
        return Playlist(f"{self.name}+{other.name}", self._songs + other._songs)

    def __iadd__(self, song):
        self._songs.append(song)
        return self

    def __bool__(self):
        return bool(self._songs)

    def __eq__(self, other):
        return isinstance(other, Playlist) and self._songs == other._songs

    __hash__ = None

    def __repr__(self):
        return f"Playlist({self.name!r}, {len(self)} songs)"

    def __format__(self, spec):
        if spec == "long":
            return f"{self.name}: " + ", ".join(self._songs)
        return format(repr(self), spec)


rock = Playlist("rock", ["Back in Black", "Thunderstruck"])
jazz = Playlist("jazz", ["So What"])
mix = rock + jazz
mix += "Take Five"
print(mix, len(mix), mix[0], mix[-1], mix[1:3])
print("so what" in mix, "Yesterday" in mix, list(reversed(mix)), sorted(mix)[:2])
print(f"{mix:long}")
print(f"{jazz:>30}|")
print(bool(Playlist("empty")), rock == Playlist("x", ["Back in Black", "Thunderstruck"]))
for i, song in enumerate(mix, start=1):
    print(f"{i:02d}. {song}")
try:
    {mix: 1}
except TypeError as e:
    print(e)
print(dict(zip(["a", "b"], mix)), [s.upper() for s in mix if " " in s], any(len(s) > 12 for s in mix))
