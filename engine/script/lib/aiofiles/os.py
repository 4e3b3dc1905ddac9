"""aiofiles.os (simulated by loopscope): os functions run as jobs of the
loop's default executor."""

import os as _os

from aiofiles import ospath as path
from aiofiles.ospath import wrap

rename = wrap(_os.rename)
replace = wrap(_os.replace)
remove = wrap(_os.remove)
unlink = wrap(_os.unlink)
mkdir = wrap(_os.mkdir)
makedirs = wrap(_os.makedirs)
rmdir = wrap(_os.rmdir)
listdir = wrap(_os.listdir)
getcwd = wrap(_os.getcwd)
if hasattr(_os, "stat"):  # loopscope's os has no stat yet
    stat = wrap(_os.stat)
