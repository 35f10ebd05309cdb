"""Writes an HDF5 file the way py-pde's FileStorage does (pde/storage/file.py), with Debian's h5py.

    /usr/bin/python3 make_pypde_file.py OUT.hdf5 [--max-length N]

A trajectory of a ScalarField on a CartesianGrid of 8 x 4 cells over [0, 1] x [0, 2]: state k holds
k + 10 i + j / 10 at cell (i, j), at time 0.05 k, for k = 0..5. Like py-pde: datasets `times` (n,)
and `data` (n, 8, 4) of float64, resizable along the first axis (or preallocated to max_length),
chunked (1, *shape) with gzip; every info entry a root attribute holding json.dumps(value), with
`field_attributes` a dict of JSON strings (so doubly encoded) and `data_length` the states written.
"""
import json
import sys

import h5py
import numpy as np

N = 6
SHAPE = (8, 4)


def state(k):
    i, j = np.meshgrid(np.arange(SHAPE[0]), np.arange(SHAPE[1]), indexing="ij")
    return k + 10.0 * i + j / 10.0


def main(path, max_length=None):
    grid = {"class": "CartesianGrid", "bounds": [[0.0, 1.0], [0.0, 2.0]], "shape": list(SHAPE),
            "periodic": [False, True]}
    field_attributes = {"class": json.dumps("ScalarField"), "grid": json.dumps(grid),
                        "label": json.dumps("c"), "dtype": json.dumps("float64")}
    info = {"field_attributes": field_attributes, "dt": 0.05, "t_start": 0, "model": "diffusion",
            "converged": True, "params": {"D": 0.1, "bc": "auto_periodic_neumann"}, "seeds": [1, 2, 3]}
    with h5py.File(path, "w") as f:
        kwargs = {"chunks": (1,) + SHAPE, "compression": "gzip"}
        if max_length:
            times = f.create_dataset("times", shape=(max_length,), dtype=np.double, chunks=(1,), compression="gzip")
            data = f.create_dataset("data", shape=(max_length,) + SHAPE, dtype=np.double, **kwargs)
        else:
            times = f.create_dataset("times", shape=(0,), dtype=np.double, maxshape=(None,), chunks=(1,),
                                     compression="gzip")
            data = f.create_dataset("data", shape=(0,) + SHAPE, dtype=np.double, maxshape=(None,) + SHAPE, **kwargs)
        for k in range(N):
            if k >= len(data):
                data.resize((k + 1,) + SHAPE)
            data[k] = state(k)
            if k >= len(times):
                times.resize((k + 1,))
            times[k] = 0.05 * k
        info["data_length"] = N
        for key, value in info.items():
            f.attrs[key] = json.dumps(value)
    print("ok")


if __name__ == "__main__":
    ml = int(sys.argv[3]) if len(sys.argv) > 3 and sys.argv[2] == "--max-length" else None
    main(sys.argv[1], ml)
