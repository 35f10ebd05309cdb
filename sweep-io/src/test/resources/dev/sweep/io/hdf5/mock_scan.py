"""A detector writing a scan into an HDF5 file in SWMR mode, point by point (swmr_tools' mock_scan).

Usage: mock_scan.py FILE [options]. Datasets: /entry/data (scan shape + frame shape, float64),
/entry/keys/key_1 ... (scan shape, int32, 0 = not yet written), /entry/finished (shape (1,), int32).
The slowest scan dimension grows as rows start (maxshape None), unless --fixed.
For each point: resize if needed, write the frame, flush, set the keys, flush, print "point I".
Frame I holds I * 1000 + arange(h * w). Prints "ready" once SWMR is on, "done" at the end.
"""
import argparse
import sys
import time

import h5py
import numpy as np

p = argparse.ArgumentParser()
p.add_argument("file")
p.add_argument("--scan", default="3,4", help="scan shape, e.g. 3,4 or 12")
p.add_argument("--frame", default="2,3", help="frame shape")
p.add_argument("--delay-ms", type=float, default=20)
p.add_argument("--keys", type=int, default=1, help="number of key datasets")
p.add_argument("--lagging-key", type=int, default=-1, help="key 2 stays this many points behind")
p.add_argument("--snake", action="store_true", help="keys of odd rows are set right to left")
p.add_argument("--fixed", action="store_true", help="preallocate the scan instead of growing it")
p.add_argument("--stall-after", type=int, default=-1, help="after this many points, wait on stdin")
p.add_argument("--die-mid-frame", type=int, default=-1, help="write frame N without its key, then wait")
p.add_argument("--no-finished", action="store_true")
p.add_argument("--wait-start", action="store_true", help="after 'ready', wait for a line on stdin")
a = p.parse_args()

scan = tuple(int(x) for x in a.scan.split(","))
frame = tuple(int(x) for x in a.frame.split(","))
n = int(np.prod(scan))
cols = int(np.prod(scan[1:])) if len(scan) > 1 else 1

f = h5py.File(a.file, "w", libver="latest")
g = f.create_group("entry")
kg = g.create_group("keys")
start = scan if a.fixed else (0,) + scan[1:]
maxs = scan if a.fixed else (None,) + scan[1:]
data = g.create_dataset("data", shape=start + frame, maxshape=maxs + frame, dtype="f8",
                        chunks=(1,) * len(scan) + frame)
keys = [kg.create_dataset("key_%d" % (k + 1), shape=start, maxshape=maxs, dtype="i4", fillvalue=0,
                          chunks=True) for k in range(a.keys)]
fin = None if a.no_finished else g.create_dataset("finished", shape=(1,), dtype="i4", data=[0])
f.swmr_mode = True
print("ready", flush=True)
if a.wait_start:
    sys.stdin.readline()


def position(i):
    pos = list(np.unravel_index(i, scan))
    if a.snake and len(scan) > 1 and (i // cols) % 2 == 1:
        pos[-1] = scan[-1] - 1 - pos[-1]
    return tuple(pos)


for i in range(n):
    if i == a.stall_after:
        print("stalled", flush=True)
        sys.stdin.readline()
    pos = position(i)
    if not a.fixed and pos[0] + 1 > data.shape[0]:
        for d in [data] + keys:
            d.resize(pos[0] + 1, axis=0)
    data[pos] = i * 1000 + np.arange(int(np.prod(frame)), dtype="f8").reshape(frame)
    data.flush()
    if i == a.die_mid_frame:
        print("mid-frame", flush=True)
        sys.stdin.readline()
        sys.exit(3)
    for k, key in enumerate(keys):
        if k == 1 and a.lagging_key >= 0:
            j = i - a.lagging_key
            if j >= 0:
                key[position(j)] = j + 1
        else:
            key[pos] = i + 1
        key.flush()
    print("point %d" % i, flush=True)
    if a.delay_ms > 0:
        time.sleep(a.delay_ms / 1000.0)
if fin is not None:
    fin[0] = 1
    fin.flush()
print("done", flush=True)
f.close()
