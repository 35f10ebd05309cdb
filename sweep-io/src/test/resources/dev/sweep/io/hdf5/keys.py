"""Writes small HDF5 files with h5py as SWMR writers do (libver="latest"), for the follower's tests.

Usage: keys.py FILE CASE. Cases: jagged (key_1 of 6 and key_2 of 3, all written; data (6, 2)),
ranks (key_1 (2, 3), key_2 (6,)), grid (key (2, 2), maxshape unlimited, all written; data (2, 2, 3)),
widen (reopens a grid file and grows its key in the fastest dimension, to (2, 3)).
"""
import sys

import h5py
import numpy as np

path, case = sys.argv[1], sys.argv[2]
if case == "widen":
    with h5py.File(path, "a", libver="latest") as f:
        k = f["entry/key"]
        k.resize((2, 3))
        k[...] = 1
        d = f["entry/data"]
        d.resize((2, 3, 3))
    sys.exit(0)
with h5py.File(path, "w", libver="latest") as f:
    g = f.create_group("entry")
    if case == "jagged":
        g.create_dataset("key_1", data=np.ones(6, dtype="i4"), maxshape=(None,))
        g.create_dataset("key_2", data=np.ones(3, dtype="i4"), maxshape=(None,))
        g.create_dataset("data", data=np.arange(12, dtype="f8").reshape(6, 2), maxshape=(None, 2))
    elif case == "ranks":
        g.create_dataset("key_1", data=np.ones((2, 3), dtype="i4"))
        g.create_dataset("key_2", data=np.ones(6, dtype="i4"))
    elif case == "grid":
        g.create_dataset("key", data=np.ones((2, 2), dtype="i4"), maxshape=(None, None))
        g.create_dataset("data", data=np.arange(12, dtype="f8").reshape(2, 2, 3), maxshape=(None, None, 3))
    else:
        sys.exit("unknown case " + case)
