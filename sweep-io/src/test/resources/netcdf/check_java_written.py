"""Checks, as a Python user would, a file sweep wrote from Samples.everything() (Java tests run it).

    /usr/bin/python3 check_java_written.py FILE NETCDF3_64BIT_OFFSET|NETCDF4

Exits with an AssertionError naming the first thing that is not as an xarray user expects.
"""
import json
import sys

import numpy as np
import xarray as xr


def same(actual, expected, what):
    if isinstance(expected, np.ndarray) and expected.dtype.kind == "f":
        ok = actual.shape == expected.shape and np.allclose(actual, expected, equal_nan=True)
    else:
        ok = np.array_equal(np.asarray(actual, dtype=object), np.asarray(expected, dtype=object))
    assert ok, f"{what}: got {actual!r}, expected {expected!r}"


def main(path, fmt):
    nc3 = fmt == "NETCDF3_64BIT_OFFSET"
    ds = xr.open_dataset(path)

    same(dict(ds.sizes), {"a": 3, "b": 2, "c": 2, "d": 2, "e": 2, "f": 2, "g": 3, "n": 2}, "dimensions")
    same(sorted(ds.indexes), ["a", "b", "c", "d", "e", "f", "g"], "indexes")
    same(list(ds.data_vars), ["v", "fl", "i", "l", "ok", "s", "label", "scalar", "x", "y", "lat", "lon",
                              "time", "per_g"], "data variables in order")

    expected_dtypes = {"a": "int32", "c": "float64", "d": "int32" if nc3 else "int64", "e": "float32",
                       "f": "bool", "v": "float64", "fl": "float32", "i": "int32",
                       "l": "int32" if nc3 else "int64", "ok": "bool", "scalar": "float64", "time": "int32"}
    for name, dtype in expected_dtypes.items():
        same(str(ds[name].dtype), dtype, f"dtype of {name}")
    for name in ["b", "g", "s", "label"]:
        same(ds[name].dtype.kind, "O", f"{name} holds Python strings")

    same(ds.a.values, [1, 2, 3], "labels of a")
    same(ds.b.values, ["x", "y"], "labels of b")
    same(ds.f.values, [False, True], "labels of f (bool)")
    same(ds.g.values, ["héllo", "日本", "ü"], "labels of g (UTF-8)")
    same(ds.v.dims, ("a", "b"), "dims of v")
    same(ds.v.values, np.array([[1, np.nan], [3, 4], [5, 6]]), "values of v (NaN is missing)")
    same(ds.sel(b="y").v.values, np.array([np.nan, 4, 6]), "ds.sel(b='y').v")
    same(float(ds.sel(g="日本").per_g), 2.0, "ds.sel(g='日本').per_g")
    same(ds.sel(f=True).time.values, [2, 4], "ds.sel(f=True).time")
    same(bool(ds.fl.isnull()[1]), True, "fl[1] is NaN")
    same(ds.ok.values, [[True, False], [False, True], [True, True]], "ok (bool)")
    same(ds.i.values, [-1, 0, 2147483647], "i")
    same(ds.l.values, [-2147483648, 7], "l")
    s = ds.s.values
    same(s[0, 0], "1x", "s[0, 0]")
    assert isinstance(s[0, 1], float) and np.isnan(s[0, 1]), f"a missing string is NaN, got {s[0, 1]!r}"
    same(s[1, 0], "", "s[1, 0] (empty, not missing)")
    same(s[1, 1], "日本語", "s[1, 1]")
    same(ds.label.item(), "scalar ☃", "scalar string")
    same(ds.scalar.item(), 2.5, "scalar")
    same(ds.lat.dims, ("n", "c"), "lat is an ordinary variable")

    same(ds.v.attrs["units"], "m/s²", "units of v")
    same(ds.attrs["title"], "a sweep ☃", "title")
    same(int(ds.attrs["count"]), 3, "count")
    same(int(ds.attrs["converged"]), 0, "a boolean attribute is int8")
    same(list(ds.attrs["grid"]), [0.1, 0.2, 0.3], "grid")
    names = ds.attrs["names"]
    same(json.loads(names) if nc3 else list(names), ["a", "b, c", '"q"'], "names")
    types = json.loads(ds.attrs["sweep_attr_types"])
    same(types["converged"], "bool", "sweep_attr_types records the boolean")
    if nc3:
        same(ds.l.attrs["dtype"], "int64", "NetCDF-3 marks int64 stored as int32")
        same(ds.d.attrs["dtype"], "int64", "NetCDF-3 marks the int64 coordinate")
        same(ds.v.encoding["source"].endswith(".nc"), True, "opened from disk")
        sci = xr.open_dataset(path, engine="scipy")
        same(sci.sel(b="y").v.values, np.array([np.nan, 4, 6]), "the scipy engine reads it too")
        same(list(sci.g.values), ["héllo", "日本", "ü"], "scipy decodes UTF-8 labels")
    else:
        order = json.loads(ds.attrs["sweep_order"])
        same(order["dims"], ["a", "b", "c", "d", "e", "f", "g", "n"], "sweep_order dims")
    print("ok")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
