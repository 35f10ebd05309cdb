"""Writes the xarray-made NetCDF files that sweep's Java tests read.

    /usr/bin/python3 make_golden.py [output-directory]

Without an argument it (re)writes the golden files next to this script: xarray_netcdf3.nc,
xarray_netcdf4.nc, xarray_classic_unlimited.nc, xarray_groups.nc (NetCDF-4 whose data live in groups
"sim" and "sim/run2", which sweep must refuse rather than lose) and xarray_order.nc /
xarray_order_netcdf3.nc (dimensions and variables in an order that is neither alphabetical nor
netcdf-java's), and, with ncgen from foreign_edge_cases.cdl,
foreign_edge_cases.nc (a scalar char, _Unsigned, _FillValue on a short, duplicate labels, records). The tests also run it into a temporary directory, so the files made by the
xarray installed today are checked by the same assertions as the ones checked in
(Debian 12: python3-xarray 2023.01, python3-netcdf4 1.6.2, libnetcdf19 4.9.0).

Both files hold one dataset with what sweep must read from xarray: an int64 and a string index, a
dimension without coordinates, non-index coordinates (bool, string, scalar), booleans, NaN, UTF-8
text, an int16 variable, and a packed variable (int16 with scale_factor and _FillValue). The
NetCDF-4 file is zlib-compressed and keeps int64 and variable-length strings; in the NetCDF-3 files
xarray itself turns int64 into int32 and strings into char arrays. The classic (CDF-1) file makes
"case" the unlimited dimension, so its variables over it are stored as records.
"""
import os
import shutil
import subprocess
import sys

import numpy as np
import xarray as xr


def dataset():
    return xr.Dataset(
        data_vars={
            "temperature": (("case", "b"), [[1.5, np.nan], [3.0, 4.0], [5.0, 6.5]],
                            {"units": "K", "long_name": "température"}),
            "count": ("case", np.array([1, 2, 3], dtype="int64")),
            "small": ("case", np.array([-1, 0, 1], dtype="int16")),
            "converged": (("case", "b"), np.array([[True, False], [True, True], [False, False]])),
            "note": ("case", np.array(["ok", "ünïcode ☃", ""], dtype=object)),
            "raw": ("sample", np.arange(4, dtype="float32")),
            "packed": ("case", [0.5, np.nan, 2.0]),
        },
        coords={
            "case": np.array([10, 20, 30], dtype="int64"),
            "b": ["x", "y"],
            "flag": ("case", [True, False, True]),
            "label": ("case", ["p", "q", "r"]),
            "height": 2.0,
        },
        attrs={"title": "golden", "answer": 42, "grid": [0.1, 0.2]},
    )


def order_dataset():
    """Several dimensions and variables in an order of their own: data first, coordinates last."""
    return xr.Dataset(
        data_vars={
            "b_out": (("a", "b", "c"), np.arange(24.0).reshape(2, 3, 4)),
            "a_out": (("a", "b"), np.arange(6.0).reshape(2, 3)),
            "z": ("c", np.arange(4.0)),
            "m": (("b", "c"), np.ones((3, 4))),
            "q": ("a", np.array([7, 8], dtype="int32")),
        },
        coords={"a": np.array([1, 2], dtype="int32"), "b": ["x", "y", "z"], "c": [0.1, 0.2, 0.3, 0.4]},
    )


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
    ds = dataset()
    packed = {"dtype": "int16", "scale_factor": 0.5, "_FillValue": -999}
    ds.to_netcdf(os.path.join(out, "xarray_netcdf3.nc"), format="NETCDF3_64BIT",
                 encoding={"packed": packed})
    ds.to_netcdf(os.path.join(out, "xarray_classic_unlimited.nc"), format="NETCDF3_CLASSIC",
                 encoding={"packed": packed}, unlimited_dims=["case"])
    zlib = {name: {"zlib": True, "complevel": 4}
            for name in ["temperature", "count", "small", "converged", "raw"]}
    zlib["packed"] = dict(packed, zlib=True)
    ds.to_netcdf(os.path.join(out, "xarray_netcdf4.nc"), format="NETCDF4", encoding=zlib)
    groups = os.path.join(out, "xarray_groups.nc")
    xr.Dataset(attrs={"title": "data in groups"}).to_netcdf(groups, format="NETCDF4")
    xr.Dataset({"temperature": ("t", [1.0, 2.0]), "count": ("t", np.array([1, 2], dtype="int32"))},
               coords={"t": [0.5, 1.5]}).to_netcdf(groups, group="sim", mode="a")
    xr.Dataset({"energy": ("k", [3.0, 4.0, 5.0])}).to_netcdf(groups, group="sim/run2", mode="a")
    order_dataset().to_netcdf(os.path.join(out, "xarray_order.nc"), format="NETCDF4")
    order_dataset().to_netcdf(os.path.join(out, "xarray_order_netcdf3.nc"), format="NETCDF3_64BIT")
    here = os.path.dirname(os.path.abspath(__file__))
    cdl = os.path.join(here, "foreign_edge_cases.cdl")
    if shutil.which("ncgen") and os.path.exists(cdl):
        subprocess.run(["ncgen", "-k", "classic", "-o", os.path.join(out, "foreign_edge_cases.nc"), cdl],
                       check=True)


if __name__ == "__main__":
    main()
